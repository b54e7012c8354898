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
        var command = new Command("route", "Plan a shipment: the Pareto options over time, cost, CO2e and reliability, under constraints");
        foreach (var option in query.Options)
        {
            command.Options.Add(option);
        }
        foreach (var option in new Option[] { json, geojson, data, scenario, save, db })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse =>
        {
            var loaded = NetworkLoader.LoadScenario(parse.GetValue(data), parse.GetValue(scenario));
            var network = loaded.Network;
            var result = new RouteService(network, EngineOptions.Default).Plan(query.Bind(parse));
            ServiceOutput.Warnings(result.Warnings);
            if (!result.IsValid)
            {
                return ServiceOutput.Errors(result.Errors, parse.GetValue(json));
            }
            var (request, plan, document) = result.Value!;
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
                Console.WriteLine(JsonSerializer.Serialize(document, JsonDefaults.Indented));
                return ExitCodes.Ok;
            }
            PlanTable.Write(network, plan, request.Depart, request.Deadline);
            return ExitCodes.Ok;
        });
        return command;
    }
}
