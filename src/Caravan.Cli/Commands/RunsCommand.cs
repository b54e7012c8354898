using System.CommandLine;
using System.Globalization;
using Caravan.Services;
using Caravan.Store;
using Spectre.Console;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan runs list|show|delete|export</c>: the saved runs in the run store.</summary>
internal static class RunsCommand
{
    public static Command Create()
    {
        var command = new Command("runs", "List, show, delete and export saved runs (compare --save)");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Delete());
        command.Subcommands.Add(Export());
        return command;
    }

    private static Argument<long> IdArgument() => new("id") { Description = "Run id (from caravan runs list)" };

    private static Command List()
    {
        var db = CommonOptions.Db();
        var limit = new Option<string?>("--limit") { Description = $"Most runs to list (1–{EngineOptions.Default.MaxRunList}, default {EngineOptions.Default.DefaultRunList})" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var c = new Command("list", "List saved runs, newest first") { db, limit, json };
        c.SetAction(parse =>
        {
            if (RunListing.Limit(parse.GetValue(limit), EngineOptions.Default, out var n) is { } error)
            {
                return ServiceOutput.Errors([error], parse.GetValue(json));
            }
            var store = RunSaving.OpenForReading(parse.GetValue(db));
            if (parse.GetValue(json))
            {
                // The engine's listing, the one GET /api/runs answers.
                var listed = RunService.List(store, parse.GetValue(limit), EngineOptions.Default);
                Console.WriteLine(JsonDefaults.Serialize(listed.Value!, Caravan.Cli.Json.CliJson.Indented));
                return ExitCodes.Ok;
            }
            var runs = store.List(n);
            var table = new Table().AddColumns("id", "kind", "created (UTC)", "scenarios", "content hash", "rows");
            foreach (var r in runs)
            {
                table.AddRow(
                    r.Id.ToString(CultureInfo.InvariantCulture),
                    r.Kind.Name(),
                    r.CreatedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Markup.Escape(r.ScenarioB is null ? r.ScenarioA : $"{r.ScenarioA} → {r.ScenarioB}"),
                    Markup.Escape(Short(r.ContentHashA) + (r.ContentHashB is null ? "" : " → " + Short(r.ContentHashB))),
                    r.ResultCount.ToString(CultureInfo.InvariantCulture));
            }
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });
        return c;
    }

    private static Command Show()
    {
        var db = CommonOptions.Db();
        var id = IdArgument();
        var json = new Option<bool>("--json") { Description = "Print JSON: the run's record and its first result rows (the document GET /api/runs/{id} answers)" };
        var c = new Command("show", "Show a saved run: scenarios, content hashes, parameters, summary, rows") { id, db, json };
        c.SetAction(parse =>
        {
            var store = RunSaving.OpenForReading(parse.GetValue(db));
            if (parse.GetValue(json))
            {
                // The engine's document of a run, the one GET /api/runs/{id} answers.
                var shown = RunService.Show(store, parse.GetValue(id), EngineOptions.Default);
                if (!shown.IsValid)
                {
                    return ServiceOutput.Errors(shown.Errors, json: true);
                }
                Console.WriteLine(JsonDefaults.Serialize(shown.Value!, Caravan.Cli.Json.CliJson.Indented));
                return ExitCodes.Ok;
            }
            var run = Find(store, parse.GetValue(id));
            Console.WriteLine($"run {run.Id} ({run.Kind.Name()}), saved {run.CreatedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC");
            Console.WriteLine($"  scenario {(run.ScenarioB is null ? "" : "A ")}{run.ScenarioA}: {run.ContentHashA}");
            if (run.ScenarioB is not null)
            {
                Console.WriteLine($"  scenario B {run.ScenarioB}: {run.ContentHashB}");
            }
            Console.WriteLine($"  parameters {run.ParametersJson}");
            Console.WriteLine($"  summary    {run.SummaryJson}");
            var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var table = new Table().AddColumns("kind", "key", "data");
            foreach (var row in store.Results(run.Id))
            {
                kinds[row.Kind] = kinds.GetValueOrDefault(row.Kind) + 1;
                if (row.Kind != "synthetic" && table.Rows.Count < 50)
                {
                    table.AddRow(Markup.Escape(row.Kind), Markup.Escape(row.Key), Markup.Escape(row.DataJson.Length > 160 ? row.DataJson[..157] + "..." : row.DataJson));
                }
            }
            Console.WriteLine($"  {run.ResultCount} result row(s): {string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value}"))}");
            if (table.Rows.Count > 0)
            {
                AnsiConsole.Write(table);
            }
            return ExitCodes.Ok;
        });
        return c;
    }

    private static Command Delete()
    {
        var db = CommonOptions.Db();
        var id = IdArgument();
        var c = new Command("delete", "Delete a saved run and its rows") { id, db };
        c.SetAction(parse =>
        {
            var runId = parse.GetValue(id);
            if (!RunSaving.Open(parse.GetValue(db)).Delete(runId))
            {
                throw new CliInputException($"no run {runId}");
            }
            Console.WriteLine($"deleted run {runId}");
            return ExitCodes.Ok;
        });
        return c;
    }

    private static Command Export()
    {
        var db = CommonOptions.Db();
        var id = IdArgument();
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output); written to a temporary file, then renamed" };
        var c = new Command("export", "Export a saved run with all its rows as JSON") { id, db, output };
        c.SetAction(parse =>
        {
            var store = RunSaving.OpenForReading(parse.GetValue(db));
            var run = Find(store, parse.GetValue(id));
            var path = parse.GetValue(output);
            if (path is null)
            {
                using var stdout = Console.OpenStandardOutput();
                RunJson.Write(stdout, run, store.Results(run.Id));
                stdout.Write("\n"u8);
                return ExitCodes.Ok;
            }
            RunJson.WriteFile(path, run, store.Results(run.Id));
            Console.Error.WriteLine($"run {run.Id} written to {path}");
            return ExitCodes.Ok;
        });
        return c;
    }

    private static RunInfo Find(IRunStore store, long id) => store.Get(id) ?? throw new CliInputException($"no run {id} (caravan runs list shows the saved runs)");

    private static string Short(string hash) => hash.StartsWith("sha256:", StringComparison.Ordinal) && hash.Length > 19 ? hash[..19] : hash;
}
