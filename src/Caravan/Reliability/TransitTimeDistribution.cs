namespace Caravan.Reliability;

/// <summary>Door-to-door time of a route as a distribution: its median, p90, and the chance to meet a deadline.</summary>
/// <param name="P50Hours">Median hours.</param>
/// <param name="P90Hours">90th-percentile hours.</param>
/// <param name="MeanHours">Mean hours.</param>
/// <param name="Samples">Sorted Monte Carlo samples, hours.</param>
public sealed record TransitTimeDistribution(double P50Hours, double P90Hours, double MeanHours, double[] Samples)
{
    /// <summary>Number of Monte Carlo samples (stated with every result).</summary>
    public const int SampleCount = 4_000;

    /// <summary>Seed of the Monte Carlo draws, fixed so answers repeat.</summary>
    public const int Seed = 14083;

    /// <summary>Probability that the route takes at most <paramref name="hours"/>.</summary>
    public double ProbabilityWithin(double hours)
    {
        if (Samples.Length == 0)
        {
            return hours >= P50Hours ? 1 : 0;
        }
        // Upper bound: count of samples ≤ hours.
        int lo = 0, hi = Samples.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Samples[mid] <= hours)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return (double)lo / Samples.Length;
    }
}
