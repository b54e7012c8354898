using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Caravan.Data;
using Caravan.Export;
using Caravan.Scenarios;
using Caravan.Services;
using Spectre.Console;

namespace Caravan.Cli.Commands;

/// <summary>
/// <c>caravan scenarios [name]</c>: lists the scenarios, or shows what one does to the network — each change, how
/// many elements it matched and which links it touched — so a selector that misses the data is seen at once.
/// </summary>
internal static class ScenariosCommand
{
    public static Command Create()
    {
        var name = new Argument<string?>("name") { Description = "A scenario name or .json file to show; all scenarios when omitted", Arity = ArgumentArity.ZeroOrOne };
        var data = CommonOptions.Data();
        var json = new Option<bool>("--json") { Description = "Print the list or the scenario as JSON (the documents of GET /api/scenarios and /api/scenarios/{name})" };
        var command = new Command("scenarios", "List scenarios, or show what one changes in the network") { name, data, json };
        command.SetAction(parse =>
        {
            var scenario = parse.GetValue(name);
            if (scenario is null)
            {
                return List(parse.GetValue(data), parse.GetValue(json));
            }
            var s = NetworkLoader.LoadScenario(parse.GetValue(data), scenario);
            if (parse.GetValue(json))
            {
                var detail = ScenarioCatalog.Detail(ScenarioLoader.IsBase(scenario) ? null : s, s.ContentHash);
                Console.WriteLine(JsonDefaults.Serialize(detail, Caravan.Cli.Json.CliJson.Indented));
                return ExitCodes.Ok;
            }
            Console.WriteLine($"{s.Name}: {s.Description}");
            Console.WriteLine($"chain: {string.Join(" → ", s.Chain.Select(o => o.Name).Prepend(ScenarioLoader.BaseName))}");
            Console.WriteLine($"content hash: {s.ContentHash}");
            var table = new Table().AddColumns("scenario", "#", "change", "matched", "touched");
            foreach (var e in s.Log.Entries)
            {
                var links = e.LinkIds.Concat(e.TransferKeys).Concat(e.PlaceCodes).Distinct().ToList();
                table.AddRow(
                    Markup.Escape(e.Scenario),
                    (e.Change.Index + 1).ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(e.Change.Describe()),
                    e.Matched == 0 ? "[yellow]0[/]" : e.Matched.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(", ", links.Take(12)) + (links.Count > 12 ? $" … (+{links.Count - 12})" : "")));
            }
            AnsiConsole.Write(table);
            foreach (var d in s.Diagnostics.Where(d => d.Severity == Severity.Warning))
            {
                Console.Error.WriteLine(d);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int List(string? dataFolder, bool json)
    {
        var folder = string.IsNullOrWhiteSpace(dataFolder) ? NetworkLoader.DefaultDataFolder() : dataFolder;
        if (!string.IsNullOrWhiteSpace(dataFolder))
        {
            // The scenarios are overlays on that network: a folder that is not one is refused, as by every other
            // command, instead of listing the shipped scenarios as if it were (found by CliOddInputTests).
            NetworkLoader.Load(dataFolder);
        }
        var summaries = ScenarioCatalog.Summaries(ScenarioCatalog.Files(folder, ScenarioLoader.ScenariosFolder(NetworkLoader.DefaultDataFolder())));
        if (json)
        {
            Console.WriteLine(JsonDefaults.Serialize(summaries, Caravan.Cli.Json.CliJson.Indented));
            return ExitCodes.Ok;
        }
        var table = new Table().AddColumns("name", "based on", "changes", "sources", "description");
        foreach (var s in summaries)
        {
            var description = s.Description.Length > 140 ? s.Description[..137] + "..." : s.Description;
            table.AddRow(Markup.Escape(s.Name), Markup.Escape(s.BasedOn ?? ""), s.Changes.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(", ", s.Sources)), Markup.Escape(description));
        }
        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }
}
