namespace Caravan.Data.Gmns;

/// <summary>
/// The columns of Caravan's GMNS files. GMNS (General Modeling Network Specification, Zephyr Foundation) defines
/// <c>node.csv</c> and <c>link.csv</c>; fields GMNS has no place for are extension columns prefixed
/// <c>caravan_</c>, as the specification allows. Units are those declared in <c>config.csv</c>: km, km/h, WGS 84.
/// </summary>
public static class GmnsColumns
{
    /// <summary>node.csv: GMNS fields, then Caravan's extensions.</summary>
    public static readonly IReadOnlyList<string> Node =
        ["node_id", "name", "x_coord", "y_coord", "node_type", "zone_id",
         "caravan_code", "caravan_country", "caravan_aliases", "caravan_source", "caravan_notes"];

    /// <summary>node.csv columns a file must have.</summary>
    public static readonly IReadOnlyList<string> NodeRequired = ["node_id", "x_coord", "y_coord"];

    /// <summary>link.csv: GMNS fields, then Caravan's extensions.</summary>
    public static readonly IReadOnlyList<string> Link =
        ["link_id", "name", "from_node_id", "to_node_id", "directed", "length", "free_speed", "capacity", "lanes",
         "allowed_uses", "facility_type",
         "caravan_id", "caravan_mode", "caravan_hours", "caravan_tariff_usd_per_feu", "caravan_tariff_usd_per_tonne",
         "caravan_capacity_per_year", "caravan_capacity_unit", "caravan_tracks", "caravan_status", "caravan_opening_year",
         "caravan_corridor", "caravan_border_median_hours", "caravan_border_p90_hours", "caravan_border_fee_usd_per_feu",
         "caravan_border_fee_usd_per_tonne", "caravan_source", "caravan_notes"];

    /// <summary>link.csv columns a file must have.</summary>
    public static readonly IReadOnlyList<string> LinkRequired = ["link_id", "from_node_id", "to_node_id", "directed", "length"];

    /// <summary>The facility type written for border crossings (other links carry their mode).</summary>
    public const string BorderFacility = "border";
}
