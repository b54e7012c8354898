namespace Caravan.Assignment;

/// <summary>The shape of a link's volume-delay function.</summary>
public enum VolumeDelayKind : byte
{
    /// <summary>Bureau of Public Roads: t = t0 · (1 + α · (v/c)^β).</summary>
    Bpr = 0,

    /// <summary>
    /// Spiess (1990) conical: t = t0 · (2 + √(α²(1 − v/c)² + β²) − α(1 − v/c) − β) with β = (2α − 1)/(2α − 2), α &gt; 1.
    /// Finite derivative everywhere and a linear asymptote, suited to ports and border crossings.
    /// </summary>
    Conical = 1,
}
