using Caravan.Assignment;
using Xunit;

namespace Caravan.Tests.Assignment;

/// <summary>
/// Algorithm B's lanes: the threads that update and shift bushes side by side stop together when the run is
/// cancelled in the middle, and the crew's steps close only when every thread has arrived.
/// </summary>
public class AlgorithmBLanesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void CancellingInTheMiddleOfARunStopsEveryLane(int threads)
    {
        var data = Caravan.Data.Tntp.TntpFolder.Load(Path.Combine(TestPaths.Shared, "tntp", "Anaheim"));
        using var cancel = new CancellationTokenSource();
        var iterations = 0;
        var options = new AssignmentOptions { Algorithm = AssignmentAlgorithm.AlgorithmB, TargetRelativeGap = 1e-14, MaxIterations = 1000, Threads = threads };
        Assert.ThrowsAny<OperationCanceledException>(() => TrafficAssignment.Solve(data.Problem, options, report =>
        {
            iterations = report.Iteration;
            if (report.Iteration == 2)
            {
                cancel.Cancel();
            }
        }, cancel.Token));
        Assert.Equal(2, iterations);
        // The same problem solves again afterwards on as many threads: nothing was left waiting.
        var again = TrafficAssignment.Solve(data.Problem, options with { TargetRelativeGap = 1e-6 });
        Assert.True(again.Converged);
    }

    /// <summary>
    /// Two origins that are twins: each reaches a junction by its own free link and shares the two parallel links
    /// from there (1 + x and 2 + 0.5x, as <see cref="SmallNetworks.TwoLinks"/>), demand 5 each. The initial trees
    /// put all 10 on the first link. Both bushes then shift in the same group, each closing the whole difference
    /// by itself: together they would move everything to the second link and back, pass after pass, and never
    /// converge. Scaling the second lane's shift back by the objective's slope gives the equilibrium, 4 and 6.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void TwinBushesShiftedSideBySideDoNotOvershoot(int threads)
    {
        var problem = SmallNetworks.Linear(4, [0, 1, 2, 2], [2, 2, 3, 3], [1, 1, 1, 2], [0, 0, 1, 0.5], [0, 1, 3],
            [(0, 2, 5.0), (1, 2, 5.0)]);
        var result = TrafficAssignment.Solve(problem, new AssignmentOptions
        {
            Algorithm = AssignmentAlgorithm.AlgorithmB,
            TargetRelativeGap = 1e-12,
            MaxIterations = 200,
            Threads = threads,
        });
        Assert.Equal(StopReason.GapReached, result.StopReason);
        Assert.True(result.Iterations <= 5, $"{result.Iterations} iterations");
        Assert.Equal(4, result.LinkFlow[2], 9);
        Assert.Equal(6, result.LinkFlow[3], 9);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void AStepClosesOnceEveryThreadHasArrivedAndItsActionIsSeenByAll(int threads)
    {
        const int steps = 2000;
        var arrived = new int[threads];
        var closed = 0;
        var wrongCloses = 0;
        var stale = 0;
        using var crew = new LaneCrew(threads, () =>
        {
            // Runs once per step, after every thread finished the step's work.
            closed++;
            for (var t = 0; t < threads; t++)
            {
                if (Volatile.Read(ref arrived[t]) != closed)
                {
                    wrongCloses++;
                }
            }
        });
        for (var run = 0; run < 3; run++)
        {
            closed = 0;
            Array.Clear(arrived);
            crew.Run((thread, count) =>
            {
                if (count != threads)
                {
                    Interlocked.Increment(ref stale); // No assertion on a crew thread: it would end the process.
                }
                for (var s = 0; s < steps; s++)
                {
                    Volatile.Write(ref arrived[thread], s + 1);
                    crew.Sync();
                    if (Volatile.Read(ref closed) != s + 1)
                    {
                        Interlocked.Increment(ref stale);
                    }
                }
            });
            Assert.Equal(steps, closed);
        }
        Assert.Equal(0, wrongCloses);
        Assert.Equal(0, stale);
    }
}
