using System.CommandLine;
using System.Text.Json;
using Caravan.Export;
using Caravan.Services;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan route</c>: binds its options into the engine's <see cref="RoutePlanQuery"/>, calls the route service, renders.</summary>
internal static class RouteCommand
{
    public static Command Create()
    {
        var query = new QueryBinder<RoutePlanQuery>();
        var json = new Option<bool>("--json") { Description = "Print the route as JSON (errors too: the engine's error document)" };
        var geojson = new Option<bool>("--geojson") { Description = "Print the route as a GeoJSON FeatureCollection" };
        var data = CommonOptions.Data();
        var scenario = CommonOptions.Scenario();
        var save = new Option<bool>("--save") { Description = "Save the chosen route in the run store" };
        var db = CommonOptions.Db();
        var batch = new Option<string?>("--batch") { Description = "Route every row of this CSV (from,to[,cargo,quantity,avoid,avoid_modes,avoid_places,optimize,year,max_transfers]) by its single criterion; NDJSON in row order" };
        var csv = new Option<string?>("--csv") { Description = "Also write the chosen route's legs to this CSV file" };
        var xlsx = new Option<string?>("--xlsx") { Description = "Also write the chosen route's legs to this XLSX workbook" };
        var container = new Option<string?>("--container") { Description = "ISO 6346 container type (20, 40, 40HC, 45, 20RF, 40RF or codes 22G1, 42G1, 45G1, L5G1, 22R1, 42R1): --quantity counts boxes, converted to FEU by TEU" };
        var cargoKg = new Option<double?>("--cargo-kg") { Description = "With --container: cargo mass per box, checked against the type's payload limit" };
        var command = new Command("route", "Plan a shipment: the Pareto options over time, cost, CO2e and reliability, under constraints");
        foreach (var option in query.Options)
        {
            command.Options.Add(option);
        }
        foreach (var option in new Option[] { json, geojson, data, scenario, save, db, batch, csv, xlsx, container, cargoKg })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse =>
        {
            var loaded = NetworkLoader.LoadScenario(parse.GetValue(data), parse.GetValue(scenario));
            var network = loaded.Network;
            if (parse.GetValue(batch) is { Length: > 0 } batchPath)
            {
                return RouteBatchRun.Run(network, batchPath);
            }
            var bound = query.Bind(parse);
            bound = ContainerQuantity.Apply(bound, parse.GetValue(container), parse.GetValue(cargoKg), parse.GetValue(data));
            var result = new RouteService(network, EngineOptions.Default, zones: NetworkLoader.TimeZones(parse.GetValue(data), network, parse.GetValue(scenario))).Plan(bound);
            ServiceOutput.Warnings(result.Warnings);
            if (!result.IsValid)
            {
                return ServiceOutput.Errors(result.Errors, parse.GetValue(json));
            }
            var (request, plan, document) = result.Value!;
            ItineraryFiles.Write(document, parse.GetValue(csv), parse.GetValue(xlsx));
            if (parse.GetValue(save))
            {
                Console.Error.WriteLine($"saved run {RunSaving.SaveRoute(parse.GetValue(db), loaded, plan.Options[0].Itinerary)}");
            }
            if (parse.GetValue(geojson))
            {
                var fc = new NetTopologySuite.Features.FeatureCollection();
                var all = plan.Options.Concat(plan.Alternatives).ToList();
                for (var i = 0; i < all.Count; i++)
                {
                    foreach (var f in RouteGeoJson.Route(network, all[i].Itinerary, i))
                    {
                        fc.Add(f);
                    }
                }
                Console.WriteLine(RouteGeoJson.Write(fc));
                return ExitCodes.Ok;
            }
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonDefaults.Serialize(document, Caravan.Cli.Json.CliJson.Indented));
                return ExitCodes.Ok;
            }
            PlanTable.Write(network, plan, document, request.Deadline);
            return ExitCodes.Ok;
        });
        return command;
    }
}
