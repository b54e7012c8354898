using Caravan.Model;
using Caravan.Planning;
using Caravan.Routing;

namespace Caravan.Calibration;

/// <summary>One case's prediction against its observation.</summary>
/// <param name="Case">The case.</param>
/// <param name="PredictedDays">Transit time of the option shown first (the recommended one), or null when no route was found.</param>
/// <param name="PredictedCostUsd">Its price for one unit.</param>
/// <param name="Corridor">Its corridor.</param>
/// <param name="TimeError">Its error against the midpoint of the observed range, (predicted − midpoint) / midpoint.</param>
/// <param name="CostError">Price error: 0 inside the published range, else relative distance to the nearer end.</param>
/// <param name="Problem">Why no prediction could be made.</param>
public sealed record CalibrationResult(CalibrationCase Case, double? PredictedDays, double? PredictedCostUsd, string Corridor, double? TimeError, double? CostError, string? Problem)
{
    /// <summary>True when the recommended option's time lies inside the observed range.</summary>
    public bool Inside { get; init; }

    /// <summary>Transit time of the fastest option under the case's modes and corridor.</summary>
    public double? FastestDays { get; init; }

    /// <summary>The fastest option's error against the midpoint.</summary>
    public double? FastestError { get; init; }

    /// <summary>True when the fastest option's time lies inside the observed range.</summary>
    public bool FastestInside { get; init; }
}

/// <summary>The figures of one split (or of all cases).</summary>
/// <param name="Split"><c>fit</c>, <c>test</c> or <c>all</c>.</param>
/// <param name="Cases">Number of cases.</param>
/// <param name="TimeMape">Mean absolute midpoint error of the recommended option (a miss counts 100%).</param>
/// <param name="Inside">Cases whose recommended option falls inside the observed range.</param>
/// <param name="WorstTimeError">Largest absolute midpoint error of the recommended option.</param>
/// <param name="FastestTimeMape">Mean absolute midpoint error of the fastest option.</param>
/// <param name="FastestInside">Cases whose fastest option falls inside the observed range.</param>
public sealed record TimeSplitSummary(string Split, int Cases, double TimeMape, int Inside, double WorstTimeError, double FastestTimeMape, int FastestInside);

/// <summary>Summary over all cases.</summary>
/// <param name="Results">Per case.</param>
/// <param name="TimeMape">Mean absolute midpoint error of the recommended option over all cases.</param>
/// <param name="WorstTimeError">Largest absolute midpoint error.</param>
/// <param name="CostMape">Mean absolute error on cost over the cases that publish one (null if none).</param>
public sealed record CalibrationReport(IReadOnlyList<CalibrationResult> Results, double TimeMape, double WorstTimeError, double? CostMape)
{
    /// <summary>The figures per split: <c>fit</c> (cases whose sources set a parameter), <c>test</c> (the rest), <c>all</c>.</summary>
    public IReadOnlyList<TimeSplitSummary> Splits { get; init; } = [];
}

/// <summary>
/// Routes every reference shipment and compares the model with what shippers observed: the option a user is shown
/// first (the planner's recommendation under the case's modes; in its corridor when the case names one) and the
/// fastest, each against the midpoint of the observed range, with how many fall inside it.
/// </summary>
public static class Calibrator
{
    /// <summary>The error of a prediction against a range: 0 inside, else relative distance to the nearer end.</summary>
    public static double RangeError(double predicted, double low, double high)
    {
        if (predicted < low)
        {
            return (predicted - low) / low;
        }
        if (predicted > high)
        {
            return (predicted - high) / high;
        }
        return 0;
    }

    /// <summary>The error of a prediction against the midpoint of a range.</summary>
    public static double MidpointError(double predicted, double low, double high) => (predicted - ((low + high) / 2)) / ((low + high) / 2);

    /// <summary>Runs every case on a network.</summary>
    public static CalibrationReport Run(Network network, IReadOnlyList<CalibrationCase> cases)
    {
        var router = new CaseRouter(network);
        var results = new List<CalibrationResult>();
        foreach (var c in cases)
        {
            var route = router.Route(c.From, c.To, c.Commodity, c.AllowedModes, c.Corridor, c.AvoidCountries, c.Year, Objective.Time);
            if (route.Itinerary is not { } it)
            {
                results.Add(new CalibrationResult(c, null, null, "", null, null, route.Problem));
                continue;
            }
            var fastestDays = it.Totals.Hours / 24;
            var shownRoute = router.Shown(c.From, c.To, c.Commodity, c.AllowedModes, c.Corridor, c.AvoidCountries, c.Year);
            if (shownRoute.Itinerary is not { } shown)
            {
                results.Add(new CalibrationResult(c, null, null, "", null, null, shownRoute.Problem));
                continue;
            }
            var days = shown.Totals.Hours / 24;
            double? costError = c.CostLowUsd is { } lo && c.CostHighUsd is { } hi ? RangeError(shown.Totals.CostUsd, lo, hi) : null;
            results.Add(new CalibrationResult(c, days, shown.Totals.CostUsd, shown.Corridor, MidpointError(days, c.ObservedLowDays, c.ObservedHighDays), costError, null)
            {
                Inside = RangeError(days, c.ObservedLowDays, c.ObservedHighDays) == 0,
                FastestDays = fastestDays,
                FastestError = MidpointError(fastestDays, c.ObservedLowDays, c.ObservedHighDays),
                FastestInside = RangeError(fastestDays, c.ObservedLowDays, c.ObservedHighDays) == 0,
            });
        }
        var all = Summarise("all", results);
        var costs = results.Where(r => r.CostError is not null).Select(r => Math.Abs(r.CostError!.Value)).ToList();
        return new CalibrationReport(results, all.TimeMape, all.WorstTimeError, costs.Count == 0 ? null : costs.Average())
        {
            Splits = [Summarise("fit", results.Where(r => r.Case.Split == CalibrationSplit.Fit).ToList()), Summarise("test", results.Where(r => r.Case.Split == CalibrationSplit.Test).ToList()), all],
        };
    }

    private static TimeSplitSummary Summarise(string split, IReadOnlyList<CalibrationResult> results)
    {
        if (results.Count == 0)
        {
            return new TimeSplitSummary(split, 0, 0, 0, 0, 0, 0);
        }
        // A case without a prediction counts as a 100% miss: the bound cannot be met by failing to route.
        var errors = results.Select(r => r.TimeError is { } e ? Math.Abs(e) : 1.0).ToList();
        var fastest = results.Select(r => r.FastestError is { } e ? Math.Abs(e) : 1.0).ToList();
        return new TimeSplitSummary(split, results.Count, errors.Average(), results.Count(r => r.Inside), errors.Max(), fastest.Average(), results.Count(r => r.FastestInside));
    }
}
