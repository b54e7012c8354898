namespace Caravan.Assignment;

/// <summary>
/// Conjugate Frank–Wolfe (Mitradjieva &amp; Lindberg 2013): the new target point is
/// s = α·s_prev + (1 − α)·y, with α chosen so that s − x is conjugate to s_prev − x with respect to the
/// Hessian of the Beckmann objective (diagonal: link cost derivatives).
/// </summary>
internal static class ConjugateDirection
{
    /// <summary>Keeps α away from 1 so the new point always moves towards the all-or-nothing solution.</summary>
    private const double Delta = 1e-6;

    /// <summary>α for the conjugate combination; 0 means plain Frank–Wolfe.</summary>
    public static double Alpha(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> sPrev, ReadOnlySpan<double> hessian)
    {
        double numerator = 0, denominator = 0;
        for (var a = 0; a < x.Length; a++)
        {
            var h = hessian[a];
            var dPrev = sPrev[a] - x[a];
            numerator += h * dPrev * (y[a] - x[a]);
            denominator += h * dPrev * (y[a] - sPrev[a]);
        }
        if (denominator == 0 || !double.IsFinite(numerator / denominator))
        {
            return 0;
        }
        return Math.Clamp(numerator / denominator, 0, 1 - Delta);
    }
}
