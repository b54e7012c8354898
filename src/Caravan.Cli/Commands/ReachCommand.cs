using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Caravan.Export;
using Caravan.Routing;
using Caravan.Services;
using Caravan.Skims;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using Spectre.Console;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan reach --from "Xi'an" --within 10d|5000usd [--objective …] [--json|--geojson]</c>.</summary>
internal static class ReachCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "Origin: code, name or alias", Required = true };
        var within = new Option<string>("--within") { Description = "Budget: 10d, 240h, 5000usd or 3000kg (CO2e)", Required = true };
        var objective = new Option<string?>("--objective") { Description = "What each path minimises: time, cost, co2 or recommended (default: the budget's criterion)" };
        var cargo = new Option<string?>("--cargo") { Description = "container (default), air-cargo, dry-bulk, liquid-bulk, gas" };
        var avoid = new Option<string?>("--avoid") { Description = "Countries to avoid, ISO codes separated by commas" };
        var avoidModes = new Option<string?>("--avoid-modes") { Description = "Modes to avoid, separated by commas" };
        var year = new Option<int?>("--year") { Description = "Year of travel (default: this year)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var geojson = new Option<bool>("--geojson") { Description = "Print a GeoJSON FeatureCollection of the places reached (points)" };
        var data = CommonOptions.Data();
        var scenario = CommonOptions.Scenario();
        var command = new Command("reach", "Every place reachable from an origin within a time, price or CO2e budget")
        {
            from, within, objective, cargo, avoid, avoidModes, year, json, geojson, data, scenario,
        };
        command.SetAction(parse =>
        {
            var network = NetworkLoader.Load(parse.GetValue(data), parse.GetValue(scenario));
            var parser = new ReachQueryParser(new SkimQueryParser(network, new RouteQueryParser(network)));
            var parsed = parser.Parse(new ReachQuery
            {
                From = parse.GetValue(from),
                Within = parse.GetValue(within),
                Objective = parse.GetValue(objective),
                Cargo = parse.GetValue(cargo),
                Avoid = parse.GetValue(avoid),
                AvoidModes = parse.GetValue(avoidModes),
                Year = parse.GetValue(year)?.ToString(CultureInfo.InvariantCulture),
            }, EngineOptions.Default.DefaultYear);
            if (parsed.Template is null)
            {
                throw new CliInputException(string.Join(Environment.NewLine, parsed.Errors.Select(e => $"--{MatrixCommand.Option(e.Field)}: {e.Message}")));
            }
            var doc = Reach.Compute(new RoutingGraph(network), parsed.Origin, parsed.Budget, parsed.Template);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonDefaults.Serialize(doc, Caravan.Cli.Json.CliJson.Indented));
                return ExitCodes.Ok;
            }
            if (parse.GetValue(geojson))
            {
                var factory = new GeometryFactory(new PrecisionModel(), 4326);
                var fc = new FeatureCollection();
                foreach (var p in doc.Places)
                {
                    fc.Add(new Feature(factory.CreatePoint(new Coordinate(p.Place.Lon, p.Place.Lat)), new AttributesTable
                    {
                        { "code", p.Place.Code }, { "name", p.Place.Name }, { "country", p.Place.Country }, { "hours", p.Hours },
                        { "p90Hours", p.P90Hours }, { "costUsd", p.CostUsd }, { "co2eKg", p.Co2eKg }, { "corridor", p.Corridor },
                    }));
                }
                Console.WriteLine(RouteGeoJson.Write(fc));
                return ExitCodes.Ok;
            }
            var table = new Table { Title = new TableTitle(Markup.Escape($"{doc.Places.Count} place(s) within {parse.GetValue(within)} of {doc.From.Name} ({doc.Objective}, per {doc.Unit})")) };
            table.AddColumns("place", "country", "days", "p90 days", "USD", "kg CO2e", "corridor");
            foreach (var p in doc.Places)
            {
                table.AddRow(Markup.Escape(p.Place.Name), p.Place.Country, (p.Hours / 24).ToString("0.0", CultureInfo.InvariantCulture),
                    (p.P90Hours / 24).ToString("0.0", CultureInfo.InvariantCulture), p.CostUsd.ToString("0", CultureInfo.InvariantCulture),
                    p.Co2eKg.ToString("0", CultureInfo.InvariantCulture), Markup.Escape(p.Corridor));
            }
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
