using Caravan.Assignment;
using Xunit;

namespace Caravan.Tests.Assignment;

/// <summary>
/// Route-flow proportionality on hand-set origin flows. Two origins meet at node 2 and split between a direct link and
/// a two-link detour to node 3, then go on to the destination 5:
/// <code>
///   (0) ──0──┐            ┌──3── (4) ──4──┐
///            (2) ─────────┤               (3) ──5── (5)
///   (1) ──1──┘            └──────2────────┘
/// </code>
/// Links (0-based): 0: 0→2, 1: 1→2, 2: 2→3, 3: 2→4, 4: 4→3, 5: 3→5; link 6: 6→4 brings a third origin into the detour
/// behind the diverge node. Zones: 0 at node 0, 1 at node 1, 2 at node 5, 3 at node 6.
/// </summary>
public class ProportionalityTests
{
    private static AssignmentNetwork Network()
    {
        int[] tail = [0, 1, 2, 2, 4, 3, 6];
        int[] head = [2, 2, 3, 4, 3, 5, 4];
        var problem = SmallNetworks.Linear(7, tail, head, [1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1], [0, 1, 5, 6], [(0, 2, 1.0)]);
        return problem.Network;
    }

    /// <summary>An origin entering at link <paramref name="access"/> with <paramref name="direct"/> on link 2 and <paramref name="detour"/> on links 3–4.</summary>
    private static OriginLinkFlow Origin(int zone, int access, double direct, double detour)
    {
        var flow = new double[7];
        flow[access] = direct + detour;
        flow[2] = direct;
        flow[3] = detour;
        flow[4] = detour;
        flow[5] = direct + detour;
        return new OriginLinkFlow(zone, 0, flow);
    }

    [Fact]
    public void UnequalSplitsGiveTheFlowWeightedDeviationFromThePairShare()
    {
        var report = RouteFlowProportionality.Measure(Network(), [Origin(0, 0, 7, 3), Origin(1, 1, 15, 15)]);
        Assert.Equal(1, report.PairCount);
        Assert.Equal(1, report.SharedPairCount);
        Assert.Equal(2, report.OriginPairCount);
        Assert.Equal(40, report.SharedFlow, 1e-12);
        // The direct link sorts first ([2] before [3, 4]): pair share 22/40, origin 0 at 7/10, origin 1 at 15/30.
        var pairShare = 22.0 / 40;
        var expected = (10 * Math.Abs(0.7 - pairShare) + 30 * Math.Abs(0.5 - pairShare)) / 40;
        Assert.Equal(expected, report.MeanDeviation, 1e-12);
        Assert.Equal(10 * Math.Abs(0.7 - pairShare) + 30 * Math.Abs(0.5 - pairShare), report.NonProportionalFlow, 1e-12);
        Assert.Equal(Math.Abs(0.7 - pairShare), report.MaxDeviation, 1e-12);
        var worst = Assert.IsType<ProportionalityTerm>(report.Worst);
        Assert.Equal(0, worst.Origin);
        Assert.Equal(2, worst.DivergeNode);
        Assert.Equal(3, worst.MergeNode);
        Assert.Equal([2], worst.FirstSegment);
        Assert.Equal([3, 4], worst.SecondSegment);
        Assert.Equal(0.7, worst.OriginShare, 1e-12);
        Assert.Equal(pairShare, worst.PairShare, 1e-12);
    }

    [Fact]
    public void EqualSplitsAreProportional()
    {
        var report = RouteFlowProportionality.Measure(Network(), [Origin(0, 0, 5, 5), Origin(1, 1, 15, 15)]);
        Assert.Equal(1, report.SharedPairCount);
        Assert.Equal(2, report.OriginPairCount);
        Assert.Equal(0, report.MeanDeviation, 1e-15);
        Assert.Equal(0, report.MaxDeviation, 1e-15);
        Assert.Equal(0, report.NonProportionalFlow, 1e-15);
    }

    [Fact]
    public void OriginsKeepingToOneSegmentEachAreFoundThroughTheTotalFlow()
    {
        // No origin uses both segments, so no single origin shows the pair: only the total does. Shares 1 and 0
        // against 10/40 overall.
        var report = RouteFlowProportionality.Measure(Network(), [Origin(0, 0, 10, 0), Origin(1, 1, 0, 30)]);
        Assert.Equal(1, report.SharedPairCount);
        Assert.Equal(2, report.OriginPairCount);
        Assert.Equal((10 * (1 - 0.25) + 30 * 0.25) / 40, report.MeanDeviation, 1e-12);
        Assert.Equal(0.75, report.MaxDeviation, 1e-12);
    }

