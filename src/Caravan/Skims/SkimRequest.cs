using Caravan.Model;
using Caravan.Routing;

namespace Caravan.Skims;

/// <summary>A skim matrix to compute: every origin to every destination under one objective and constraints.</summary>
/// <param name="Origins">Origin place indices (rows).</param>
/// <param name="Destinations">Destination place indices (columns).</param>
/// <param name="Commodity">What is shipped; figures are per unit (FEU or tonne).</param>
/// <param name="Objective">What each pair's chosen path minimises.</param>
/// <param name="Constraints">Avoidances and year (a transfer limit is not supported by one-to-many searches).</param>
/// <param name="Weights">Weights of the generalized cost.</param>
public sealed record SkimRequest(
    IReadOnlyList<int> Origins,
    IReadOnlyList<int> Destinations,
    Commodity Commodity,
    Objective Objective,
    RouteConstraints Constraints,
    GeneralizedWeights? Weights = null);
