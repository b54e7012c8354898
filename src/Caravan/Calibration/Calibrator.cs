using Caravan.Model;
using Caravan.Routing;

namespace Caravan.Calibration;

/// <summary>One case's prediction against its observation.</summary>
/// <param name="Case">The case.</param>
/// <param name="PredictedDays">Model transit time (expected), or null when no route was found.</param>
/// <param name="PredictedCostUsd">Model price for one unit.</param>
/// <param name="Corridor">Corridor of the predicted route.</param>
/// <param name="TimeError">0 inside the observed range, else the distance to the nearer end relative to it (signed).</param>
/// <param name="CostError">Same for cost, when the case publishes a cost.</param>
/// <param name="Problem">Why no prediction could be made.</param>
public sealed record CalibrationResult(CalibrationCase Case, double? PredictedDays, double? PredictedCostUsd, string Corridor, double? TimeError, double? CostError, string? Problem);

/// <summary>Summary over all cases.</summary>
/// <param name="Results">Per case.</param>
/// <param name="TimeMape">Mean absolute (range-relative) error on transit time.</param>
/// <param name="WorstTimeError">Largest absolute time error.</param>
/// <param name="CostMape">Mean absolute error on cost over the cases that publish one (null if none).</param>
public sealed record CalibrationReport(IReadOnlyList<CalibrationResult> Results, double TimeMape, double WorstTimeError, double? CostMape);

/// <summary>Routes every reference shipment and compares the model with what shippers observed.</summary>
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
            var days = it.Totals.Hours / 24;
            double? costError = c.CostLowUsd is { } lo && c.CostHighUsd is { } hi ? RangeError(it.Totals.CostUsd, lo, hi) : null;
            results.Add(new CalibrationResult(c, days, it.Totals.CostUsd, it.Corridor, RangeError(days, c.ObservedLowDays, c.ObservedHighDays), costError, null));
        }
        var timed = results.Where(r => r.TimeError is not null).ToList();
        // A case without a prediction counts as a 100% miss: the bound cannot be met by failing to route.
        var errors = results.Select(r => r.TimeError is { } e ? Math.Abs(e) : 1.0).ToList();
        var costs = results.Where(r => r.CostError is not null).Select(r => Math.Abs(r.CostError!.Value)).ToList();
        return new CalibrationReport(results, errors.Count == 0 ? 0 : errors.Average(), errors.Count == 0 ? 0 : errors.Max(), costs.Count == 0 ? null : costs.Average());
    }
}
