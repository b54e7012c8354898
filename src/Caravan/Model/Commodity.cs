namespace Caravan.Model;

/// <summary>What is shipped.</summary>
public enum Commodity : byte
{
    /// <summary>Containers, counted in FEU (40 ft).</summary>
    Container,
    /// <summary>General air cargo, tonnes.</summary>
    AirCargo,
    /// <summary>Dry bulk, tonnes.</summary>
    DryBulk,
    /// <summary>Liquid bulk (crude oil, products), tonnes.</summary>
    LiquidBulk,
    /// <summary>Natural gas, tonnes.</summary>
    Gas,
}

/// <summary>How a commodity is counted and which modes may carry it.</summary>
/// <param name="Commodity">The commodity.</param>
/// <param name="Unit">FEU or tonne.</param>
/// <param name="TonnesPerUnit">Cargo mass per unit, for tonne-km and CO2e.</param>
/// <param name="AllowedModes">Modes that may carry it.</param>
/// <param name="SourceIds">Ids of the sources the row cites.</param>
public sealed record CommodityInfo(Commodity Commodity, string Unit, double TonnesPerUnit, IReadOnlySet<Mode> AllowedModes, IReadOnlyList<string> SourceIds)
{
    /// <summary>True when prices are per container (FEU) rather than per tonne.</summary>
    public bool IsContainerised => Unit.Equals("FEU", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Names of commodities as written on the command line and in files.</summary>
public static class Commodities
{
    /// <summary>All commodities.</summary>
    public static IReadOnlyList<Commodity> All { get; } = [Commodity.Container, Commodity.AirCargo, Commodity.DryBulk, Commodity.LiquidBulk, Commodity.Gas];

    /// <summary>The kebab-case name (<c>air-cargo</c>).</summary>
    public static string Name(this Commodity c) => c switch
    {
        Commodity.Container => "container",
        Commodity.AirCargo => "air-cargo",
        Commodity.DryBulk => "dry-bulk",
        Commodity.LiquidBulk => "liquid-bulk",
        Commodity.Gas => "gas",
        _ => c.ToString(),
    };

    /// <summary>Parses a commodity name, ignoring case, dashes and underscores.</summary>
    public static bool TryParse(string? text, out Commodity commodity)
    {
        commodity = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var t = text.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
        switch (t)
        {
            case "container": case "containers": case "feu": case "teu": commodity = Commodity.Container; return true;
            case "aircargo": case "air": commodity = Commodity.AirCargo; return true;
            case "drybulk": commodity = Commodity.DryBulk; return true;
            case "liquidbulk": case "oil": case "crude": commodity = Commodity.LiquidBulk; return true;
            case "gas": case "naturalgas": commodity = Commodity.Gas; return true;
            default: return false;
        }
    }
}
