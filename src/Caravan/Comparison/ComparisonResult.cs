using System.Text.Json.Serialization;
using Caravan.Scenarios;

namespace Caravan.Comparison;

/// <summary>Which scenario a side of the comparison is.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="Description">Its description.</param>
/// <param name="ContentHash">Identity of the exact network (see <see cref="Scenarios.ContentHash"/>).</param>
public sealed record ScenarioInfo(string Name, string Description, string ContentHash);

/// <summary>One side's route for a pair.</summary>
/// <param name="Hours">Expected door-to-door hours.</param>
/// <param name="CostUsd">Price, USD.</param>
/// <param name="Co2eKg">Emissions, kg CO2e.</param>
/// <param name="DistanceKm">Distance, km.</param>
/// <param name="Corridor">Corridor the route mostly runs on.</param>
/// <param name="LinkIds">Links and crossings used, in order.</param>
public sealed record RouteSummary(double Hours, double CostUsd, double Co2eKg, double DistanceKm, string Corridor, IReadOnlyList<string> LinkIds);

/// <summary>How a pair fares under A and under B, and why it changed.</summary>
/// <param name="From">Origin code.</param>
/// <param name="FromName">Origin name.</param>
/// <param name="To">Destination code.</param>
/// <param name="ToName">Destination name.</param>
/// <param name="Commodity">Cargo name.</param>
/// <param name="Quantity">Quantity.</param>
/// <param name="A">Route under A, or null when there is none.</param>
/// <param name="B">Route under B, or null when there is none.</param>
/// <param name="NoRouteA">Why A has no route, when it has none.</param>
/// <param name="NoRouteB">Why B has no route, when it has none.</param>
/// <param name="Reasons">What changed on the routes between A and B (links opened, closed, changed).</param>
/// <param name="Causes">The overlay changes of B behind those, with their notes and source ids.</param>
public sealed record OdComparison(
    string From,
    string FromName,
    string To,
    string ToName,
    string Commodity,
    double Quantity,
    RouteSummary? A,
    RouteSummary? B,
    string? NoRouteA,
    string? NoRouteB,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Causes)
{
    /// <summary>B − A hours; null unless both have a route.</summary>
    public double? DeltaHours => A is not null && B is not null ? B.Hours - A.Hours : null;

    /// <summary>B − A cost; null unless both have a route.</summary>
    public double? DeltaCostUsd => A is not null && B is not null ? B.CostUsd - A.CostUsd : null;

    /// <summary>B − A CO2e; null unless both have a route.</summary>
    public double? DeltaCo2eKg => A is not null && B is not null ? B.Co2eKg - A.Co2eKg : null;

    /// <summary>Sort key: a route appearing or vanishing ranks first, then the size of the time change.</summary>
    [JsonIgnore]
    public double Impact => (A is null) != (B is null) ? double.PositiveInfinity : Math.Abs(DeltaHours ?? 0);
}

/// <summary>A pair that could not be compared (a place not in the network), with the reason.</summary>
/// <param name="From">Origin as written.</param>
/// <param name="To">Destination as written.</param>
/// <param name="Reason">Why it was skipped.</param>
public sealed record SkippedPair(string From, string To, string Reason);

/// <summary>How B's routes measure against a target stated in B's overlays.</summary>
/// <param name="Target">The target.</param>
/// <param name="Pairs">Pairs it applies to (B routes on its corridor, both sides routed).</param>
/// <param name="Met">Pairs where B/A is at most the target factor.</param>
/// <param name="MeanRatio">Mean B/A of the metric over those pairs; null when none.</param>
public sealed record TargetCheck(OverlayTarget Target, int Pairs, int Met, double? MeanRatio);

/// <summary>A change of flow on one link between A and B (filled by the assignment comparison).</summary>
/// <param name="LinkId">Link id.</param>
/// <param name="FlowA">Flow under A, tonnes per year.</param>
/// <param name="FlowB">Flow under B.</param>
/// <param name="VolumeCapacityA">Volume/capacity under A.</param>
/// <param name="VolumeCapacityB">Volume/capacity under B.</param>
public sealed record LinkFlowChange(string LinkId, double FlowA, double FlowB, double? VolumeCapacityA, double? VolumeCapacityB);

/// <summary>A change of flow on one corridor between A and B (filled by the assignment comparison).</summary>
/// <param name="Corridor">Corridor label.</param>
/// <param name="FlowA">Tonne-km per year under A.</param>
/// <param name="FlowB">Tonne-km per year under B.</param>
public sealed record CorridorFlowChange(string Corridor, double FlowA, double FlowB);

/// <summary>
/// The assignment side of a comparison (<c>compare --demand</c>): flow shifts by link and corridor, bottlenecks
/// that appear or are relieved (utilisation ≥ 100% in one scenario and not in the other).
/// </summary>
/// <param name="Links">Flow change per link, largest shift first.</param>
/// <param name="Corridors">Flow change per corridor.</param>
/// <param name="NewBottlenecks">Links over capacity in B but not in A.</param>
/// <param name="RelievedBottlenecks">Links over capacity in A but not in B.</param>
/// <param name="UnservedA">Demand rows without a route under A (left out of A's assignment).</param>
/// <param name="UnservedB">Demand rows without a route under B (left out of B's assignment), e.g. flows to a closed country.</param>
public sealed record AssignmentComparison(
    IReadOnlyList<LinkFlowChange> Links,
    IReadOnlyList<CorridorFlowChange> Corridors,
    IReadOnlyList<string> NewBottlenecks,
    IReadOnlyList<string> RelievedBottlenecks,
    IReadOnlyList<Caravan.Freight.UnservedDemand>? UnservedA = null,
    IReadOnlyList<Caravan.Freight.UnservedDemand>? UnservedB = null);

/// <summary>
/// The result of comparing two scenarios. Sections: <see cref="Routes"/> (per OD pair) and <see cref="Targets"/>
/// and <see cref="Assignment"/> (flows under a demand matrix) when <c>--demand</c> is given.
/// </summary>
/// <param name="A">Scenario A.</param>
/// <param name="B">Scenario B.</param>
/// <param name="Objective">What the routes minimise.</param>
/// <param name="Year">Year of travel.</param>
/// <param name="Routes">Per-pair comparisons, sorted by impact.</param>
/// <param name="Skipped">Pairs that could not be compared.</param>
/// <param name="Targets">B's stated targets checked against the routes.</param>
/// <param name="Assignment">Flow comparison; null without <c>--demand</c>.</param>
public sealed record ComparisonResult(
    ScenarioInfo A,
    ScenarioInfo B,
    string Objective,
    int Year,
    IReadOnlyList<OdComparison> Routes,
    IReadOnlyList<SkippedPair> Skipped,
    IReadOnlyList<TargetCheck> Targets,
    AssignmentComparison? Assignment = null);
