namespace Caravan.Model;

/// <summary>Border formalities on a crossing link: dwell time distribution and fees.</summary>
/// <param name="MedianHours">Median dwell at the border, hours.</param>
/// <param name="P90Hours">90th percentile of dwell, hours (≥ median).</param>
/// <param name="FeeUsdPerFeu">Fees per 40 ft container, USD.</param>
/// <param name="FeeUsdPerTonne">Fees per tonne for bulk and air cargo, USD.</param>
public sealed record BorderCrossing(double MedianHours, double P90Hours, double FeeUsdPerFeu, double FeeUsdPerTonne);

/// <summary>
/// A link of one mode between two places. A border crossing is a link whose <see cref="Border"/> is set:
/// it joins the stations on each side and carries the dwell distribution and fees.
/// </summary>
/// <param name="Id">Stable id.</param>
/// <param name="From">Index of the origin place in <see cref="Network.Places"/>.</param>
/// <param name="To">Index of the destination place.</param>
/// <param name="Mode">The mode.</param>
/// <param name="DistanceKm">Route length in km.</param>
/// <param name="SpeedKmh">Commercial speed, when travel time follows from distance.</param>
/// <param name="FixedHours">Fixed travel time (ferries, flights); overrides speed.</param>
/// <param name="TariffUsdPerFeu">Price for one 40 ft container over the link; null = mode default per km.</param>
/// <param name="TariffUsdPerTonne">Price per tonne over the link; null = mode default per km.</param>
/// <param name="CapacityPerYear">Capacity in <paramref name="CapacityUnit"/> per year, where public.</param>
/// <param name="CapacityUnit">Unit of the capacity (TEU, tonnes, bcm, trains, trucks).</param>
/// <param name="Tracks">Number of tracks for rail, where known.</param>
/// <param name="Status">Operating, under construction or planned.</param>
/// <param name="OpeningYear">Year a non-operating link opens.</param>
/// <param name="Bidirectional">False for one-way links (pipelines).</param>
/// <param name="Corridor">Corridor label (north, middle, south, cku, sea, air, road, pipeline, domestic, europe).</param>
/// <param name="Border">Border formalities, for crossings; null for ordinary links.</param>
/// <param name="SourceIds">Ids of the sources the row cites.</param>
/// <param name="Notes">Free text.</param>
public sealed record Link(
    string Id,
    int From,
    int To,
    Mode Mode,
    double DistanceKm,
    double? SpeedKmh,
    double? FixedHours,
    double? TariffUsdPerFeu,
    double? TariffUsdPerTonne,
    double? CapacityPerYear,
    string CapacityUnit,
    int? Tracks,
    LinkStatus Status,
    int? OpeningYear,
    bool Bidirectional,
    string Corridor,
    BorderCrossing? Border,
    IReadOnlyList<string> SourceIds,
    string Notes)
{
    /// <summary>True when this link is a border crossing.</summary>
    public bool IsCrossing => Border is not null;

    /// <summary>Median dwell on an ordinary link (a sea leg's port calls and congestion), hours; null for none.</summary>
    public double? DwellMedianHours { get; init; }

    /// <summary>90th percentile of that dwell, hours.</summary>
    public double? DwellP90Hours { get; init; }

    /// <summary>True when the link exists in the given year.</summary>
    public bool IsOpenIn(int year) => Status == LinkStatus.Operating || (OpeningYear is { } y && y <= year);
}
