using Caravan.Assignment;

namespace Caravan.Bench;

/// <summary>One run's result and the first time it reached each gap threshold (null if never).</summary>
internal sealed record ConvergenceRun(AssignmentResult Result, double?[] SecondsToThreshold)
{
    /// <summary>Processor time of the whole run (all threads), robust to other load on the machine.</summary>
    public double CpuSeconds { get; init; }

    public static ConvergenceRun From(AssignmentResult result, double[] thresholds)
    {
        var seconds = new double?[thresholds.Length];
        foreach (var report in result.History)
        {
            for (var t = 0; t < thresholds.Length; t++)
            {
                if (seconds[t] is null && report.RelativeGap <= thresholds[t])
                {
                    seconds[t] = report.Elapsed.TotalSeconds;
                }
            }
        }
        return new ConvergenceRun(result, seconds);
    }

    /// <summary>Median per threshold over runs; null if any run missed it.</summary>
    public static double?[] Median(IReadOnlyList<ConvergenceRun> runs, int thresholds)
    {
        var median = new double?[thresholds];
        for (var t = 0; t < thresholds; t++)
        {
            var values = new List<double>();
            foreach (var run in runs)
            {
                if (run.SecondsToThreshold[t] is double s)
                {
                    values.Add(s);
                }
            }
            if (values.Count == runs.Count && values.Count > 0)
            {
                values.Sort();
                median[t] = values[values.Count / 2];
            }
        }
        return median;
    }
}
