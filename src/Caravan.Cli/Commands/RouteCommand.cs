using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Caravan.Export;
using Caravan.Model;
using Caravan.Routing;
using Caravan.Routing.Queries;
using Spectre.Console;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan route</c>: plans one shipment.</summary>
internal static class RouteCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "Origin: code, name or alias (\"Xi'an\", xian, 西安)", Required = true };
        var to = new Option<string>("--to") { Description = "Destination: code, name or alias", Required = true };
        var cargo = new Option<string>("--cargo") { Description = "container (quantity in FEU), air-cargo, dry-bulk, liquid-bulk, gas (quantity in tonnes)", DefaultValueFactory = _ => "container" };
        var quantity = new Option<double>("--quantity") { Description = "FEU for containers, tonnes otherwise", DefaultValueFactory = _ => 1 };
        var avoid = new Option<string?>("--avoid") { Description = "Countries to avoid, ISO codes separated by commas (RU,BY)" };
        var avoidModes = new Option<string?>("--avoid-modes") { Description = "Modes to avoid, separated by commas (Air,Road)" };
        var avoidPlaces = new Option<string?>("--avoid-places") { Description = "Places to avoid, separated by commas" };
        var optimize = new Option<string>("--optimize") { Description = "time, cost, co2 or generalized", DefaultValueFactory = _ => "time" };
        var year = new Option<int?>("--year") { Description = "Year of travel; planned links count from their opening year (default: this year)" };
        var maxTransfers = new Option<int?>("--max-transfers") { Description = "Maximum number of transfers, gauge changes included" };
        var valueOfTime = new Option<double>("--value-of-time") { Description = "USD per hour per unit, for --optimize generalized", DefaultValueFactory = _ => 10 };
        var carbonPrice = new Option<double>("--carbon-price") { Description = "USD per kg CO2e, for --optimize generalized", DefaultValueFactory = _ => 0.1 };
        var json = new Option<bool>("--json") { Description = "Print the route as JSON" };
        var geojson = new Option<bool>("--geojson") { Description = "Print the route as a GeoJSON FeatureCollection" };
        var data = CommonOptions.Data();
        var command = new Command("route", "Plan a shipment: fastest, cheapest, lowest CO2e or generalized cost, under constraints")
        {
            from, to, cargo, quantity, avoid, avoidModes, avoidPlaces, optimize, year, maxTransfers, valueOfTime, carbonPrice, json, geojson, data,
        };
        command.SetAction(parse =>
        {
            var network = NetworkLoader.Load(parse.GetValue(data));
            var query = new RouteQuery
            {
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                Cargo = parse.GetValue(cargo),
                Quantity = F(parse.GetValue(quantity), "R"),
                Avoid = parse.GetValue(avoid),
                AvoidModes = parse.GetValue(avoidModes),
                AvoidPlaces = parse.GetValue(avoidPlaces),
                Optimize = parse.GetValue(optimize),
                Year = parse.GetValue(year)?.ToString(CultureInfo.InvariantCulture),
                MaxTransfers = parse.GetValue(maxTransfers)?.ToString(CultureInfo.InvariantCulture),
                ValueOfTime = F(parse.GetValue(valueOfTime), "R"),
                CarbonPrice = F(parse.GetValue(carbonPrice), "R"),
            };
            var parsed = new RouteQueryParser(network).Parse(query, DateTime.UtcNow.Year);
            foreach (var warning in parsed.Warnings)
            {
                Console.Error.WriteLine($"warning: --{warning}");
            }
            if (!parsed.IsValid)
            {
                throw new CliInputException(string.Join(Environment.NewLine + "error: ", parsed.Errors.Select(e => $"{OptionName(e.Field)}: {e.Message}")));
            }
            var request = parsed.Request!;
            var (origin, destination) = (request.From, request.To);
            var router = new Router(network);
            var outcome = router.Route(request);
            if (!outcome.Found)
            {
                if (parse.GetValue(json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(new { error = "no-route", message = outcome.NoRoute!.Message, blocking = outcome.NoRoute.Blocking }, JsonDefaults.Indented));
                }
                Console.Error.WriteLine($"error: {outcome.NoRoute!.Message}");
                return ExitCodes.BadInput;
            }
            var itinerary = outcome.Itinerary!;
            if (parse.GetValue(geojson))
            {
                Console.WriteLine(RouteGeoJson.Write(RouteGeoJson.Route(network, itinerary)));
                return ExitCodes.Ok;
            }
            if (parse.GetValue(json))
            {
                var response = new RouteResponse(RouteDocuments.Place(network, origin), RouteDocuments.Place(network, destination), [RouteDocuments.Route(network, itinerary)]);
                Console.WriteLine(JsonSerializer.Serialize(response, JsonDefaults.Indented));
                return ExitCodes.Ok;
            }
            RouteTable.Write(network, itinerary);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The command-line option for a query field: <c>avoidModes</c> → <c>--avoid-modes</c>.</summary>
    internal static string OptionName(string field) =>
        "--" + string.Concat(field.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));

    internal static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
