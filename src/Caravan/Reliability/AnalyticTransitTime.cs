namespace Caravan.Reliability;

/// <summary>
/// A fast closed-form estimate of a route's p90 from its expected hours and time variance (Fenton–Wilkinson: the
/// random part fitted as one log-normal by its mean and variance). Used to screen many candidates before the Monte
/// Carlo runs on the few shown.
/// </summary>
public static class AnalyticTransitTime
{
    /// <summary>Estimated p90 hours given the fixed hours, mean of the random part and its variance.</summary>
    public static double P90Hours(double fixedHours, double randomMeanHours, double varianceHours2)
    {
        if (randomMeanHours <= 0 || varianceHours2 <= 0)
        {
            return fixedHours + Math.Max(0, randomMeanHours);
        }
        var sigma2 = Math.Log(1 + (varianceHours2 / (randomMeanHours * randomMeanHours)));
        var mu = Math.Log(randomMeanHours) - (sigma2 / 2);
        return fixedHours + Math.Exp(mu + (LogNormalDwell.Z90 * Math.Sqrt(sigma2)));
    }

    /// <summary>Estimated p90 hours of an itinerary.</summary>
    public static double P90Hours(Routing.Itinerary itinerary, Routing.RoutingGraph graph)
    {
        double fixedHours = 0, mean = 0, variance = 0;
        foreach (var leg in itinerary.Legs)
        {
            switch (leg.Kind)
            {
                case Routing.LegKind.Wait:
                    var headway = 2 * leg.Hours;
                    mean += leg.Hours;
                    variance += headway * headway / 12;
                    break;
                case Routing.LegKind.Border or Routing.LegKind.Transfer:
                case Routing.LegKind.Move when leg.Edge >= 0 && graph.DwellHours[leg.Edge] > 0:
                    var median = graph.DwellHours[leg.Edge];
                    var dwell = new LogNormalDwell(median, Math.Max(median, graph.DwellP90Hours[leg.Edge]));
                    fixedHours += leg.Hours - median;
                    mean += dwell.Mean;
                    variance += dwell.Variance;
                    break;
                default:
                    fixedHours += leg.Hours;
                    break;
            }
        }
        return P90Hours(fixedHours, mean, variance);
    }
}
