namespace Caravan.Freight.Choice;

/// <summary>
/// The composite cost of each OD flow's choice set at the equilibrium: with utilities V = −β ln(GC) + constants, the
/// logsum I = ln Σ_g exp(ASC_g + μ ln Σ_{r∈g} exp(V_r/μ)) that <see cref="ChoiceEquilibrium"/> computes while it loads
/// is the utility of one option costing GC* = exp(−I/β) USD per tonne. A change of GC* between two networks with the
/// same demand is the user benefit per tonne (the logsum change in money), new options included.
/// </summary>
public static class ChoiceLogsum
{
    /// <summary>GC* of every demand row, USD per tonne, from the equilibrium's own logsums.</summary>
    public static double[] CompositeCosts(ChoiceSolution solution)
    {
        var result = new double[solution.Model.Demand.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = solution.CompositeCostUsdPerTonne(i);
        }
        return result;
    }
}
