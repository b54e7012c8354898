namespace Caravan.Assignment;

/// <summary>Equilibrium assignment methods, from simplest to state of the art.</summary>
public enum AssignmentAlgorithm
{
    /// <summary>Dial's Algorithm B (2006): origin-based bushes, flow shifted between longest and shortest used paths. The default.</summary>
    AlgorithmB,
    /// <summary>Bi-conjugate Frank–Wolfe (Mitradjieva &amp; Lindberg 2013).</summary>
    BiconjugateFrankWolfe,
    /// <summary>Conjugate Frank–Wolfe (Mitradjieva &amp; Lindberg 2013).</summary>
    ConjugateFrankWolfe,
    /// <summary>Frank–Wolfe with exact line search.</summary>
    FrankWolfe,
    /// <summary>Method of successive averages (step 1/k).</summary>
    Msa,
    /// <summary>One all-or-nothing loading at free-flow costs (no equilibrium).</summary>
    AllOrNothing,
}
