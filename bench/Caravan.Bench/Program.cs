using System.Globalization;
using Caravan.Assignment;
using Caravan.Bench;
using Caravan.Data.Tntp;

// TNTP convergence harness: time for each algorithm to reach relative gaps 1e-4, 1e-6, 1e-8 on each network,
// in process, after a warm-up run, median of --repeat runs. Prints a Markdown table for bench/RESULTS.md.
var arguments = BenchArguments.Parse(args);
if (arguments is null)
{
    Console.Error.WriteLine("usage: Caravan.Bench --tntp <folder of network folders> [--networks A,B] [--algorithms b,bfw,cfw,fw,msa] [--threads 1,2] [--repeat 3] [--time-limit 30]");
    return 2;
}
var thresholds = new[] { 1e-4, 1e-6, 1e-8 };
Console.WriteLine("| network | algorithm | threads | 1e-4 (s) | 1e-6 (s) | 1e-8 (s) | iterations to 1e-8 | CPU s of the run | objective at end | rel. TSTT diff vs best known |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
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
                MaxIterations = 1_000_000,
                Threads = threads,
            };
            // Warm-up: JIT and tiering, on a short run of the same network.
            TrafficAssignment.Solve(data.Problem, options with { TargetRelativeGap = 1e-3, TimeLimit = TimeSpan.FromSeconds(Math.Min(5, arguments.TimeLimitSeconds)) });
            var runs = new List<ConvergenceRun>();
            for (var r = 0; r < arguments.Repeat; r++)
            {
                var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                var result = TrafficAssignment.Solve(data.Problem, options);
                var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                runs.Add(ConvergenceRun.From(result, thresholds) with { CpuSeconds = cpu.TotalSeconds });
            }
            var median = ConvergenceRun.Median(runs, thresholds.Length);
            var last = runs[^1];
            var comparison = bestKnown is null ? null : SolutionComparison.Compare(data.Problem, last.Result.LinkFlow, bestKnown);
            var cells = median.Select(t => t is double s ? s.ToString("F3", CultureInfo.InvariantCulture) : $"> {arguments.TimeLimitSeconds:0} (gap {last.Result.RelativeGap:E1})");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {network} | {algorithm.Key} | {threads} | {string.Join(" | ", cells)} | {(last.Result.RelativeGap <= thresholds[^1] ? last.Result.Iterations.ToString(CultureInfo.InvariantCulture) : "—")} | {runs.Select(r => r.CpuSeconds).Order().ElementAt(runs.Count / 2):F3} | {last.Result.Objective:F3} | {(comparison is null ? "—" : comparison.RelativeTstTDifference.ToString("E2", CultureInfo.InvariantCulture))} |"));
        }
    }
}
return 0;
