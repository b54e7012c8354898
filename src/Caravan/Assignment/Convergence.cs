namespace Caravan.Assignment;

/// <summary>The convergence measures every algorithm reports, computed the same way for all of them.</summary>
internal static class Convergence
{
    /// <summary>TSTT = Σ flow · cost.</summary>
    public static double TotalSystemTravelTime(ReadOnlySpan<double> flow, ReadOnlySpan<double> cost)
    {
        var sum = 0.0;
        for (var a = 0; a < flow.Length; a++)
        {
            sum += flow[a] * cost[a];
        }
        return sum;
    }

    /// <summary>Relative gap (TSTT − SPTT)/TSTT; 0 when there is no flow.</summary>
    public static double RelativeGap(double tstt, double sptt) => tstt > 0 ? (tstt - sptt) / tstt : 0;
}
