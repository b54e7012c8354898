using System.CommandLine;
using System.Globalization;
using Caravan.Assignment;
using Caravan.Data;
using Caravan.Data.Tntp;
using Caravan.Freight;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan assign</c>: user-equilibrium assignment of a TNTP network, compared with its best-known solution.</summary>
internal static class AssignCommand
{
    private static readonly Dictionary<string, AssignmentAlgorithm> Algorithms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["b"] = AssignmentAlgorithm.AlgorithmB,
        ["bfw"] = AssignmentAlgorithm.BiconjugateFrankWolfe,
        ["cfw"] = AssignmentAlgorithm.ConjugateFrankWolfe,
        ["fw"] = AssignmentAlgorithm.FrankWolfe,
        ["msa"] = AssignmentAlgorithm.Msa,
        ["aon"] = AssignmentAlgorithm.AllOrNothing,
    };

    public static Command Create()
    {
        var tntp = new Option<string?>("--tntp") { Description = "Folder with a TNTP network (X_net.tntp, X_trips.tntp, optional X_flow.tntp)." };
        var demand = new Option<string?>("--demand") { Description = "Annual freight demand (e.g. data/demand/eurasia-2024.csv) to assign to the Caravan network." };
        var data = CommonOptions.Data();
        var scenario = CommonOptions.Scenario();
        var year = new Option<int?>("--year") { Description = "With --demand: year of the network (default: this year)." };
        var geojson = new Option<string?>("--out-geojson") { Description = "With --demand: write link volumes as GeoJSON." };
        var save = new Option<bool>("--save") { Description = "Save the run in the run store" };
        var db = CommonOptions.Db();
        var top = new Option<int>("--top") { Description = "With --demand: bottlenecks to list.", DefaultValueFactory = _ => Caravan.Services.EngineOptions.Default.DefaultBottlenecks };
        var algorithm = new Option<string>("--algorithm") { Description = "b (Algorithm B, default), bfw, cfw, fw, msa or aon.", DefaultValueFactory = _ => "b" };
        // No default values here: an option not given keeps the engine's default for the job (TNTP or freight).
        var tntpDefaults = new AssignmentOptions();
        var freightDefaults = new Caravan.Freight.Choice.ChoiceOptions();
        var gap = new Option<double?>("--gap") { Description = string.Create(CultureInfo.InvariantCulture, $"With --tntp: target relative gap (default {tntpDefaults.TargetRelativeGap:G}).") };
        var maxIterations = new Option<int?>("--max-iterations") { Description = $"Iteration limit (default {tntpDefaults.MaxIterations} with --tntp, {freightDefaults.MaxIterations} with --demand: the choice model's shadow-price ascent)." };
        var timeLimit = new Option<double?>("--time-limit") { Description = "With --tntp: time limit in seconds." };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default 0 = all cores); the flows do not depend on it." };
        var output = new Option<string?>("--out") { Description = "Write link flows to this file: .tntp (TNTP _flow format) or .csv." };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON on stdout." };
        var proportionality = new Option<bool>("--proportionality") { Description = "With --tntp and Algorithm B: also report how far the origins' route flows are from proportionality on their pairs of alternative segments (Bar-Gera, Boyce & Nie 2012)." };
        var distanceFactor = new Option<double?>("--distance-factor") { Description = "Cost per unit length added to every link (default: _net header, then the folder README, else 0)." };
        var tollFactor = new Option<double?>("--toll-factor") { Description = "Cost per unit toll (default: _net header, then the folder README, else 0)." };
        var command = new Command("assign", "Static user-equilibrium assignment: a TNTP network (--tntp) or freight demand on the Caravan network (--demand).")
        {
            tntp, demand, data, scenario, year, geojson, top, save, db, algorithm, gap, maxIterations, timeLimit, threads, output, json, proportionality, distanceFactor, tollFactor,
        };
        command.SetAction(parse =>
        {
            var t = parse.GetValue(tntp);
            var d = parse.GetValue(demand);
            if ((t is null) == (d is null))
            {
                throw new CliInputException("give exactly one of --tntp <folder> or --demand <file>");
            }
            if (d is not null)
            {
                // The freight model is the choice equilibrium: the TNTP solver's settings do not apply to it.
                foreach (var (given, name) in new[] { (parse.GetResult(algorithm) is { Implicit: false }, "--algorithm"), (parse.GetValue(gap) is not null, "--gap"), (parse.GetValue(timeLimit) is not null, "--time-limit"), (parse.GetValue(distanceFactor) is not null, "--distance-factor"), (parse.GetValue(tollFactor) is not null, "--toll-factor"), (parse.GetValue(proportionality), "--proportionality") })
                {
                    if (given)
                    {
                        throw new CliInputException($"{name} applies to --tntp only; with --demand the freight choice model runs until every element is within capacity (--max-iterations, --threads)");
                    }
                }
                var maxIter = parse.GetValue(maxIterations);
                var threadCount = parse.GetValue(threads);
                if (maxIter is < 1 || threadCount is < 0)
                {
                    throw new CliInputException("--max-iterations must be at least 1 and --threads at least 0");
                }
                var outCsv = parse.GetValue(output);
                if (outCsv is not null && !outCsv.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                {
                    throw new CliInputException("--out: with --demand, link volumes are written as .csv (and --out-geojson for GeoJSON)");
                }
                var topCount = parse.GetValue(top);
                var engine = Caravan.Services.EngineOptions.Default;
                if (Caravan.Services.AssignmentService.Top("top", topCount, engine) is { } badTop)
                {
                    throw new CliInputException($"--top: {badTop.Message}");
                }
                if (Caravan.Services.AssignmentService.Threads("threads", threadCount, engine) is { } badThreads)
                {
                    throw new CliInputException($"--threads: {badThreads.Message}");
                }
                return AssignDemand.Run(d, parse.GetValue(data), parse.GetValue(scenario), parse.GetValue(year) ?? engine.DefaultYear, maxIter, threadCount, outCsv, parse.GetValue(geojson), parse.GetValue(json), topCount, parse.GetValue(save), parse.GetValue(db));
            }
            return Run(new AssignArguments(
            t!,
            parse.GetValue(algorithm) ?? "b",
            parse.GetValue(gap),
            parse.GetValue(maxIterations),
            parse.GetValue(timeLimit),
            parse.GetValue(threads),
            parse.GetValue(output),
            parse.GetValue(json),
            parse.GetValue(proportionality),
            parse.GetValue(distanceFactor),
            parse.GetValue(tollFactor)), tntpDefaults, parse.GetValue(save), parse.GetValue(db));
        });
        return command;
    }

    private static int Run(AssignArguments args, AssignmentOptions defaults, bool save = false, string? db = null)
    {
        var options = Validate(args, defaults);
        TntpDataset data;
        double[]? bestKnown = null;
        try
        {
            data = TntpFolder.Load(args.Folder, new TntpOptions { DistanceFactor = args.DistanceFactor, TollFactor = args.TollFactor });
            if (data.BestKnown is not null)
            {
                bestKnown = TntpLinkMatcher.VolumesByLink(data.Network, data.BestKnown, Path.Combine(args.Folder, data.Name + "_flow.tntp"));
            }
        }
        catch (CaravanDataException e)
        {
            throw new CliInputException(string.Join('\n', e.Diagnostics.Select(d => d.ToString())));
        }
        var progress = new AssignProgress(Console.Error, !Console.IsErrorRedirected);
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        AssignmentResult result;
        try
        {
            result = TrafficAssignment.Solve(data.Problem, options, progress.Report, cancel.Token);
        }
        catch (CaravanDataException e)
        {
            throw new CliInputException(string.Join('\n', e.Diagnostics.Select(d => d.ToString())));
        }
        catch (OperationCanceledException)
        {
            progress.Finish();
            Console.Error.WriteLine("cancelled");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
        progress.Finish();
        var comparison = bestKnown is null ? null : SolutionComparison.Compare(data.Problem, result.LinkFlow, bestKnown);
        if (args.Output is not null)
        {
            AssignOutput.Write(args.Output, data.Network, result);
        }
        if (save)
        {
            Console.Error.WriteLine($"saved run {RunSaving.SaveTntpAssignment(db, args.Folder, data.Name, args.AlgorithmName.ToLowerInvariant(), result)}");
        }
        var report = new AssignReport(data, args.AlgorithmName.ToLowerInvariant(), options, result, comparison);
        if (args.Json)
        {
            Console.Out.WriteLine(report.ToJson());
        }
        else
        {
            report.WriteText(Console.Out);
        }
        return NotConverged(result, options);
    }

    /// <summary>Warns on stderr when the run stopped at a limit above its target gap; the exit code says the same.</summary>
    internal static int NotConverged(AssignmentResult result, AssignmentOptions options)
    {
        if (result.Converged)
        {
            return ExitCodes.Ok;
        }
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warning: not converged: stopped at the {(result.StopReason == StopReason.TimeLimit ? "time" : "iteration")} limit after {result.Iterations} iterations with relative gap {result.RelativeGap:E3}, above the target {options.TargetRelativeGap:G}"));
        return ExitCodes.NotConverged;
    }

    private static AssignmentOptions Validate(AssignArguments args, AssignmentOptions defaults)
    {
        if (!Algorithms.TryGetValue(args.AlgorithmName, out var algorithm))
        {
            throw new CliInputException($"--algorithm: '{args.AlgorithmName}' is not one of {string.Join(", ", Algorithms.Keys)}");
        }
        if (args.Gap is double g && (!(g >= 0) || !double.IsFinite(g)))
        {
            throw new CliInputException($"--gap: {g.ToString(CultureInfo.InvariantCulture)} must be a finite number ≥ 0");
        }
        if (args.MaxIterations < 1)
        {
            throw new CliInputException("--max-iterations: must be at least 1");
        }
        if (args.TimeLimitSeconds is double t && (!(t > 0) || !double.IsFinite(t) || t > TimeSpan.MaxValue.TotalSeconds / 2))
        {
            throw new CliInputException("--time-limit: must be a positive number of seconds");
        }
        if (Caravan.Services.AssignmentService.Threads("threads", args.Threads, Caravan.Services.EngineOptions.Default) is { } badThreads)
        {
            throw new CliInputException($"--threads: {badThreads.Message}");
        }
        foreach (var (name, value) in new[] { ("--distance-factor", args.DistanceFactor), ("--toll-factor", args.TollFactor) })
        {
            if (value is double v && (!double.IsFinite(v) || v < 0))
            {
                throw new CliInputException($"{name}: must be a finite number ≥ 0");
            }
        }
        if (args.Output is string path)
        {
            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension is not (".tntp" or ".csv"))
            {
                throw new CliInputException($"--out: '{path}' must end in .tntp or .csv");
            }
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is null || !Directory.Exists(folder))
            {
                throw new CliInputException($"--out: folder of '{path}' does not exist");
            }
        }
        if (args.Proportionality && !RouteFlowProportionality.Supports(algorithm))
        {
            throw new CliInputException($"--proportionality: needs the per-origin flows of an origin-based solution; --algorithm {args.AlgorithmName} keeps only link flows (use --algorithm b)");
        }
        return defaults.With(algorithm, args.Gap, args.MaxIterations, args.TimeLimitSeconds is double s ? TimeSpan.FromSeconds(s) : null, args.Threads, args.Proportionality ? true : null);
    }
}

/// <summary>The parsed options of <c>caravan assign</c>.</summary>
internal sealed record AssignArguments(
    string Folder,
    string AlgorithmName,
    double? Gap,
    int? MaxIterations,
    double? TimeLimitSeconds,
    int? Threads,
    string? Output,
    bool Json,
    bool Proportionality,
    double? DistanceFactor,
    double? TollFactor);
