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
    /// <summary>Containers of low-value goods (weight-out cargo: building materials, furniture), counted in FEU.</summary>
    ContainerLowValue,
    /// <summary>Containers of high-value goods (electronics, machinery parts, time-critical stock), counted in FEU.</summary>
    ContainerHighValue,
}

/// <summary>Where a commodity may go by road.</summary>
public enum RoadRule : byte
{
    /// <summary>Anywhere.</summary>
    Any,
    /// <summary>All the way, or only before and after the main haul (rail, sea, pipeline): never between two legs of it.</summary>
    Ends,
    /// <summary>Only to reach and leave the main haul (air cargo flies): the route must use it.</summary>
    Access,
}

/// <summary>How a commodity is counted, which modes may carry it and what time and reliability are worth to it.</summary>
/// <param name="Commodity">The commodity.</param>
/// <param name="Unit">FEU or tonne.</param>
/// <param name="TonnesPerUnit">Cargo mass per unit, for tonne-km and CO2e.</param>
/// <param name="AllowedModes">Modes that may carry it.</param>
/// <param name="SourceIds">Ids of the sources the row cites.</param>
public sealed record CommodityInfo(Commodity Commodity, string Unit, double TonnesPerUnit, IReadOnlySet<Mode> AllowedModes, IReadOnlyList<string> SourceIds)
{
    /// <summary>True when prices are per container (FEU) rather than per tonne.</summary>
    public bool IsContainerised => Unit.Equals("FEU", StringComparison.OrdinalIgnoreCase);

    /// <summary>Value of one hour in transit for one unit (FEU or tonne), USD; null when the data gives none.</summary>
    public double? ValueOfTimeUsdPerHour { get; init; }

    /// <summary>Value of an hour of the time's standard deviation relative to an hour of its mean (the reliability ratio).</summary>
    public double ReliabilityRatio { get; init; }

    /// <summary>Where the commodity may go by road.</summary>
    public RoadRule RoadRule { get; init; }

    /// <summary>Its own rail rate per tonne-km (a bulk class's tariff), replacing the mode default; null: the mode's.</summary>
    public double? RailUsdPerTonneKm { get; init; }

    /// <summary>
    /// The road rule for a search that cannot carry the planner's mode-order phases (<c>Routing.ModeSequence</c>),
    /// such as the freight assignment's per-link class masks. Under <see cref="RoadRule.Access"/> (air cargo flies)
    /// a link off the main haul must touch one of its terminals (an airport), so road only reaches or leaves it;
    /// without this the one value of time shared by all classes would send air cargo by truck across Asia. The
    /// other rules allow every link here; their order of modes needs the phases.
    /// </summary>
    /// <param name="linkMode">The link's mode.</param>
    /// <param name="tailKind">Kind of the place the link leaves.</param>
    /// <param name="headKind">Kind of the place the link reaches.</param>
    public bool MayUseLinkWithoutPhases(Mode linkMode, PlaceKind tailKind, PlaceKind headKind)
    {
        if (RoadRule != RoadRule.Access || (linkMode != Mode.Road && AllowedModes.Contains(linkMode)))
        {
            return true;
        }
        return AllowedModes.Contains(Mode.Air) && (tailKind == PlaceKind.Airport || headKind == PlaceKind.Airport);
    }
}

/// <summary>Names of commodities as written on the command line and in files.</summary>
public static class Commodities
{
    /// <summary>All commodities.</summary>
    public static IReadOnlyList<Commodity> All { get; } = [Commodity.Container, Commodity.AirCargo, Commodity.DryBulk, Commodity.LiquidBulk, Commodity.Gas, Commodity.ContainerLowValue, Commodity.ContainerHighValue];

    /// <summary>The commodities every network must define; the container value classes are optional rows.</summary>
    public static IReadOnlyList<Commodity> Required { get; } = [Commodity.Container, Commodity.AirCargo, Commodity.DryBulk, Commodity.LiquidBulk, Commodity.Gas];

    /// <summary>True for containers of any value class (counted in FEU, carried and priced alike; only their value
    /// of time and reliability weight differ).</summary>
    public static bool IsContainer(this Commodity c) => c is Commodity.Container or Commodity.ContainerLowValue or Commodity.ContainerHighValue;

    /// <summary>The kebab-case name (<c>air-cargo</c>).</summary>
    public static string Name(this Commodity c) => c switch
    {
        Commodity.Container => "container",
        Commodity.AirCargo => "air-cargo",
        Commodity.DryBulk => "dry-bulk",
        Commodity.LiquidBulk => "liquid-bulk",
        Commodity.Gas => "gas",
        Commodity.ContainerLowValue => "container-low",
        Commodity.ContainerHighValue => "container-high",
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
            case "container": case "containers": case "feu": case "teu": case "containerstandard": commodity = Commodity.Container; return true;
            case "containerlow": case "containerlowvalue": commodity = Commodity.ContainerLowValue; return true;
            case "containerhigh": case "containerhighvalue": commodity = Commodity.ContainerHighValue; return true;
            case "aircargo": case "air": commodity = Commodity.AirCargo; return true;
            case "drybulk": commodity = Commodity.DryBulk; return true;
            case "liquidbulk": case "oil": case "crude": commodity = Commodity.LiquidBulk; return true;
            case "gas": case "naturalgas": commodity = Commodity.Gas; return true;
            default: return false;
        }
    }
}
