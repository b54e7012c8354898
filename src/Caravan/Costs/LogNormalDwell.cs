namespace Caravan.Costs;

/// <summary>
/// A dwell-time distribution fitted to a median and a 90th percentile: log-normal, the usual shape of border and
/// port waits (most are short, a few very long). A p90 equal to the median means a fixed time.
/// </summary>
public readonly record struct LogNormalDwell(double MedianHours, double P90Hours)
{
    /// <summary>The 90th-percentile z-score of the standard normal.</summary>
    public const double Z90 = 1.2815515655446004;

    /// <summary>μ of the underlying normal.</summary>
    public double Mu => MedianHours > 0 ? Math.Log(MedianHours) : double.NegativeInfinity;

    /// <summary>σ of the underlying normal.</summary>
    public double Sigma => MedianHours > 0 && P90Hours > MedianHours ? Math.Log(P90Hours / MedianHours) / Z90 : 0;

    /// <summary>Mean hours.</summary>
    public double Mean => MedianHours <= 0 ? 0 : MedianHours * Math.Exp(Sigma * Sigma / 2);

    /// <summary>Variance, hours².</summary>
    public double Variance
    {
        get
        {
            if (MedianHours <= 0)
            {
                return 0;
            }
            var s2 = Sigma * Sigma;
            return (Math.Exp(s2) - 1) * MedianHours * MedianHours * Math.Exp(s2);
        }
    }

    /// <summary>Draws a sample given a standard-normal draw.</summary>
    public double Sample(double standardNormal) => MedianHours <= 0 ? 0 : MedianHours * Math.Exp(Sigma * standardNormal);
}
