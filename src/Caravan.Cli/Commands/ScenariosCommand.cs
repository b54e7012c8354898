using System.CommandLine;
using System.Globalization;
using Caravan.Data;
using Caravan.Scenarios;
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
        var command = new Command("scenarios", "List scenarios, or show what one changes in the network") { name, data };
        command.SetAction(parse =>
        {
            var scenario = parse.GetValue(name);
            if (scenario is null)
            {
                return List(parse.GetValue(data));
            }
            var s = NetworkLoader.LoadScenario(parse.GetValue(data), scenario);
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

    private static int List(string? dataFolder)
    {
        var folder = string.IsNullOrWhiteSpace(dataFolder) ? NetworkLoader.DefaultDataFolder() : dataFolder;
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var dir in new[] { ScenarioLoader.ScenariosFolder(NetworkLoader.DefaultDataFolder()), ScenarioLoader.ScenariosFolder(folder) })
        {
            if (Directory.Exists(dir))
            {
                foreach (var f in Directory.GetFiles(dir, "*.json"))
                {
                    files[Path.GetFileNameWithoutExtension(f)] = f;
                }
            }
        }
        var table = new Table().AddColumns("name", "based on", "changes", "sources", "description");
        foreach (var (n, path) in files.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var bag = new DiagnosticBag();
            var overlay = OverlayReader.ReadFile(path, path, bag);
            if (overlay is null)
            {
                table.AddRow(Markup.Escape(n), "", "", "", $"[red]{Markup.Escape(bag.Items.FirstOrDefault()?.ToString() ?? "unreadable")}[/]");
                continue;
            }
            var description = overlay.Description.Length > 140 ? overlay.Description[..137] + "..." : overlay.Description;
            table.AddRow(Markup.Escape(n), Markup.Escape(overlay.BasedOn ?? ""), overlay.Changes.Count.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(", ", overlay.SourceIds)), Markup.Escape(description));
        }
        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }
}
