using System.CommandLine;
using Caravan.Model;
using Caravan.Services;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan places [query]</c>: lists or searches places by code, name or alias.</summary>
internal static class PlacesCommand
{
    public static Command Create()
    {
        var query = new Argument<string?>("query") { Description = "Text to search for (code, name or alias, any language); all places when omitted", Arity = ArgumentArity.ZeroOrOne };
        var data = CommonOptions.Data();
        var scenario = CommonOptions.Scenario();
        var json = new Option<bool>("--json") { Description = "Print JSON (the document of GET /api/places, or of GET /api/places/nearest with --near)" };
        var limit = new Option<string?>("--limit") { Description = QueryFields.Of<PlaceQuery>().Single(f => f.Name == "limit").Description };
        var near = new Option<string?>("--near") { Description = "Places nearest a point, lat,lon in degrees (51.43,6.76)" };
        var mode = new Option<string?>("--mode") { Description = "With --near: only places that handle this mode" };
        var command = new Command("places", "List places, or search them by code, name or alias, or find those near a point") { query, data, scenario, json, limit, near, mode };
        command.SetAction(parse =>
        {
            var network = NetworkLoader.Load(parse.GetValue(data), parse.GetValue(scenario));
            if (parse.GetValue(near) is { } point)
            {
                return PlacesNear.Run(network, point, parse.GetValue(mode), parse.GetValue(limit), parse.GetValue(json));
            }
            var q = parse.GetValue(query);
            var result = new PlaceService(network, new PlaceSearch(network)).Search(new PlaceQuery { Q = q, Limit = parse.GetValue(limit) });
            if (!result.IsValid)
            {
                return ServiceOutput.Errors(result.Errors, parse.GetValue(json));
            }
            var hits = result.Value!;
            if (parse.GetValue(json))
            {
                Console.WriteLine(Caravan.Json.JsonDefaults.Serialize(hits, Caravan.Cli.Json.CliJson.Indented));
                return hits.Count > 0 || string.IsNullOrWhiteSpace(q) ? ExitCodes.Ok : ExitCodes.BadInput;
            }
            if (hits.Count == 0)
            {
                throw new CliInputException($"no place matches '{q}'");
            }
            var table = new ListingTable("Code", "Name", "Country", "Kind", "Aliases");
            foreach (var hit in hits)
            {
                var p = network.Places[network.TryGetPlace(hit.Code, out var index) ? index : throw new InvalidOperationException($"place {hit.Code} of a search is not in the network")];
                table.AddRow(p.Code, p.Name, p.Country, p.Kind.ToString(), string.Join(", ", p.Aliases));
            }
            table.Write();
            return ExitCodes.Ok;
        });
        return command;
    }
}
