using Caravan.Assignment;
using Caravan.Data.Tntp;
using Xunit;

namespace Caravan.Tests.Assignment;

public class TntpBestKnownTests
{
    [Theory]
    [InlineData("SiouxFalls", 1)]
    [InlineData("SiouxFalls", 2)]
    [InlineData("Anaheim", 1)]
    public void AlgorithmBMatchesTheBestKnownSolution(string name, int threads)
    {
        var data = TntpFolder.Load(TestData.Tntp(name));
        var result = TrafficAssignment.Solve(data.Problem, new AssignmentOptions { TargetRelativeGap = 1e-9, Threads = threads });
        var bestKnown = TntpLinkMatcher.VolumesByLink(data.Network, data.BestKnown!, name);
        var comparison = SolutionComparison.Compare(data.Problem, result.LinkFlow, bestKnown);
        Assert.True(result.RelativeGap <= 1e-9);
        Assert.True(comparison.RelativeTstTDifference <= 1e-5, $"relative TSTT difference {comparison.RelativeTstTDifference}");
    }

    [Fact]
    public void EveryAlgorithmConvergesToTheSameSiouxFallsFlows()
    {
        var data = TntpFolder.Load(TestData.Tntp("SiouxFalls"));
        var reference = TrafficAssignment.Solve(data.Problem, new AssignmentOptions { TargetRelativeGap = 1e-10, Threads = 1 }).LinkFlow;
        foreach (var algorithm in new[] { AssignmentAlgorithm.BiconjugateFrankWolfe, AssignmentAlgorithm.ConjugateFrankWolfe, AssignmentAlgorithm.FrankWolfe })
        {
            var result = TrafficAssignment.Solve(data.Problem, new AssignmentOptions { Algorithm = algorithm, TargetRelativeGap = 1e-4, Threads = 1 });
            var comparison = SolutionComparison.Compare(data.Problem, result.LinkFlow, reference);
            Assert.True(comparison.RelativeTstTDifference <= 1e-3, $"{algorithm}: relative TSTT difference {comparison.RelativeTstTDifference}");
        }
    }

    [Fact]
    public void ChicagoSketchTakesItsDistanceCostFromTheReadme()
    {
        var data = TntpFolder.Load(TestData.Tntp("ChicagoSketch"));
        Assert.Equal(0.04, data.DistanceFactor);
        Assert.Equal(TntpCostWeights.Source.Readme, data.DistanceFactorSource);
        // Under this cost model the published flows are an equilibrium (their gap is ~1e-13, ~2e-4 without it).
        var bestKnown = TntpLinkMatcher.VolumesByLink(data.Network, data.BestKnown!, "ChicagoSketch");
        var comparison = SolutionComparison.Compare(data.Problem, bestKnown, bestKnown);
        Assert.True(comparison.ReferenceRelativeGap < 1e-10, $"gap of the best-known flows {comparison.ReferenceRelativeGap}");
        Assert.Equal(0, TntpFolder.Load(TestData.Tntp("ChicagoSketch"), new TntpOptions { DistanceFactor = 0 }).DistanceFactor);
    }
}
