using System.Globalization;

namespace Caravan.Data;

/// <summary>The values a numeric field may take, inclusive at both ends.</summary>
/// <param name="Min">Smallest value allowed.</param>
/// <param name="Max">Largest value allowed.</param>
public readonly record struct FieldRange(double Min, double Max)
{
    /// <summary>True for a finite value within the range.</summary>
    public bool Contains(double value) => double.IsFinite(value) && value >= Min && value <= Max;

    /// <inheritdoc />
    public override string ToString() => $"[{Min.ToString(CultureInfo.InvariantCulture)}, {Max.ToString(CultureInfo.InvariantCulture)}]";
}

/// <summary>
/// The one range of every numeric column of the network files. The CSV reader checks the rows with it; the
/// overlay reader checks the items an overlay adds, and the overlay editor checks every value a <c>set</c> or
/// <c>scale</c> produces, with the same ranges, so a scenario cannot make a value the data files would refuse
/// (a capacity of 1e308, a scale of 1e-100 that leaves a capacity of 1e-94).
/// </summary>
public static class FieldRanges
{
    private const double HoursPerYear = 24 * 365;

    private static readonly Dictionary<string, FieldRange> LinkRanges = new(StringComparer.Ordinal)
    {
        ["distance_km"] = new(0.001, 50_000),
        ["speed_kmh"] = new(0.001, 2000),
        ["hours"] = new(0, 24 * 60),
        ["tariff_usd_per_feu"] = new(0, 1e7),
        ["tariff_usd_per_tonne"] = new(0, 1e6),
        ["capacity_per_year"] = new(0.000001, 1e12),
        ["tracks"] = new(1, 8),
        ["opening_year"] = new(1800, 2200),
    };

    private static readonly Dictionary<string, FieldRange> CrossingRanges = new(LinkRanges, StringComparer.Ordinal)
    {
        // A crossing may leave its length out (0): it is a dwell between two stations.
        ["distance_km"] = new(0, 50_000),
        ["median_hours"] = new(0, HoursPerYear),
        ["p90_hours"] = new(0, HoursPerYear),
        ["fee_usd_per_feu"] = new(0, 1e7),
        ["fee_usd_per_tonne"] = new(0, 1e6),
    };

    private static readonly Dictionary<string, FieldRange> TransferRanges = new(StringComparer.Ordinal)
    {
        ["median_hours"] = new(0, HoursPerYear),
        ["p90_hours"] = new(0, HoursPerYear),
        ["cost_usd_per_feu"] = new(0, 1e6),
        ["cost_usd_per_tonne"] = new(0, 1e5),
        ["co2e_kg_per_tonne"] = new(0, 1000),
        ["capacity_per_year"] = new(0.000001, 1e12),
    };

    private static readonly Dictionary<string, FieldRange> ServiceRanges = new(StringComparer.Ordinal)
    {
        ["departures_per_week"] = new(0.01, 10_000),
    };

    private static readonly Dictionary<string, FieldRange> PlaceRanges = new(StringComparer.Ordinal)
    {
        ["lat"] = new(-90, 90),
        ["lon"] = new(-180, 180),
    };

    /// <summary>The range of a column of <c>links.csv</c>.</summary>
    public static FieldRange Link(string column) => LinkRanges[column];

    /// <summary>The range of a column of <c>crossings.csv</c>.</summary>
    public static FieldRange Crossing(string column) => CrossingRanges[column];

    /// <summary>The range of a column of links or crossings.</summary>
    public static FieldRange Link(string column, bool crossing) => crossing ? Crossing(column) : Link(column);

    /// <summary>The range of a column of <c>transfers.csv</c>.</summary>
    public static FieldRange Transfer(string column) => TransferRanges[column];

    /// <summary>The range of a column of <c>services.csv</c>.</summary>
    public static FieldRange Service(string column) => ServiceRanges[column];

    /// <summary>The range of a column of <c>places.csv</c>.</summary>
    public static FieldRange Place(string column) => PlaceRanges[column];
}
