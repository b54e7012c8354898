using Caravan.Assignment;
using Caravan.Data;
using Caravan.Freight;
using Xunit;

namespace Caravan.Tests.Assignment;

/// <summary>
/// The freight problem of the embedded network (data/demand/eurasia-2024.csv: five commodity classes with per-link
/// permissions, conical capacities) solved by Algorithm B on 1, 2 and 4 threads, 20 times each: every run reaches
/// the gap and gives the same flows to the last bit. Before the fix, runs with several threads differed in their
/// last digits, and some origin orders stalled at a gap of about 3e-3 until the iteration limit.
/// </summary>
public class ReproducibilityTests
{
    private const double TargetGap = 1e-8;
    private static readonly Lazy<FreightModel> Model = new(() =>
    {
        var network = NetworkReader.ReadFolder(TestPaths.Data);
        var demand = DemandReader.Read(Path.Combine(TestPaths.Data, "demand", "eurasia-2024.csv"), network);
        return FreightAssignment.Build(network, demand, new FreightAssignmentOptions { Year = 2024 });
    });

    private static AssignmentResult Solve(int threads)
        => TrafficAssignment.Solve(Model.Value.Problem, new AssignmentOptions { TargetRelativeGap = TargetGap, MaxIterations = 500, Threads = threads });

    [Fact]
    public void FreightFlowsAreIdenticalOnOneTwoAndFourThreads()
    {
        var reference = Solve(1);
        Assert.Equal(StopReason.GapReached, reference.StopReason);
        Assert.True(reference.Converged);
        Assert.True(reference.RelativeGap <= TargetGap);
        Assert.Contains(reference.LinkFlow, f => f > 0);
        foreach (var threads in new[] { 1, 2, 4 })
        {
            for (var run = 0; run < 20; run++)
            {
                var result = Solve(threads);
                Assert.Equal(StopReason.GapReached, result.StopReason);
                Assert.Equal(reference.Iterations, result.Iterations);
                Assert.Equal(BitConverter.DoubleToInt64Bits(reference.Objective), BitConverter.DoubleToInt64Bits(result.Objective));
                Assert.Equal(BitConverter.DoubleToInt64Bits(reference.RelativeGap), BitConverter.DoubleToInt64Bits(result.RelativeGap));
                for (var c = 0; c < reference.ClassLinkFlow.Length; c++)
                {
                    for (var a = 0; a < reference.LinkFlow.Length; a++)
                    {
                        if (BitConverter.DoubleToInt64Bits(reference.ClassLinkFlow[c][a]) != BitConverter.DoubleToInt64Bits(result.ClassLinkFlow[c][a]))
                        {
                            Assert.Fail($"threads {threads}, run {run}: class {c} link {a}: {result.ClassLinkFlow[c][a]:R} vs {reference.ClassLinkFlow[c][a]:R} on one thread");
                        }
                    }
                }
                Assert.Equal(reference.LinkFlow, result.LinkFlow);
            }
        }
    }

    [Theory]
    [InlineData(AssignmentAlgorithm.AlgorithmB, 1e-10)]
    [InlineData(AssignmentAlgorithm.BiconjugateFrankWolfe, 1e-5)]
    [InlineData(AssignmentAlgorithm.AllOrNothing, 1)]
    public void TntpFlowsAreIdenticalOnOneAndTwoThreads(AssignmentAlgorithm algorithm, double gap)
    {
        var data = Caravan.Data.Tntp.TntpFolder.Load(Path.Combine(TestPaths.Shared, "tntp", "Anaheim"));
        var options = new AssignmentOptions { Algorithm = algorithm, TargetRelativeGap = gap };
        var one = TrafficAssignment.Solve(data.Problem, options with { Threads = 1 });
        var two = TrafficAssignment.Solve(data.Problem, options with { Threads = 2 });
        Assert.True(one.Converged);
        Assert.Equal(one.Iterations, two.Iterations);
        Assert.Equal(one.LinkFlow, two.LinkFlow);
    }

    [Fact]
    public void ARunStoppedAtItsLimitSaysItDidNotConverge()
    {
        var result = TrafficAssignment.Solve(Model.Value.Problem, new AssignmentOptions { TargetRelativeGap = 1e-12, MaxIterations = 2, Threads = 2 });
        Assert.Equal(StopReason.MaxIterations, result.StopReason);
        Assert.False(result.Converged);
        Assert.True(result.RelativeGap > 1e-12);
    }
}
