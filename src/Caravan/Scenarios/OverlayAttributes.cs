namespace Caravan.Scenarios;

/// <summary>The type of an attribute value in an overlay.</summary>
public enum AttributeType : byte
{
    /// <summary>A non-negative number.</summary>
    Number,
    /// <summary>A whole number.</summary>
    Integer,
    /// <summary>Free text.</summary>
    Text,
    /// <summary>operating, construction or planned.</summary>
    Status,
}

/// <summary>Which attributes <c>set</c> and <c>scale</c> accept for each kind of element (CSV column names).</summary>
public static class OverlayAttributes
{
    private static readonly Dictionary<string, AttributeType> LinkSet = new(StringComparer.Ordinal)
    {
        ["distance_km"] = AttributeType.Number,
        ["speed_kmh"] = AttributeType.Number,
        ["hours"] = AttributeType.Number,
        ["tariff_usd_per_feu"] = AttributeType.Number,
        ["tariff_usd_per_tonne"] = AttributeType.Number,
        ["capacity_per_year"] = AttributeType.Number,
        ["capacity_unit"] = AttributeType.Text,
        ["tracks"] = AttributeType.Integer,
        ["status"] = AttributeType.Status,
        ["opening_year"] = AttributeType.Integer,
        ["corridor"] = AttributeType.Text,
        ["median_hours"] = AttributeType.Number,
        ["p90_hours"] = AttributeType.Number,
        ["fee_usd_per_feu"] = AttributeType.Number,
        ["fee_usd_per_tonne"] = AttributeType.Number,
    };

    private static readonly string[] LinkScale =
        ["distance_km", "speed_kmh", "hours", "tariff_usd_per_feu", "tariff_usd_per_tonne", "capacity_per_year", "median_hours", "p90_hours", "dwell_hours", "fee_usd_per_feu", "fee_usd_per_tonne"];

    private static readonly Dictionary<string, AttributeType> TransferSet = new(StringComparer.Ordinal)
    {
        ["median_hours"] = AttributeType.Number,
        ["p90_hours"] = AttributeType.Number,
        ["cost_usd_per_feu"] = AttributeType.Number,
        ["cost_usd_per_tonne"] = AttributeType.Number,
        ["co2e_kg_per_tonne"] = AttributeType.Number,
        ["capacity_per_year"] = AttributeType.Number,
    };

    private static readonly string[] TransferScale =
        ["median_hours", "p90_hours", "dwell_hours", "cost_usd_per_feu", "cost_usd_per_tonne", "co2e_kg_per_tonne", "capacity_per_year"];

    private static readonly Dictionary<string, AttributeType> ServiceSet = new(StringComparer.Ordinal)
    {
        ["departures_per_week"] = AttributeType.Number,
    };

    /// <summary>Attributes that crossings have and ordinary links do not.</summary>
    public static IReadOnlySet<string> CrossingOnly { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "median_hours", "p90_hours", "dwell_hours", "fee_usd_per_feu", "fee_usd_per_tonne",
    };

    /// <summary>The attributes <c>set</c> accepts for a target, with their types.</summary>
    public static IReadOnlyDictionary<string, AttributeType> Settable(OverlayTargetKind target) => target switch
    {
        OverlayTargetKind.Links or OverlayTargetKind.Crossings => LinkSet,
        OverlayTargetKind.Transfers => TransferSet,
        OverlayTargetKind.Services => ServiceSet,
        _ => new Dictionary<string, AttributeType>(),
    };

    /// <summary>The attributes <c>scale</c> accepts for a target.</summary>
    public static IReadOnlyList<string> Scalable(OverlayTargetKind target) => target switch
    {
        OverlayTargetKind.Links or OverlayTargetKind.Crossings => LinkScale,
        OverlayTargetKind.Transfers => TransferScale,
        OverlayTargetKind.Services => ["departures_per_week"],
        _ => [],
    };
}
