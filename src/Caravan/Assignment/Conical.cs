namespace Caravan.Assignment;

/// <summary>
/// Spiess (1990) conical volume-delay function with steepness α &gt; 1:
/// t(v) = t0 · (2 + √(α²(1 − x)² + β²) − α(1 − x) − β), x = v/c, β = (2α − 1)/(2α − 2).
/// t(0) = t0 and t(c) = 2·t0, with a bounded slope beyond capacity (BPR grows without bound).
/// </summary>
public static class Conical
{
    /// <summary>The β that makes t(0) = t0.</summary>
    public static double BetaOf(double alpha) => ((2 * alpha) - 1) / ((2 * alpha) - 2);

    /// <summary>Travel time at flow <paramref name="flow"/>.</summary>
    public static double Time(double freeFlowTime, double capacity, double alpha, double flow)
    {
        var beta = BetaOf(alpha);
        var s = alpha * (1 - (flow / capacity));
        return freeFlowTime * (2 + Math.Sqrt((s * s) + (beta * beta)) - s - beta);
    }

    /// <summary>dt/dv at <paramref name="flow"/>.</summary>
    public static double Derivative(double freeFlowTime, double capacity, double alpha, double flow)
    {
        var beta = BetaOf(alpha);
        var s = alpha * (1 - (flow / capacity));
        // d/dv of √(s²+β²) − s with ds/dv = −α/c.
        return freeFlowTime * (alpha / capacity) * (1 - (s / Math.Sqrt((s * s) + (beta * beta))));
    }

    /// <summary>∫₀^v t(u) du, in closed form through the antiderivative of √(s² + β²).</summary>
    public static double Integral(double freeFlowTime, double capacity, double alpha, double flow)
    {
        var beta = BetaOf(alpha);
        var s0 = alpha;
        var s1 = alpha * (1 - (flow / capacity));
        // ∫ (√(s²+β²) − s) du over u ∈ [0, v] with s = α(1 − u/c), du = −(c/α) ds.
        var rootPart = (capacity / alpha) * (Antiderivative(s0, beta) - Antiderivative(s1, beta));
        var linearPart = (capacity / alpha) * (((s0 * s0) - (s1 * s1)) / 2);
        return freeFlowTime * ((2 - beta) * flow + rootPart - linearPart);
    }

    private static double Antiderivative(double s, double beta)
    {
        var root = Math.Sqrt((s * s) + (beta * beta));
        return ((s * root) + (beta * beta * Math.Log(s + root))) / 2;
    }
}
