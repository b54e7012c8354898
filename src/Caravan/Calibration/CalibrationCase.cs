using Caravan.Model;

namespace Caravan.Calibration;

/// <summary>An observed reference shipment: where, how, and the published transit-time (and cost) range.</summary>
/// <param name="Id">Case id.</param>
/// <param name="From">Origin as written (code, name or alias).</param>
/// <param name="To">Destination as written.</param>
/// <param name="Commodity">What was shipped.</param>
/// <param name="AllowedModes">Modes the shipment used (empty = any).</param>
/// <param name="Corridor">Corridor the route must use (empty = any).</param>
/// <param name="AvoidCountries">Countries the route avoided.</param>
/// <param name="Year">Year of the observation.</param>
/// <param name="ObservedLowDays">Low end of the observed transit time.</param>
/// <param name="ObservedHighDays">High end.</param>
/// <param name="CostLowUsd">Low end of the observed price, if published.</param>
/// <param name="CostHighUsd">High end of the observed price, if published.</param>
/// <param name="SourceIds">Sources.</param>
/// <param name="Notes">Notes.</param>
/// <param name="Line">Line in the calibration file.</param>
public sealed record CalibrationCase(
    string Id,
    string From,
    string To,
    Commodity Commodity,
    IReadOnlySet<Mode> AllowedModes,
    string Corridor,
    IReadOnlySet<string> AvoidCountries,
    int Year,
    double ObservedLowDays,
    double ObservedHighDays,
    double? CostLowUsd,
    double? CostHighUsd,
    IReadOnlyList<string> SourceIds,
    string Notes,
    int Line)
{
    /// <summary>Fit when the case's sources set a model parameter, else test (data/README.md says which).</summary>
    public CalibrationSplit Split { get; init; } = CalibrationSplit.Test;
}
