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
        var query = new QueryBinder<ReachQuery>();
        var json = new Option<bool>("--json") { Description = "Print JSON (errors too: the engine's error document)" };
        var geojson = new Option<bool>("--geojson") { Description = "Print a GeoJSON FeatureCollection of the places reached (points)" };
        var data = CommonOptions.Data();
        var scenario = CommonOptions.Scenario();
        var command = new Command("reach", "Every place reachable from an origin within a time, price or CO2e budget");
        foreach (var option in query.Options.Concat([json, geojson, data, scenario]))
        {
            command.Options.Add(option);
        }
        command.SetAction(parse =>
        {
            var network = NetworkLoader.Load(parse.GetValue(data), parse.GetValue(scenario));
            var parser = new ReachQueryParser(new SkimQueryParser(network, new RouteQueryParser(network)));
            var bound = query.Bind(parse);
            var parsed = parser.Parse(bound, EngineOptions.Default.DefaultYear);
            if (parsed.Template is null)
            {
                return ServiceOutput.Errors(parsed.Errors, parse.GetValue(json));
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
            var table = new Table { Title = new TableTitle(Markup.Escape($"{doc.Places.Count} place(s) within {bound.Within} of {doc.From.Name} ({doc.Objective}, per {doc.Unit})")) };
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
