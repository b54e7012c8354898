using Caravan.Model;
using Caravan.Routing;

namespace Caravan.Calibration;

/// <summary>One published rate against the model's price.</summary>
/// <param name="Case">The rate.</param>
/// <param name="PredictedUsd">Model price for one unit (FEU or tonne) on the cheapest route within the rate's constraints, or null.</param>
/// <param name="Corridor">Corridor of that route.</param>
/// <param name="Error">Signed error against the midpoint of the published range, (predicted − midpoint) / midpoint.</param>
/// <param name="InsideRange">Whether the prediction falls inside the published range.</param>
/// <param name="Problem">Why no prediction could be made.</param>
public sealed record PriceResult(PriceCase Case, double? PredictedUsd, string Corridor, double? Error, bool InsideRange, string? Problem);

/// <summary>Scores over one split.</summary>
/// <param name="Cases">Cases in the split.</param>
/// <param name="MidpointMape">Mean absolute midpoint error (a case without a prediction counts as 100%).</param>
/// <param name="WorstError">Largest absolute midpoint error.</param>
/// <param name="InsideRange">Cases whose prediction falls inside the published range.</param>
public sealed record PriceScore(int Cases, double MidpointMape, double WorstError, int InsideRange);

/// <summary>The price calibration: every rate, and the scores of the fitting and the test split.</summary>
/// <param name="Results">Per rate, in file order.</param>
/// <param name="Fit">Scores over the rates the tariffs were derived from.</param>
/// <param name="Test">Scores over the rates held out; the targets apply here.</param>
public sealed record PriceReport(IReadOnlyList<PriceResult> Results, PriceScore Fit, PriceScore Test)
{
    /// <summary>Target on the test split: midpoint MAPE at most this.</summary>
    public const double TargetMape = 0.20;

    /// <summary>Target on the test split: no case further than this from its midpoint.</summary>
    public const double TargetWorst = 0.35;

    /// <summary>Whether the test split meets both targets (and has cases).</summary>
    public bool MeetsTargets => Test.Cases > 0 && Test.MidpointMape <= TargetMape && Test.WorstError <= TargetWorst;
}

/// <summary>Prices every published rate on the network and compares.</summary>
/// <remarks>
/// A published rate is the going price of a service on a lane, so the model's figure is the cheapest route the
/// network offers under the rate's modes, corridor, avoided countries and year: the price a forwarder would quote
/// for that service, with every transfer, border fee and gauge change on the way.
/// </remarks>
public static class PriceCalibrator
{
    /// <summary>Signed error of a prediction against the midpoint of a range.</summary>
    public static double MidpointError(double predicted, double low, double high)
    {
        var mid = 0.5 * (low + high);
        return (predicted - mid) / mid;
    }

    /// <summary>Runs every rate on a network.</summary>
    public static PriceReport Run(Network network, IReadOnlyList<PriceCase> cases)
    {
        var router = new CaseRouter(network);
        var results = new List<PriceResult>(cases.Count);
        foreach (var c in cases)
        {
            results.Add(Price(c, router));
        }
        return new PriceReport(results, Score(results, CalibrationSplit.Fit), Score(results, CalibrationSplit.Test));
    }

    private static PriceResult Price(PriceCase c, CaseRouter router)
    {
        var route = router.Route(c.From, c.To, c.Commodity, c.AllowedModes, c.Corridor, c.AvoidCountries, c.Year, Objective.Cost);
        if (route.Itinerary is not { } it)
        {
            return new PriceResult(c, null, "", null, false, route.Problem);
        }
        var usd = it.Totals.CostUsd;
        var inside = usd >= c.RateLowUsd && usd <= c.RateHighUsd;
        return new PriceResult(c, usd, it.Corridor, MidpointError(usd, c.RateLowUsd, c.RateHighUsd), inside, null);
    }

    private static PriceScore Score(IReadOnlyList<PriceResult> results, CalibrationSplit split)
    {
        int n = 0, inside = 0;
        double sum = 0, worst = 0;
        foreach (var r in results)
        {
            if (r.Case.Split != split)
            {
                continue;
            }
            // A rate the model cannot price counts as a 100% miss: failing to route must not improve the score.
            var e = r.Error is { } x ? Math.Abs(x) : 1.0;
            n++;
            sum += e;
            worst = Math.Max(worst, e);
            inside += r.InsideRange ? 1 : 0;
        }
        return new PriceScore(n, n == 0 ? 0 : sum / n, worst, inside);
    }
}
