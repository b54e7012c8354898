namespace Caravan.Assignment;

/// <summary>
/// Exact line search for the Beckmann objective along x + λ·d, λ ∈ [0, 1], by bisection on its derivative
/// g(λ) = Σ cost_a(x_a + λ d_a) · d_a, which is non-decreasing in λ because link costs are non-decreasing.
/// </summary>
internal static class LineSearch
{
    /// <summary>Bisection steps: 2^-50 is below double resolution of λ.</summary>
    private const int MaxSteps = 50;

    public static double Step(LinkCostModel costs, ReadOnlySpan<double> flow, ReadOnlySpan<double> direction)
    {
        if (Derivative(costs, flow, direction, 1) <= 0)
        {
            return 1;
        }
        double low = 0, high = 1;
        for (var i = 0; i < MaxSteps && high - low > 1e-15; i++)
        {
            var mid = 0.5 * (low + high);
            if (Derivative(costs, flow, direction, mid) > 0)
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }
        return 0.5 * (low + high);
    }

    /// <summary>g(λ) = Σ cost_a(x_a + λ d_a) · d_a.</summary>
    public static double Derivative(LinkCostModel costs, ReadOnlySpan<double> flow, ReadOnlySpan<double> direction, double lambda)
    {
        var sum = 0.0;
        for (var a = 0; a < flow.Length; a++)
        {
            var d = direction[a];
            if (d != 0)
            {
                sum += costs.Cost(a, flow[a] + (lambda * d)) * d;
            }
        }
        return sum;
    }
}