    [Fact]
    public void AnOriginJoiningBehindTheDivergeNodeIsNotOnThePair()
    {
        // Origin 3 enters the detour at node 4 (link 6): it merges at node 3 but never passes node 2, so it is not on
        // the pair, and the detour's last link carrying its flow too leaves origin 0's and 1's flows on the pair as
        // they were (each origin is read from its own flows).
        var third = new double[7];
        third[6] = 8;
        third[4] = 8;
        third[5] = 8;
        var withThird = new[] { Origin(0, 0, 7, 3), Origin(1, 1, 15, 15), new OriginLinkFlow(3, 0, third) };
        var report = RouteFlowProportionality.Measure(Network(), withThird);
        var without = RouteFlowProportionality.Measure(Network(), [Origin(0, 0, 7, 3), Origin(1, 1, 15, 15)]);
        Assert.Equal(2, report.OriginPairCount);
        Assert.Equal(without.MeanDeviation, report.MeanDeviation, 1e-12);
        Assert.Equal(40, report.SharedFlow, 1e-12);
    }

    [Fact]
    public void APairOnlyOneOriginUsesCannotFailProportionality()
    {
        var report = RouteFlowProportionality.Measure(Network(), [Origin(0, 0, 7, 3)]);
        Assert.Equal(1, report.PairCount);
        Assert.Equal(0, report.SharedPairCount);
        Assert.Equal(0, report.OriginPairCount);
        Assert.Equal(0, report.MeanDeviation);
        Assert.Null(report.Worst);
    }

    [Fact]
    public void CyclicOriginFlowsAreRejected()
    {
        // 0→1→2→0 around, plus 0→2: node 2 has two used in-links and the largest-flow trace back never ends.
        var problem = SmallNetworks.Linear(3, [0, 1, 2, 0], [1, 2, 0, 2], [1, 1, 1, 1], [1, 1, 1, 1], [0, 2], [(0, 1, 1.0)]);
        var error = Assert.Throws<ArgumentException>(() => RouteFlowProportionality.Measure(problem.Network, [new OriginLinkFlow(0, 0, [5, 5, 5, 1])]));
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AlgorithmBReportsAFiniteMeasureOnASolvedNetwork()
    {
        // The same shape solved for real: two origins to one destination, link costs 1 + x (detour links 0.5 + x each).
        int[] tail = [0, 1, 2, 2, 4, 3];
        int[] head = [2, 2, 3, 4, 3, 5];
        var problem = SmallNetworks.Linear(6, tail, head, [1, 1, 1, 0.5, 0.5, 1], [1, 1, 1, 1, 1, 1], [0, 1, 5], [(0, 2, 10.0), (1, 2, 30.0)]);
        var result = TrafficAssignment.Solve(problem, new AssignmentOptions { TargetRelativeGap = 1e-12, MeasureProportionality = true, Threads = 1 });
        var report = Assert.IsType<ProportionalityReport>(result.Proportionality);
        Assert.True(report.PairCount >= 1);
        Assert.True(report.MeanDeviation is >= 0 and <= 1, $"mean {report.MeanDeviation}");
        Assert.True(report.MaxDeviation is >= 0 and <= 1, $"max {report.MaxDeviation}");
        // Both origins cross the pair with all their demand, whatever their split.
        Assert.Equal(40, report.SharedFlow, 1e-6);
        Assert.Null(TrafficAssignment.Solve(problem, new AssignmentOptions { TargetRelativeGap = 1e-12, Threads = 1 }).Proportionality);
    }

    [Fact]
    public void LinkBasedAlgorithmsCannotMeasureIt()
    {
        Assert.False(RouteFlowProportionality.Supports(AssignmentAlgorithm.FrankWolfe));
        var error = Assert.Throws<ArgumentException>(() => TrafficAssignment.Solve(SmallNetworks.Braess(), new AssignmentOptions { Algorithm = AssignmentAlgorithm.FrankWolfe, MeasureProportionality = true }));
        Assert.Contains("proportionality", error.Message, StringComparison.Ordinal);
    }
}
