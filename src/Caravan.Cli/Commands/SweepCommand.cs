using System.CommandLine;
using System.Globalization;
using Caravan.Appraisal;
using Caravan.Json;
using Caravan.Services;
using Caravan.Sweep;
using Spectre.Console;

namespace Caravan.Cli.Commands;

/// <summary>
/// <c>caravan sweep spec.json</c>: appraise portfolios of candidate projects over futures and years on Orleans (an
/// in-process silo, or <c>--cluster</c>), with a progress bar; prints the ranked portfolios and the frontier.
/// </summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var spec = new Argument<string>("spec") { Description = "Sweep spec (JSON; schema docs/schema/sweep.schema.json), e.g. data/sweeps/eurasia-2040.json" };
        var data = CommonOptions.Data();
        var json = new Option<bool>("--json") { Description = "Print the appraisal as JSON" };
        var csv = new Option<string?>("--csv") { Description = "Write the ranked portfolios to this CSV" };
        var png = new Option<string?>("--png") { Description = "Write charts (frontier.png, npv.png) to this folder" };
        var cluster = new Option<string?>("--cluster") { Description = "Run on a silo cluster (see caravan silo): postgres://user@host:port/database (membership in PostgreSQL) or localhost:PORT[,PORT…] (silo ports on this machine, primary first)" };
        var db = CommonOptions.Db();
        var parallel = new Option<int>("--parallel") { Description = "Runs in flight at once (default: 2 per core of this machine per silo)", DefaultValueFactory = _ => 0 };
        var command = new Command("sweep", "Appraise portfolios of projects under uncertain futures: freight flows per portfolio × future × year, NPV, BCR, regret, frontier")
        {
            spec, data, json, csv, png, cluster, db, parallel,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(data) ?? NetworkLoader.DefaultDataFolder();
            var specPath = parse.GetValue(spec)!;
            SweepSpec sweep;
            try
            {
                sweep = SweepService.Load(specPath, folder);
            }
            catch (Caravan.Diagnostics.CaravanDataException e)
            {
                throw new CliInputException(NetworkLoader.DiagnosticText(specPath, e.Diagnostics));
            }
            ClusterAddress? address = null;
            if (parse.GetValue(cluster) is { } text && (address = ClusterAddress.TryParse(text, out var error)) is null)
            {
                throw new CliInputException(error);
            }
            if (parse.GetValue(parallel) is var p && p < 0)
            {
                throw new CliInputException("--parallel must be ≥ 0");
            }
            var planner = SweepService.Plan(sweep, folder);
            var store = new SweepRunStore(RunSaving.Open(parse.GetValue(db)), sweep.Name);
            var outcome = Run(planner, address, p, store, quiet: parse.GetValue(json));
            if (parse.GetValue(csv) is { } csvPath)
            {
                SweepService.WriteCsv(outcome, csvPath);
                Console.Error.WriteLine($"wrote {csvPath}");
            }
            if (parse.GetValue(png) is { } dir)
            {
                Directory.CreateDirectory(dir);
                SweepCharts.WriteFrontier(outcome, Path.Combine(dir, "frontier.png"));
                SweepCharts.WriteNpv(outcome, Path.Combine(dir, "npv.png"));
                Console.Error.WriteLine($"wrote {Path.Combine(dir, "frontier.png")} and {Path.Combine(dir, "npv.png")}");
            }
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonDefaults.Serialize(outcome, JsonDefaults.Indented));
                return ExitCodes.Ok;
            }
            SweepTable.Render(outcome);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static SweepOutcome Run(SweepPlanner planner, ClusterAddress? address, int parallel, SweepRunStore store, bool quiet)
    {
        var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return Task.Run(async () =>
        {
            await using var connection = address is null
                ? await SweepCluster.StartInProcessAsync(parallel).ConfigureAwait(false)
                : await SweepCluster.ConnectAsync(address, parallel).ConfigureAwait(false);
            var where = address is null ? "an in-process silo" : $"{connection.Silos} silos of {address.Display}";
            err.MarkupLine(Markup.Escape($"sweep {planner.Spec.Name}: {planner.Spec.Projects.Count} projects, {planner.Spec.Futures.Count} futures, {planner.Spec.Years.Count} years, strategy {planner.Spec.Strategy.Kind.ToString().ToLowerInvariant()}, on {where}; {store.Count} runs already in the store"));
            SweepOutcome? outcome = null;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await err.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("runs");
                    var progress = new Progress<SweepProgress>(s =>
                    {
                        task.MaxValue = Math.Max(1, s.Total);
                        task.Value = s.Done;
                        task.Description = $"runs {s.Done}/{s.Total} ({s.Skipped} from the store)";
                    });
                    outcome = await SweepService.RunAsync(planner, connection.Executor, store, progress).ConfigureAwait(false);
                    task.Value = task.MaxValue;
                }).ConfigureAwait(false);
            var seconds = clock.Elapsed.TotalSeconds;
            // One unwrapped line, so scripts (bench/sweep/run.sh) can read it.
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"computed {outcome!.Computed} runs in {seconds:0.0} s ({outcome.Computed / Math.Max(seconds, 1e-9):0.00} runs/s) on {where}; {outcome.Skipped} taken from the store"));
            return outcome;
        }).GetAwaiter().GetResult();
    }
}
