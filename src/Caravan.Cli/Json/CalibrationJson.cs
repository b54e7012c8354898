using Caravan.Calibration;
using Caravan.Model;

namespace Caravan.Cli.Json;

/// <summary>The JSON document of <c>caravan calibrate --json</c>: overall scores, the splits, one entry per case.</summary>
internal sealed record CalibrationJson(
    double TimeMape,
    double WorstTimeError,
    double? CostMape,
    IReadOnlyList<TimeSplitSummary> Splits,
    IReadOnlyList<CalibrationCaseJson> Cases,
    PriceCalibrationJson? Prices)
{
    public static CalibrationJson Of(CalibrationReport report, PriceReport? prices) => new(
        report.TimeMape, report.WorstTimeError, report.CostMape, report.Splits,
        [.. report.Results.Select(CalibrationCaseJson.Of)],
        prices is null ? null : PriceCalibrationJson.Of(prices));
}

/// <summary>One reference shipment: predicted against the observed range.</summary>
internal sealed record CalibrationCaseJson(
    string Id, string From, string To, string Corridor, int Year, string Split,
    double? PredictedDays, bool Inside, double? FastestDays, double? FastestTimeError, bool FastestInside,
    double ObservedLowDays, double ObservedHighDays, double? TimeError,
    double? PredictedCostUsd, double? CostLowUsd, double? CostHighUsd, double? CostError,
    string? Problem, IReadOnlyList<string> Sources)
{
    public static CalibrationCaseJson Of(CalibrationResult r) => new(
        r.Case.Id, r.Case.From, r.Case.To, r.Corridor, r.Case.Year, r.Case.Split == CalibrationSplit.Fit ? "fit" : "test",
        r.PredictedDays, r.Inside, r.FastestDays, r.FastestError, r.FastestInside,
        r.Case.ObservedLowDays, r.Case.ObservedHighDays, r.TimeError,
        r.PredictedCostUsd, r.Case.CostLowUsd, r.Case.CostHighUsd, r.CostError,
        r.Problem, r.Case.SourceIds);
}

/// <summary>The price section: the two split scores, the targets and one entry per published rate.</summary>
internal sealed record PriceCalibrationJson(PriceScore Fit, PriceScore Test, double TargetMape, double TargetWorst, IReadOnlyList<PriceCaseJson> Cases)
{
    public static PriceCalibrationJson Of(PriceReport report) => new(
        report.Fit, report.Test, PriceReport.TargetMape, PriceReport.TargetWorst, [.. report.Results.Select(PriceCaseJson.Of)]);
}

/// <summary>One published rate: predicted price against its range.</summary>
internal sealed record PriceCaseJson(
    string Id, string From, string To, string Cargo, string Split, int Year, string Date, string Basis, string Corridor,
    double? PredictedUsd, double RateLowUsd, double RateHighUsd, double MidpointUsd, double? Error, bool InsideRange,
    string? Problem, IReadOnlyList<string> Sources)
{
    public static PriceCaseJson Of(PriceResult r) => new(
        r.Case.Id, r.Case.From, r.Case.To, r.Case.Commodity.Name(), r.Case.Split == CalibrationSplit.Fit ? "fit" : "test",
        r.Case.Year, r.Case.Date, r.Case.Basis, r.Corridor,
        r.PredictedUsd, r.Case.RateLowUsd, r.Case.RateHighUsd, r.Case.MidpointUsd, r.Error, r.InsideRange,
        r.Problem, r.Case.SourceIds);
}
