namespace Caravan.Assignment;

/// <summary>Link flows at the end of a run and how well they are converged.</summary>
public sealed class AssignmentResult
{
    /// <summary>Total flow per link (all classes).</summary>
    public required double[] LinkFlow { get; init; }
    /// <summary>Flow per class (in problem class order) per link.</summary>
    public required double[][] ClassLinkFlow { get; init; }
    /// <summary>Generalized cost per link at <see cref="LinkFlow"/>.</summary>
    public required double[] LinkCost { get; init; }
    /// <summary>Final relative gap.</summary>
    public required double RelativeGap { get; init; }
    /// <summary>Final Beckmann objective.</summary>
    public required double Objective { get; init; }
    /// <summary>Final total system travel time Σ flow · cost.</summary>
    public required double TotalSystemTravelTime { get; init; }
    /// <summary>Final shortest-path travel time Σ demand · shortest cost.</summary>
    public required double ShortestPathTravelTime { get; init; }
    /// <summary>Iterations run.</summary>
    public required int Iterations { get; init; }
    /// <summary>Wall-clock time of the run (without reading input).</summary>
    public required TimeSpan Elapsed { get; init; }
    /// <summary>Why the run stopped.</summary>
    public required StopReason StopReason { get; init; }
    /// <summary>
    /// True when the run reached its target gap (or finished by construction, all-or-nothing); false when it stopped
    /// at its iteration or time limit above the target, so its flows are not an equilibrium to the precision asked.
    /// </summary>
    public bool Converged => StopReason is StopReason.GapReached or StopReason.Completed;
    /// <summary>Route-flow proportionality of the solution, when <see cref="AssignmentOptions.MeasureProportionality"/> asked for it; else null.</summary>
    public ProportionalityReport? Proportionality { get; init; }
    /// <summary>Convergence per iteration.</summary>
    public required IReadOnlyList<IterationReport> History { get; init; }
}
