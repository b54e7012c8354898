namespace Caravan.Data.Tntp;

/// <summary>
/// How to turn a TNTP folder into an assignment problem. Factors left null are resolved by
/// <see cref="TntpCostWeights.Resolve"/>: the <c>_net</c> header first, then the folder's README, else 0.
/// </summary>
public sealed record TntpOptions
{
    /// <summary>Generalized cost per unit of link length (time units per distance unit); null = auto.</summary>
    public double? DistanceFactor { get; init; }
    /// <summary>Generalized cost per unit of toll (time units per money unit); null = auto.</summary>
    public double? TollFactor { get; init; }
}
