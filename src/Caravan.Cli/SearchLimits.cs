using Caravan.Routing;

namespace Caravan.Cli;

/// <summary>The hard ceilings a request may lower but never lift.</summary>
internal static class SearchLimits
{
    public const int MaxLabels = 2_000_000;
    public const double MaxSeconds = 30;

    public static ParetoLimits From(int? labels, double? seconds, double epsilon)
    {
        if (labels is { } l && (l < 1 || l > MaxLabels))
        {
            throw new CliInputException($"--max-labels must be between 1 and {MaxLabels:N0}");
        }
        if (seconds is { } s && (!double.IsFinite(s) || s <= 0 || s > MaxSeconds))
        {
            throw new CliInputException($"--time-limit must be above 0 and at most {MaxSeconds} seconds");
        }
        if (!double.IsFinite(epsilon) || epsilon < 0 || epsilon > 1)
        {
            throw new CliInputException("--epsilon must be between 0 and 1");
        }
        var d = ParetoLimits.Default;
        return new ParetoLimits(labels ?? d.MaxLabels, TimeSpan.FromSeconds(seconds ?? d.TimeLimit!.Value.TotalSeconds), epsilon);
    }
}
