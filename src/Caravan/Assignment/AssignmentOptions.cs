namespace Caravan.Assignment;

/// <summary>How to run an assignment and when to stop. The first stop rule reached wins.</summary>
public sealed record AssignmentOptions
{
    /// <summary>The method; Algorithm B by default.</summary>
    public AssignmentAlgorithm Algorithm { get; init; } = AssignmentAlgorithm.AlgorithmB;
    /// <summary>Stop when the relative gap (TSTT − SPTT)/TSTT is at or below this.</summary>
    public double TargetRelativeGap { get; init; } = 1e-6;
    /// <summary>Stop after this many iterations.</summary>
    public int MaxIterations { get; init; } = 10_000;
    /// <summary>Stop after this much wall-clock time (checked between iterations); null = no limit.</summary>
    public TimeSpan? TimeLimit { get; init; }
    /// <summary>Worker threads for the parallel parts (shortest-path trees, loading, gap); 0 = all cores.</summary>
    public int Threads { get; init; }

    /// <summary>Threads actually used.</summary>
    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;
}
