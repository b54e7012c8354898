namespace Caravan.Appraisal;

/// <summary>The shape of a stated distribution.</summary>
public enum DistributionKind : byte
{
    /// <summary>Always the same value.</summary>
    Fixed,
    /// <summary>Uniform on [min, max].</summary>
    Uniform,
    /// <summary>Normal with mean and standard deviation, cut to [min, max] when those are given.</summary>
    Normal,
    /// <summary>Triangular on [min, max] with its mode.</summary>
    Triangular,
}

/// <summary>A distribution a future's value is drawn from.</summary>
/// <param name="Kind">Shape.</param>
/// <param name="A">Fixed: the value; uniform and triangular: min; normal: mean.</param>
/// <param name="B">Uniform and triangular: max; normal: standard deviation.</param>
/// <param name="C">Triangular: mode.</param>
/// <param name="Min">Lower bound a draw is clamped to (−∞ for none).</param>
/// <param name="Max">Upper bound a draw is clamped to (+∞ for none).</param>
public sealed record Distribution(DistributionKind Kind, double A, double B = 0, double C = 0, double Min = double.NegativeInfinity, double Max = double.PositiveInfinity)
{
    /// <summary>One draw from uniform numbers in [0, 1).</summary>
    public double Draw(SplitMix64 random)
    {
        var x = Kind switch
        {
            DistributionKind.Fixed => A,
            DistributionKind.Uniform => A + ((B - A) * random.NextDouble()),
            DistributionKind.Normal => A + (B * random.NextStandardNormal()),
            _ => Triangular(random.NextDouble()),
        };
        return Math.Clamp(x, Min, Max);
    }

    private double Triangular(double u)
    {
        // Inverse CDF of the triangular distribution on [A, B] with mode C.
        var (lo, hi, mode) = (A, B, C);
        if (hi <= lo)
        {
            return lo;
        }
        var f = (mode - lo) / (hi - lo);
        return u < f ? lo + Math.Sqrt(u * (hi - lo) * (mode - lo)) : hi - Math.Sqrt((1 - u) * (hi - lo) * (hi - mode));
    }
}

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014): a tiny generator whose sequence is fixed by its seed on every machine and
/// runtime, so a Monte Carlo future drawn today is drawn the same next year (System.Random promises no such thing).
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1) with 53 bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal by Box–Muller (one of the pair; the sequence stays simple to reproduce).</summary>
    public double NextStandardNormal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
