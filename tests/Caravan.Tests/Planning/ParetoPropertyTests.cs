using Caravan.Routing;
using Xunit;

namespace Caravan.Tests.Planning;

/// <summary>The Pareto search on random networks: every single-criterion optimum is in the set, and nothing in it is dominated.</summary>
public class ParetoPropertyTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void ContainsEachCriterionOptimumAndNoDominatedLabel(int seed)
    {
        var (_, graph, profile, random) = RandomGraphs.Routing(seed, places: 40, links: 110);
        var pareto = new ParetoSearch(graph);
        var dijkstra = new ShortestPathSearch(graph);
        foreach (var (from, to) in RandomGraphs.Pairs(random, 40, 10))
        {
            var result = pareto.Run(from, to, profile, null, new ParetoLimits());
            Assert.Null(result.LimitExceeded);
            var time = dijkstra.Run(from, to, profile.Hours, profile.Allowed, null, out var bestHours);
            if (time is null)
            {
                Assert.Empty(result.Labels);
                continue;
            }
            Assert.Equal(bestHours, result.Labels.Min(l => l.Hours), 6);
            dijkstra.Run(from, to, profile.CostUsd, profile.Allowed, null, out var bestCost);
            Assert.Equal(bestCost, result.Labels.Min(l => l.CostUsd), 6);
            foreach (var a in result.Labels)
            {
                foreach (var b in result.Labels)
                {
                    if (a != b)
                    {
                        Assert.False(a.Dominates(b, 0) && !b.Dominates(a, 0), "a label in the set is dominated");
                    }
                }
            }
            // Each path's summed criteria equal its label.
            for (var i = 0; i < result.Paths.Count; i++)
            {
                Assert.Equal(result.Labels[i].Hours, result.Paths[i].Sum(e => profile.Hours[e]), 6);
                Assert.Equal(result.Labels[i].CostUsd, result.Paths[i].Sum(e => profile.CostUsd[e]), 6);
            }
        }
    }
}
