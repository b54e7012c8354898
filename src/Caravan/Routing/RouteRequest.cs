using Caravan.Costs;
using Caravan.Model;

namespace Caravan.Routing;

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
    GeneralizedWeights? Weights = null)
{
    /// <summary>
    /// True when the origin is a locality (the user named a city, not one of its terminals): the search starts at
    /// every place of <see cref="From"/>'s locality at no cost, and the itinerary begins at the one used.
    /// </summary>
    public bool FromLocality { get; init; }

    /// <summary>True when the destination is a locality: arriving at any place of <see cref="To"/>'s locality ends the search.</summary>
    public bool ToLocality { get; init; }
}
