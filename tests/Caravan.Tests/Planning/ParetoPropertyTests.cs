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

    /// <summary>
    /// The whole Pareto set, not only its corners: on small random networks the search's criteria are exactly the
    /// non-dominated ones of every path that enumeration finds (each vertex × phase at most once on a path; a path
    /// that repeats one is never better than the same path without the loop). This holds the look-ahead pruning and
    /// the A* order (<see cref="RemainingBounds"/>) to the exhaustive answer.
    /// </summary>
    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    [InlineData(24)]
    public void TheSetIsExactlyThatOfEveryPath(int seed)
    {
        var (_, graph, profile, random) = RandomGraphs.Routing(seed, places: 9, links: 16);
        var pareto = new ParetoSearch(graph);
        var compared = 0;
        foreach (var (from, to) in RandomGraphs.Pairs(random, 9, 12))
        {
            var result = pareto.Run(from, to, profile, null, new ParetoLimits());
            Assert.Null(result.LimitExceeded);
            var expected = NonDominated(EveryPath(graph, profile, from, to));
            var found = NonDominated(result.Labels.Select(l => new[] { l.Hours, l.CostUsd, l.Co2eKg, l.VarianceHours2 }).ToList());
            Assert.Equal(expected.Count, found.Count);
            foreach (var e in expected)
            {
                Assert.Contains(found, f => f.Zip(e).All(p => Math.Abs(p.First - p.Second) <= 1e-6 * (1 + Math.Abs(p.Second))));
            }
            compared += expected.Count;
        }
        Assert.True(compared > 0, "no pair had a path");
    }

    private static List<double[]> EveryPath(RoutingGraph graph, QueryProfile profile, int from, int to)
    {
        var found = new List<double[]>();
        var onPath = new HashSet<(int, int)>();
        void Walk(int v, int phase, double[] sums)
        {
            if (graph.IsDestination(v, to) && profile.Sequence.Accepts(phase))
            {
                found.Add(sums);
                return; // the search stops at an accepted arrival too
            }
            for (var e = graph.FirstOut[v]; e < graph.FirstOut[v + 1]; e++)
            {
                var next = profile.Allowed[e] ? profile.Sequence.Next(phase, e) : -1;
                if (next < 0 || !onPath.Add((graph.Head[e], next)))
                {
                    continue;
                }
                Walk(graph.Head[e], next, [sums[0] + profile.Hours[e], sums[1] + profile.CostUsd[e], sums[2] + profile.Co2eKg[e], sums[3] + profile.VarianceHours2[e]]);
                onPath.Remove((graph.Head[e], next));
            }
        }
        foreach (var origin in graph.Origins(from))
        {
            onPath.Add((origin, 0));
            Walk(origin, 0, [0, 0, 0, 0]);
            onPath.Remove((origin, 0));
        }
        return found;
    }

    /// <summary>The distinct non-dominated criteria vectors, by the search's own dominance (slack 1e-9).</summary>
    private static List<double[]> NonDominated(List<double[]> all)
    {
        static bool Dominates(double[] a, double[] b) => a.Zip(b).All(p => p.First <= p.Second + 1e-9);
        var kept = new List<double[]>();
        foreach (var a in all)
        {
            if (all.Any(b => Dominates(b, a) && !Dominates(a, b)) || kept.Any(k => Dominates(k, a) && Dominates(a, k)))
            {
                continue;
            }
            kept.Add(a);
        }
        return kept;
    }
}
