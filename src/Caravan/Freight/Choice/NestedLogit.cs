namespace Caravan.Freight.Choice;

/// <summary>
/// Two-level nested logit over generalized costs: the upper level chooses a mode group (sea, rail, road, air,
/// pipeline), the lower level a route within it. Utility of route r in nest g:
/// V_r = −β ln(GC_r) + ln(PS_r) + ASC_r, the log of the cost so that one β serves classes whose costs differ by two
/// orders of magnitude (gas at a few USD per tonne, containers at hundreds). P(r|g) = exp(V_r/μ) / Σ exp(V_k/μ),
/// logsum I_g = μ ln Σ exp(V_k/μ), P(g) = exp(ASC_g + I_g) / Σ_h exp(ASC_h + I_h). μ in (0, 1]; μ = 1 is the
/// multinomial logit. Written for a handful of options per OD: no allocation.
/// </summary>
public static class NestedLogit
{
    /// <summary>
    /// Fills <paramref name="probability"/> with the choice probability of each route.
    /// </summary>
    /// <param name="costUsd">Generalized cost of each route (&gt; 0), USD per tonne.</param>
    /// <param name="nest">Nest (mode group) index of each route; routes of one nest need not be adjacent.</param>
    /// <param name="routeConstant">Route-level utility added inside the nest (corridor constant plus ln path size).</param>
    /// <param name="nestConstant">Alternative-specific constant of each nest, indexed by nest.</param>
    /// <param name="beta">Cost coefficient β &gt; 0 on ln(GC).</param>
    /// <param name="mu">Nest scale μ in (0, 1].</param>
    /// <param name="probability">Output, one per route; sums to 1.</param>
    /// <returns>The logsum ln Σ_g exp(ASC_g + I_g): the expected maximum utility of the flow (user benefit in utility units).</returns>
    public static double Probabilities(ReadOnlySpan<double> costUsd, ReadOnlySpan<int> nest, ReadOnlySpan<double> routeConstant, ReadOnlySpan<double> nestConstant, double beta, double mu, Span<double> probability)
    {
        if (!(beta > 0) || !(mu > 0) || mu > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(mu), "β must be > 0 and μ in (0, 1]");
        }
        var n = costUsd.Length;
        // Stabilise each nest's exponentials by its largest utility.
        Span<double> nestMax = stackalloc double[nestConstant.Length];
        Span<double> nestSum = stackalloc double[nestConstant.Length];
        nestMax.Fill(double.NegativeInfinity);
        nestSum.Clear();
        for (var r = 0; r < n; r++)
        {
            var v = Utility(costUsd[r], routeConstant[r], beta) / mu;
            probability[r] = v;
            if (v > nestMax[nest[r]])
            {
                nestMax[nest[r]] = v;
            }
        }
        for (var r = 0; r < n; r++)
        {
            nestSum[nest[r]] += Math.Exp(probability[r] - nestMax[nest[r]]);
        }
        // Upper level: utility of nest g is ASC_g + μ (max_g + ln sum_g).
        var upperMax = double.NegativeInfinity;
        Span<double> upper = stackalloc double[nestConstant.Length];
        for (var g = 0; g < nestConstant.Length; g++)
        {
            upper[g] = nestSum[g] > 0 ? nestConstant[g] + (mu * (nestMax[g] + Math.Log(nestSum[g]))) : double.NegativeInfinity;
            upperMax = Math.Max(upperMax, upper[g]);
        }
        var upperSum = 0.0;
        for (var g = 0; g < nestConstant.Length; g++)
        {
            upper[g] = nestSum[g] > 0 ? Math.Exp(upper[g] - upperMax) : 0;
            upperSum += upper[g];
        }
        for (var r = 0; r < n; r++)
        {
            var g = nest[r];
            probability[r] = upper[g] / upperSum * Math.Exp(probability[r] - nestMax[g]) / nestSum[g];
        }
        return upperMax + Math.Log(upperSum);
    }

    /// <summary>
    /// The cost that, alone, would give the logsum <paramref name="logsum"/>: exp(−logsum / β), USD per tonne. With
    /// the log-cost utility this composite cost is the money measure of the logsum; the user benefit of a change is
    /// tonnes × (composite before − composite after).
    /// </summary>
    public static double CompositeCostUsd(double logsum, double beta) => Math.Exp(-logsum / beta);

    /// <summary>Route utility without the nest constant: −β ln(GC) + constant.</summary>
    public static double Utility(double costUsd, double routeConstant, double beta)
    {
        if (!(costUsd > 0) || !double.IsFinite(costUsd))
        {
            throw new ArgumentOutOfRangeException(nameof(costUsd), $"generalized cost must be finite and > 0, not {costUsd}");
        }
        return (-beta * Math.Log(costUsd)) + routeConstant;
    }
}
