using Caravan.Assignment;

namespace Caravan.Bench;

/// <summary>
/// One run's result and, per gap threshold, the wall-clock and process-CPU seconds at which the run first reached
/// it (null if never). CPU seconds are sampled only at those crossings, from the progress callback, so sampling
/// costs nothing per iteration; on a machine shared with other work they are the steadier of the two figures.
/// </summary>
internal sealed class ConvergenceRun
{
    private readonly double[] _thresholds;
    private readonly TimeSpan _cpuAtStart = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    private int _next;

    public ConvergenceRun(double[] thresholds)
    {
        _thresholds = thresholds;
        WallSeconds = new double?[thresholds.Length];
        CpuSeconds = new double?[thresholds.Length];
    }

    public double?[] WallSeconds { get; }
    public double?[] CpuSeconds { get; }
    public AssignmentResult? Result { get; set; }

    /// <summary>The progress callback: records the first crossing of each threshold.</summary>
    public void Observe(IterationReport report)
    {
        if (_next >= _thresholds.Length || report.RelativeGap > _thresholds[_next])
        {
            return;
        }
        var cpu = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart).TotalSeconds;
        while (_next < _thresholds.Length && report.RelativeGap <= _thresholds[_next])
        {
            WallSeconds[_next] = report.Elapsed.TotalSeconds;
            CpuSeconds[_next] = cpu;
            _next++;
        }
    }

    /// <summary>Median per threshold over runs; null if any run missed it.</summary>
    public static double?[] Median(IReadOnlyList<ConvergenceRun> runs, Func<ConvergenceRun, double?[]> figure, int thresholds)
    {
        var median = new double?[thresholds];
        for (var t = 0; t < thresholds; t++)
        {
            var values = runs.Select(r => figure(r)[t]).ToList();
            if (values.All(v => v is not null) && values.Count > 0)
            {
                var sorted = values.Select(v => v!.Value).Order().ToList();
                median[t] = sorted[sorted.Count / 2];
            }
        }
        return median;
    }
}
