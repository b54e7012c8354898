namespace Caravan.Freight.Choice;

/// <summary>Settings of the choice model and its capacity-constrained equilibrium.</summary>
public sealed record ChoiceOptions
{
    /// <summary>Year of the network; the base year of the demand is 2024.</summary>
    public int Year { get; init; } = 2024;

    /// <summary>Searches per mode group when the choice set is first built (the best path and penalised variants).</summary>
    public int AlternativesPerGroup { get; init; } = 5;

    /// <summary>Iteration limit of the shadow-price (dual) ascent.</summary>
    public int MaxIterations { get; init; } = 1500;

    /// <summary>The ascent stops once no element is above (1 + this) × its capacity and every priced element is nearly full.</summary>
    public double CapacityTolerance { get; init; } = 0.005;

    /// <summary>Every so many iterations each OD's cheapest path at the current shadow prices joins its choice set (column generation).</summary>
    public int RegenerateEvery { get; init; } = 200;

    /// <summary>Worker threads for the shares of the OD rows (0 = all cores); the flows do not depend on it.</summary>
    public int Threads { get; init; }

    /// <summary>Factor on the tariffs of the links of a corridor (label → factor), for price scenarios and elasticities.</summary>
    public IReadOnlyDictionary<string, double> CorridorTariffFactor { get; init; } = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
}
