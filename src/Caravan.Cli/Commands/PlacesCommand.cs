using System.CommandLine;
using Caravan.Model;
using Spectre.Console;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan places [query]</c>: lists or searches places by code, name or alias.</summary>
internal static class PlacesCommand
{
    public static Command Create()
    {
        var query = new Argument<string?>("query") { Description = "Text to search for (code, name or alias, any language); all places when omitted", Arity = ArgumentArity.ZeroOrOne };
        var data = CommonOptions.Data();
        var scenario = CommonOptions.Scenario();
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var near = new Option<string?>("--near") { Description = "Places nearest a point, lat,lon in degrees (51.43,6.76)" };
        var mode = new Option<string?>("--mode") { Description = "With --near: only places that handle this mode" };
        var limit = new Option<string?>("--limit") { Description = "With --near: most places listed (default 5)" };
        var command = new Command("places", "List places, or search them by code, name or alias, or find those near a point") { query, data, scenario, json, near, mode, limit };
        command.SetAction(parse =>
        {
            var network = NetworkLoader.Load(parse.GetValue(data), parse.GetValue(scenario));
            if (parse.GetValue(near) is { } point)
            {
                return PlacesNear.Run(network, point, parse.GetValue(mode), parse.GetValue(limit), parse.GetValue(json));
            }
            var q = parse.GetValue(query);
            IReadOnlyList<int> indices;
            if (string.IsNullOrWhiteSpace(q))
            {
                indices = Enumerable.Range(0, network.Places.Count).ToList();
            }
            else
            {
                indices = new PlaceSearch(network).Search(q, 50).Select(m => m.Place).ToList();
                if (indices.Count == 0)
                {
                    throw new CliInputException($"no place matches '{q}'");
                }
            }
            if (parse.GetValue(json))
            {
                var docs = indices.Select(i => network.Places[i]).Select(p => new { p.Code, p.Name, p.Country, lat = p.Latitude, lon = p.Longitude, kind = p.Kind.ToString(), p.Aliases });
                Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(docs, Export.JsonDefaults.Indented));
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("Code", "Name", "Country", "Kind", "Aliases");
            foreach (var i in indices)
            {
                var p = network.Places[i];
                table.AddRow(Markup.Escape(p.Code), Markup.Escape(p.Name), p.Country, p.Kind.ToString(), Markup.Escape(string.Join(", ", p.Aliases)));
            }
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
