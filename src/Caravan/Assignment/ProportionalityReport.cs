namespace Caravan.Assignment;

/// <summary>The link flows of one origin (for one class) of an origin-based solution, such as one Algorithm B bush.</summary>
/// <param name="Origin">Origin zone (0-based).</param>
/// <param name="ClassPosition">Position of the class in the problem's class list.</param>
/// <param name="LinkFlow">This origin's flow per link (one value per link; flows at or below the tolerance, negative rounding residue included, count as unused).</param>
public sealed record OriginLinkFlow(int Origin, int ClassPosition, double[] LinkFlow);

/// <summary>
/// How far an origin-based solution is from the condition of proportionality, measured on the pairs of alternative
/// segments (PAS) its origins use (see <see cref="RouteFlowProportionality"/> for the definition).
/// </summary>
/// <param name="PairCount">PASs found in the origins' flows (distinct pairs of link sequences).</param>
/// <param name="SharedPairCount">Of those, the PASs used by two origins or more: the only ones proportionality can fail on.</param>
/// <param name="OriginPairCount">(origin, PAS) terms on the shared PASs, i.e. origins counted once per shared PAS they use.</param>
/// <param name="SharedFlow">Σ over those terms of the origin's flow through the PAS (both segments), in demand units.</param>
/// <param name="NonProportionalFlow">
/// Σ over those terms of flow × |origin share − PAS share|: the flow that would have to move between the two segments,
/// origin by origin, for every shared PAS to be proportional (PAS by PAS, ignoring how PASs overlap).
/// </param>
/// <param name="MeanDeviation">Flow-weighted mean of |origin share − PAS share| = NonProportionalFlow / SharedFlow (0 when nothing is shared); 0 = proportional.</param>
/// <param name="MaxDeviation">Largest |origin share − PAS share| over the terms (0 to 1).</param>
/// <param name="Worst">The term with <paramref name="MaxDeviation"/>, or null when there is none.</param>
public sealed record ProportionalityReport(
    int PairCount,
    int SharedPairCount,
    int OriginPairCount,
    double SharedFlow,
    double NonProportionalFlow,
    double MeanDeviation,
    double MaxDeviation,
    ProportionalityTerm? Worst);

/// <summary>One origin on one PAS: its share of the first segment against the share of all origins together.</summary>
/// <param name="DivergeNode">Node where the two segments part (0-based).</param>
/// <param name="MergeNode">Node where they meet again (0-based).</param>
/// <param name="FirstSegment">Links of the first segment, diverge to merge (0-based ids; the segment whose link list sorts first).</param>
/// <param name="SecondSegment">Links of the second segment, diverge to merge.</param>
/// <param name="Origin">Origin zone (0-based).</param>
/// <param name="ClassPosition">Class of that origin's flows.</param>
/// <param name="OriginFlow">The origin's flow through the PAS (both segments).</param>
/// <param name="OriginShare">The origin's share of that flow on the first segment.</param>
/// <param name="PairShare">All origins' share on the first segment.</param>
public sealed record ProportionalityTerm(
    int DivergeNode,
    int MergeNode,
    IReadOnlyList<int> FirstSegment,
    IReadOnlyList<int> SecondSegment,
    int Origin,
    int ClassPosition,
    double OriginFlow,
    double OriginShare,
    double PairShare);
