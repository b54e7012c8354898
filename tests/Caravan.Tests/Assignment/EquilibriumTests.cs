using Caravan.Assignment;
using Xunit;

namespace Caravan.Tests.Assignment;

public class EquilibriumTests
{
    public static TheoryData<AssignmentAlgorithm, double, double> Algorithms => new()
    {
        // algorithm, target gap, flow tolerance
        { AssignmentAlgorithm.AlgorithmB, 1e-12, 1e-7 },
        { AssignmentAlgorithm.BiconjugateFrankWolfe, 1e-9, 1e-4 },
        { AssignmentAlgorithm.ConjugateFrankWolfe, 1e-9, 1e-4 },
        { AssignmentAlgorithm.FrankWolfe, 1e-8, 1e-3 },
        { AssignmentAlgorithm.Msa, 1e-5, 5e-2 },
    };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void BraessNetworkReachesItsKnownEquilibrium(AssignmentAlgorithm algorithm, double gap, double tolerance)
    {
        var result = TrafficAssignment.Solve(SmallNetworks.Braess(), Options(algorithm, gap));
        Assert.Equal(StopReason.GapReached, result.StopReason);
        for (var a = 0; a < 5; a++)
        {
            Assert.Equal(SmallNetworks.BraessEquilibrium[a], result.LinkFlow[a], tolerance);
        }
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void TwoLinkNetworkMatchesTheAnalyticSplit(AssignmentAlgorithm algorithm, double gap, double tolerance)
    {
        var result = TrafficAssignment.Solve(SmallNetworks.TwoLinks(), Options(algorithm, gap));
        Assert.Equal(4, result.LinkFlow[0], tolerance);
        Assert.Equal(6, result.LinkFlow[1], tolerance);
        Assert.Equal(5, result.LinkCost[0], tolerance * 10);
        Assert.Equal(5, result.LinkCost[1], tolerance * 10);
    }

    [Fact]
    public void AllOrNothingLoadsFreeFlowShortestPaths()
    {
        var result = TrafficAssignment.Solve(SmallNetworks.TwoLinks(), Options(AssignmentAlgorithm.AllOrNothing, 0));
        Assert.Equal(StopReason.Completed, result.StopReason);
        Assert.Equal([10.0, 0.0], result.LinkFlow);
        Assert.Equal(1, result.Iterations);
    }

    [Theory]
    [InlineData(AssignmentAlgorithm.AlgorithmB)]
    [InlineData(AssignmentAlgorithm.FrankWolfe)]
    public void ClassMasksKeepAClassOffForbiddenLinks(AssignmentAlgorithm algorithm)
    {
        // Class 0 ("containers") may use both links, class 1 ("bulk") only link 1. Bulk puts 4 on link 1;
        // containers equalize 1 + x₀ = 2 + 0.5(x₁ + 4) with x₀ + x₁ = 10: x₀ = 16/3.
        var problem = SmallNetworks.TwoLinks([0b01, 0b11], ("containers", 10), ("bulk", 4));
        var result = TrafficAssignment.Solve(problem, Options(algorithm, 1e-10));
        Assert.Equal(0, result.ClassLinkFlow[1][0], 1e-9);
        Assert.Equal(4, result.ClassLinkFlow[1][1], 1e-9);
        Assert.Equal(16.0 / 3, result.LinkFlow[0], 1e-3);
        Assert.Equal(26.0 / 3, result.LinkFlow[1], 1e-3);
    }

    [Fact]
    public void PathsNeverPassThroughABlockingZone()
    {
        //  (A)──1──▶(B, zone)──1──▶(C)      A → C must not cut through zone B,
        //   └──5──▶(n)──5──────────▶┘       so it takes the cost-10 detour.
        var costs = new LinkCostModel([1, 1, 5, 5], [1, 1, 1, 1], [0, 0, 0, 0], [1, 1, 1, 1], new double[4], new VolumeDelayKind[4]);
        var network = new AssignmentNetwork(4, [0, 1, 0, 3], [1, 2, 3, 2], costs, [0, 1, 2], [false, true, false, false]);
        var problem = new AssignmentProblem(network, [new DemandClass("all", 0, new OdMatrix(3, [(0, 2, 1.0)]))]);
        foreach (var algorithm in new[] { AssignmentAlgorithm.AllOrNothing, AssignmentAlgorithm.AlgorithmB })
        {
            var result = TrafficAssignment.Solve(problem, Options(algorithm, 1e-9));
            Assert.Equal([0.0, 0.0, 1.0, 1.0], result.LinkFlow);
        }
    }

    [Fact]
    public void UnreachableDemandIsReportedNotIgnored()
    {
        var costs = new LinkCostModel([1], [1], [0], [1], [0], [VolumeDelayKind.Bpr]);
        var network = new AssignmentNetwork(3, [0], [1], costs, [0, 1, 2]);
        var problem = new AssignmentProblem(network, [new DemandClass("all", 0, new OdMatrix(3, [(0, 2, 1.0)]))]);
        var error = Assert.Throws<Caravan.Diagnostics.CaravanDataException>(() => TrafficAssignment.Solve(problem, Options(AssignmentAlgorithm.AlgorithmB, 1e-6)));
        Assert.Contains("no path from zone 1 to zone 3", error.Message);
    }

    [Fact]
    public void StopsAtTheIterationLimitAndReportsEveryIteration()
    {
        var reports = new List<IterationReport>();
        var result = TrafficAssignment.Solve(SmallNetworks.Braess(), Options(AssignmentAlgorithm.Msa, 0) with { MaxIterations = 7 }, reports.Add);
        Assert.Equal(StopReason.MaxIterations, result.StopReason);
        Assert.Equal(7, result.Iterations);
        Assert.Equal(Enumerable.Range(1, 7), reports.Select(r => r.Iteration));
        Assert.All(reports, r => Assert.True(r.TotalSystemTravelTime > 0 && r.Objective > 0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void CancellationStopsTheRun(int threads)
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var options = Options(AssignmentAlgorithm.AlgorithmB, 0) with { Threads = threads };
        Assert.ThrowsAny<OperationCanceledException>(() => TrafficAssignment.Solve(SmallNetworks.Braess(), options, null, cancel.Token));
    }

    [Fact]
    public void ConicalLinksReachTheirAnalyticEquilibrium()
    {
        // Two parallel conical links (α = 4, c = 10) with t0 = 1 and 2, demand 20. At equilibrium both cost the
        // same; check that with the model's own functions, and that the conical integral drives the objective.
        var costs = new LinkCostModel([1, 2], [10, 10], [4, 4], [0, 0], [0, 0], [VolumeDelayKind.Conical, VolumeDelayKind.Conical]);
        var network = new AssignmentNetwork(2, [0, 0], [1, 1], costs, [0, 1]);
        var problem = new AssignmentProblem(network, [new DemandClass("all", 0, new OdMatrix(2, [(0, 1, 20.0)]))]);
        foreach (var algorithm in new[] { AssignmentAlgorithm.AlgorithmB, AssignmentAlgorithm.BiconjugateFrankWolfe })
        {
            var result = TrafficAssignment.Solve(problem, Options(algorithm, 1e-10));
            Assert.Equal(20, result.LinkFlow[0] + result.LinkFlow[1], 1e-9);
            Assert.Equal(costs.Cost(0, result.LinkFlow[0]), costs.Cost(1, result.LinkFlow[1]), 1e-6);
            Assert.True(result.LinkFlow[0] > result.LinkFlow[1]);
        }
    }

    [Fact]
    public void InvalidLinkParametersAreRejectedWithTheLink()
    {
        var error = Assert.Throws<ArgumentException>(() => new LinkCostModel([1, 1], [10, 0], [0.15, 0.15], [4, 4], [0, 0], new VolumeDelayKind[2]));
        Assert.Contains("link 1", error.Message);
    }

    private static AssignmentOptions Options(AssignmentAlgorithm algorithm, double gap) => new()
    {
        Algorithm = algorithm,
        TargetRelativeGap = gap,
        MaxIterations = 200_000,
        Threads = 1,
    };
}
