namespace Caravan.Assignment;

/// <summary>BPR volume-delay function t(v) = t0 · (1 + α · (v/c)^β), its derivative and its integral (for the Beckmann objective).</summary>
public static class Bpr
{
    /// <summary>Travel time at flow <paramref name="flow"/>.</summary>
    public static double Time(double freeFlowTime, double capacity, double alpha, double power, double flow)
        => freeFlowTime * (1 + (alpha * Pow(flow / capacity, power)));

    /// <summary>dt/dv at <paramref name="flow"/>.</summary>
    public static double Derivative(double freeFlowTime, double capacity, double alpha, double power, double flow)
        => power == 0 || alpha == 0 ? 0 : freeFlowTime * alpha * power / capacity * Pow(flow / capacity, power - 1);

    /// <summary>∫₀^v t(u) du.</summary>
    public static double Integral(double freeFlowTime, double capacity, double alpha, double power, double flow)
        => freeFlowTime * (flow + (alpha * capacity / (power + 1) * Pow(flow / capacity, power + 1)));

    /// <summary>
    /// x^p with x ≥ 0, taking the small integer powers (4 is the TNTP default) by multiplication because
    /// <see cref="Math.Pow"/> dominates the cost of link updates otherwise. 0^0 = 1.
    /// </summary>
    public static double Pow(double x, double p)
    {
        if (x <= 0)
        {
            return p == 0 ? 1 : 0;
        }
        switch (p)
        {
            case 0: return 1;
            case 1: return x;
            case 2: return x * x;
            case 3: return x * x * x;
            case 4:
                var x2 = x * x;
                return x2 * x2;
            case 5:
                var y2 = x * x;
                return y2 * y2 * x;
            default:
                return Math.Pow(x, p);
        }
    }
}
