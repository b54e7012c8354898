namespace Caravan.Assignment;

/// <summary>How to run an assignment and when to stop. The first stop rule reached wins.</summary>
public sealed record AssignmentOptions
{
    /// <summary>The method; Algorithm B by default.</summary>
    public AssignmentAlgorithm Algorithm { get; init; } = AssignmentAlgorithm.AlgorithmB;
    /// <summary>The default of <see cref="TargetRelativeGap"/>.</summary>
    public const double DefaultTargetRelativeGap = 1e-6;
    /// <summary>The default of <see cref="MaxIterations"/>.</summary>
    public const int DefaultMaxIterations = 10_000;

    /// <summary>Stop when the relative gap (TSTT − SPTT)/TSTT is at or below this.</summary>
    public double TargetRelativeGap { get; init; } = DefaultTargetRelativeGap;
    /// <summary>Stop after this many iterations.</summary>
    public int MaxIterations { get; init; } = DefaultMaxIterations;
    /// <summary>Stop after this much wall-clock time (checked between iterations); null = no limit.</summary>
    public TimeSpan? TimeLimit { get; init; }
    /// <summary>
    /// Worker threads for the parallel parts (shortest-path trees, loading, gap, and Algorithm B's bush lanes, of
    /// which there are two); 0 = all cores. Algorithm B gives the same flows on any number of threads.
    /// </summary>
    public int Threads { get; init; }

    /// <summary>
    /// Also measure the route-flow proportionality of the solution (<see cref="RouteFlowProportionality"/>) into
    /// <see cref="AssignmentResult.Proportionality"/>. Only for algorithms that keep per-origin flows
    /// (<see cref="RouteFlowProportionality.Supports"/>).
    /// </summary>
    public bool MeasureProportionality { get; init; }

    /// <summary>Threads actually used.</summary>
    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;

    /// <summary>
    /// These options with each given value replacing this record's; a null keeps it. Hosts bind what the user gave
    /// and call this on the job's defaults (<c>new AssignmentOptions()</c>, or a freight assignment's solver
    /// options), so a default lives only here.
    /// </summary>
    public AssignmentOptions With(AssignmentAlgorithm? algorithm = null, double? targetRelativeGap = null, int? maxIterations = null, TimeSpan? timeLimit = null, int? threads = null, bool? measureProportionality = null)
        => this with
        {
            Algorithm = algorithm ?? Algorithm,
            TargetRelativeGap = targetRelativeGap ?? TargetRelativeGap,
            MaxIterations = maxIterations ?? MaxIterations,
            TimeLimit = timeLimit ?? TimeLimit,
            Threads = threads ?? Threads,
            MeasureProportionality = measureProportionality ?? MeasureProportionality,
        };
}
