using Caravan.Model;

namespace Caravan.Routing;

/// <summary>What a single-criterion search minimises.</summary>
public enum Objective : byte
{
    /// <summary>Expected door-to-door hours (moving, median dwell, transfers, half-headway waits).</summary>
    Time,
    /// <summary>Price in USD.</summary>
    Cost,
    /// <summary>Well-to-wheel CO2e in kg (ISO 14083).</summary>
    Co2,
    /// <summary>Weighted sum: cost + value of time × hours + carbon price × CO2e (the "recommended" choice).</summary>
    Generalized,
}

/// <summary>Weights of the generalized cost.</summary>
/// <param name="ValueOfTimeUsdPerHour">Value of one hour of transit time per shipment unit (FEU or tonne), USD.</param>
/// <param name="CarbonPriceUsdPerKg">Price of one kg CO2e, USD.</param>
public sealed record GeneralizedWeights(double ValueOfTimeUsdPerHour = 20, double CarbonPriceUsdPerKg = 0.07)
{
    /// <summary>
    /// Defaults for a commodity. Time: a day in transit costs about 0.6–2.1% of the goods' value (Hummels and Schaur,
    /// "Time as a Trade Barrier", American Economic Review 2013); for a 40 ft container of about USD 50,000 that is
    /// 12–44 USD per hour, so 20 USD per FEU-hour, and 1 USD per tonne-hour for cargo counted in tonnes.
    /// Carbon: 0.07 USD per kg, about the 2024 EU ETS allowance price (~65 EUR per tonne).
    /// </summary>
    public static GeneralizedWeights For(Model.CommodityInfo commodity) =>
        commodity.IsContainerised ? new GeneralizedWeights(20, 0.07) : new GeneralizedWeights(1, 0.07);
}

/// <summary>Constraints of a query, applied as edge filters.</summary>
public sealed record RouteConstraints
{
    /// <summary>ISO codes of countries the route must not touch.</summary>
    public IReadOnlySet<string> AvoidCountries { get; init; } = new HashSet<string>();

    /// <summary>Modes the route must not use.</summary>
    public IReadOnlySet<Mode> AvoidModes { get; init; } = new HashSet<Mode>();

    /// <summary>Places the route must not pass (indices).</summary>
    public IReadOnlySet<int> AvoidPlaces { get; init; } = new HashSet<int>();

    /// <summary>Year of travel: links that are planned or under construction count from their opening year.</summary>
    public int Year { get; init; } = 2026;

    /// <summary>Maximum number of transfers (gauge changes included); null for no limit.</summary>
    public int? MaxTransfers { get; init; }
}

/// <summary>A shipment to route.</summary>
/// <param name="From">Origin place index.</param>
/// <param name="To">Destination place index.</param>
/// <param name="Commodity">What is shipped.</param>
/// <param name="Quantity">How much: FEU for containers, tonnes otherwise.</param>
/// <param name="Objective">What to minimise.</param>
/// <param name="Constraints">Avoidances, year, transfer limit.</param>
/// <param name="Weights">Weights for <see cref="Objective.Generalized"/>.</param>
public sealed record RouteRequest(
    int From,
    int To,
    Commodity Commodity,
    double Quantity,
    Objective Objective,
    RouteConstraints Constraints,
    GeneralizedWeights? Weights = null);
