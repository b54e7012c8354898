using System.Globalization;
using Caravan.Assignment;
using Caravan.Bench;
using Caravan.Data.Tntp;

// TNTP convergence harness: time for each algorithm to reach relative gaps 1e-4, 1e-6, 1e-8 on each network,
// in process, after a warm-up run, median of --repeat runs. Prints a Markdown table for bench/RESULTS.md.
// Times include building the initial solution and every gap evaluation (the solver's own clock), not file reading.
var arguments = BenchArguments.Parse(args);
if (arguments is null)
{
    Console.Error.WriteLine("usage: Caravan.Bench --tntp <folder of network folders> [--networks A,B] [--algorithms b,bfw,cfw,fw,msa] [--threads 1,2] [--repeat 3] [--time-limit 30]");
    return 2;
}
var thresholds = new[] { 1e-4, 1e-6, 1e-8 };
Console.WriteLine("| network | algorithm | threads | 1e-4 wall / CPU (s) | 1e-6 wall / CPU (s) | 1e-8 wall / CPU (s) | iterations | final gap | rel. TSTT diff vs best known |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
foreach (var network in arguments.Networks)
{
    var data = TntpFolder.Load(Path.Combine(arguments.Root, network));
    var bestKnown = data.BestKnown is null ? null : TntpLinkMatcher.VolumesByLink(data.Network, data.BestKnown, network);
    foreach (var algorithm in arguments.Algorithms)
    {
        foreach (var threads in arguments.Threads)
        {
            var options = new AssignmentOptions
            {
                Algorithm = algorithm.Value,
                TargetRelativeGap = thresholds[^1],
                TimeLimit = TimeSpan.FromSeconds(arguments.TimeLimitSeconds),
                MaxIterations = 10_000_000,
                Threads = threads,
            };
            // Warm-up: JIT and tiering, on a short run of the same network.
            TrafficAssignment.Solve(data.Problem, options with { TargetRelativeGap = 1e-3, TimeLimit = TimeSpan.FromSeconds(Math.Min(3, arguments.TimeLimitSeconds)) });
            var runs = new List<ConvergenceRun>();
            for (var r = 0; r < arguments.Repeat; r++)
            {
                var run = new ConvergenceRun(thresholds);
                run.Result = TrafficAssignment.Solve(data.Problem, options, run.Observe);
                runs.Add(run);
            }
            var wall = ConvergenceRun.Median(runs, r => r.WallSeconds, thresholds.Length);
            var cpu = ConvergenceRun.Median(runs, r => r.CpuSeconds, thresholds.Length);
            var last = runs[^1].Result!;
            var comparison = bestKnown is null ? null : SolutionComparison.Compare(data.Problem, last.LinkFlow, bestKnown);
            var cells = Enumerable.Range(0, thresholds.Length).Select(t => wall[t] is double w
                ? string.Create(CultureInfo.InvariantCulture, $"{w:F3} / {cpu[t]:F3}")
                : $"> {arguments.TimeLimitSeconds:0}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {network} | {algorithm.Key} | {threads} | {string.Join(" | ", cells)} | {last.Iterations} | {last.RelativeGap:E1} | {(comparison is null ? "—" : comparison.RelativeTstTDifference.ToString("E1", CultureInfo.InvariantCulture))} |"));
        }
    }
}
return 0;
