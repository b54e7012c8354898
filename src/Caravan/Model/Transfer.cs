namespace Caravan.Model;

/// <summary>
/// A transfer at a place between two modes (both directions): a gauge change, rail↔ferry, rail↔road, road↔air…
/// In the routing graph it is an edge between the place's vertices for the two modes.
/// </summary>
/// <param name="Place">Index of the place.</param>
/// <param name="ModeA">One mode.</param>
/// <param name="ModeB">The other mode.</param>
/// <param name="Kind">What happens (gauge-change, rail-ferry, …).</param>
/// <param name="MedianHours">Median handling time, hours.</param>
/// <param name="P90Hours">90th percentile of handling time, hours.</param>
/// <param name="CostUsdPerFeu">Handling price per 40 ft container.</param>
/// <param name="CostUsdPerTonne">Handling price per tonne.</param>
/// <param name="Co2eKgPerTonne">ISO 14083 hub emission intensity, kg CO2e per tonne handled.</param>
/// <param name="CapacityPerYear">Capacity where public.</param>
/// <param name="CapacityUnit">Unit of the capacity.</param>
/// <param name="SourceIds">Ids of the sources the row cites.</param>
/// <param name="Notes">Free text.</param>
public sealed record Transfer(
    int Place,
    Mode ModeA,
    Mode ModeB,
    string Kind,
    double MedianHours,
    double P90Hours,
    double CostUsdPerFeu,
    double CostUsdPerTonne,
    double Co2eKgPerTonne,
    double? CapacityPerYear,
    string CapacityUnit,
    IReadOnlyList<string> SourceIds,
    string Notes)
{
    /// <summary>True for a change between the two rail gauges.</summary>
    public bool IsGaugeChange => ModeA.IsRail() && ModeB.IsRail() && ModeA != ModeB;
}
