namespace Caravan.Assignment;

/// <summary>
/// Bi-conjugate Frank–Wolfe (Mitradjieva &amp; Lindberg 2013): the new target point
/// s = β0·y + β1·s₁ + β2·s₂ combines the all-or-nothing point y with the last two target points so that the
/// direction is conjugate to the last two directions. Returns false when the formula breaks down
/// (previous step of 1, zero denominators); the caller then falls back to conjugate Frank–Wolfe.
/// </summary>
internal static class BiconjugateDirection
{
    public static bool Betas(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> s1, ReadOnlySpan<double> s2,
        ReadOnlySpan<double> hessian, double previousStep, out double beta0, out double beta1, out double beta2)
    {
        beta0 = 1;
        beta1 = 0;
        beta2 = 0;
        var tau = previousStep;
        if (tau <= 0 || tau >= 1)
        {
            return false;
        }
        double muNumerator = 0, muDenominator = 0, nuNumerator = 0, nuDenominator = 0;
        for (var a = 0; a < x.Length; a++)
        {
            var h = hessian[a];
            var d = y[a] - x[a];
            var dBar = s1[a] - x[a];
            var xBar = (tau * s1[a]) - x[a] + ((1 - tau) * s2[a]);
            muNumerator += h * xBar * d;
            muDenominator += h * xBar * (s2[a] - s1[a]);
            nuNumerator += h * dBar * d;
            nuDenominator += h * dBar * dBar;
        }
        if (muDenominator == 0 || nuDenominator == 0)
        {
            return false;
        }
        var mu = Math.Max(0, -muNumerator / muDenominator);
        var nu = Math.Max(0, (-nuNumerator / nuDenominator) + (mu * tau / (1 - tau)));
        if (!double.IsFinite(mu) || !double.IsFinite(nu))
        {
            return false;
        }
        beta0 = 1 / (1 + mu + nu);
        beta1 = nu * beta0;
        beta2 = mu * beta0;
        return true;
    }
}
