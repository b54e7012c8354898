using Caravan.Appraisal;
using Caravan.Services;
using Xunit;

namespace Caravan.Tests.Appraisal;

/// <summary>Portfolios chosen by sampling and by greedy search.</summary>
public sealed class PortfolioStrategyTests
{
    [Fact]
    public void SamplingKeepsTheFixedPortfoliosAndDrawsDistinctOnes()
    {
        var a = SweepRunner.Sample(6, 10, 7);
        Assert.Equal(1 + 6 + 1 + 10, a.Count);
        Assert.Equal(a.Count, a.Distinct().Count());
        Assert.Equal(0UL, a[0]);
        Assert.Contains(63UL, a);
        Assert.All(Enumerable.Range(0, 6), i => Assert.Contains(1UL << i, a));
        Assert.Equal(a, SweepRunner.Sample(6, 10, 7));
        Assert.NotEqual(a, SweepRunner.Sample(6, 10, 8));
        // Asking for more than exist gives every subset once.
        Assert.Equal(8, SweepRunner.Sample(3, 100, 1).Count);
    }

    [Fact]
    public async Task GreedySearchAddsTheBestProjectWhileExpectedNpvRises()
    {
        var path = SweepSpecs.Small(1, "greedy");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"strategy\": \"all\"", "\"strategy\": \"greedy\"", StringComparison.Ordinal));
        var spec = SweepService.Load(path, TestPaths.Data);
        Assert.Equal(PortfolioStrategyKind.Greedy, spec.Strategy.Kind);
        var outcome = await SweepService.RunAsync(SweepService.Plan(spec, TestPaths.Data), new LocalRunExecutor(new RunEvaluator(), 2), null, null);
        var labels = outcome.Portfolios.Select(p => p.Label).ToHashSet();
        // Round one tries each project alone.
        Assert.Contains(SweepRunner.DoNothing, labels);
        Assert.Contains("cku", labels);
        Assert.Contains("khorgos", labels);
        var best = outcome.Portfolios[0];
        var doNothing = outcome.Portfolios.Single(p => p.Label == SweepRunner.DoNothing);
        var singles = outcome.Portfolios.Where(p => p.Projects.Count == 1).OrderByDescending(p => p.ExpectedNpvUsd).ToList();
        // Round two (both projects) is tried only when the best single project beats do-nothing.
        Assert.Equal(singles[0].ExpectedNpvUsd > doNothing.ExpectedNpvUsd, labels.Contains("cku+khorgos"));
        Assert.True(best.ExpectedNpvUsd >= doNothing.ExpectedNpvUsd);
    }
}
