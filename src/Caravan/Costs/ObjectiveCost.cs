using System.Runtime.CompilerServices;

namespace Caravan.Costs;

/// <summary>
/// The one function that turns (hours, USD, kg CO2e) into the scalar an objective minimises. Searches over edges and
/// rankings of whole routes both call it, so "fastest" or "recommended" means the same thing everywhere.
/// </summary>
public static class ObjectiveCost
{
    /// <summary>Weight of the secondary criterion: a tiny tie-break that keeps answers stable between equal options.</summary>
    public const double TieBreak = 1e-6;

    /// <summary>The scalar an objective minimises for one edge or one route.</summary>
    /// <param name="objective">What is minimised.</param>
    /// <param name="weights">Weights of the generalized cost (used only by <see cref="Objective.Generalized"/>).</param>
    /// <param name="hours">Expected hours.</param>
    /// <param name="costUsd">Price, USD.</param>
    /// <param name="co2eKg">CO2e, kg.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(Objective objective, GeneralizedWeights weights, double hours, double costUsd, double co2eKg) => objective switch
    {
        Objective.Time => hours + (TieBreak * costUsd),
        Objective.Cost => costUsd + (TieBreak * hours),
        Objective.Co2 => co2eKg + (TieBreak * hours),
        _ => costUsd + (weights.ValueOfTimeUsdPerHour * hours) + (weights.CarbonPriceUsdPerKg * co2eKg),
    };
}
