using Caravan.Assignment;
using Caravan.Model;
using Caravan.Routing;
using Caravan.Routing.Hierarchy;
using Xunit;

namespace Caravan.Tests.Collections;

/// <summary>
/// The three users of the one Dijkstra loop (<see cref="Caravan.Collections.Dijkstra"/>) — the routing search on its
/// product state space, the assignment shortest-path tree, the one-to-all search of compact graphs — against one plain
/// O(V²) textbook Dijkstra over an explicit list of state arcs, on random small graphs.
/// </summary>
public class DijkstraLoopTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void CompactOneToAllMatchesTheTextbook(int seed)
    {
        const int n = 40;
        var arcs = RandomGraphs.Arcs(new Random(seed), n, 160);
        var (m, tail, head, weight) = (arcs.Tail.Length, arcs.Tail, arcs.Head, arcs.Weight);
        var graph = arcs.Compact();
        var search = new OneToAllDijkstra(graph);
        for (var source = 0; source < n; source += 7)
        {
            search.Run(source);
            var expected = RandomGraphs.Textbook(n, [source], u => Enumerable.Range(0, m).Where(a => tail[a] == u).Select(a => (head[a], (double)weight[a])));
            for (var v = 0; v < n; v++)
            {
                var d = search.Distance(v);
                Assert.Equal(expected[v], d == OneToAllDijkstra.Unreachable ? double.PositiveInfinity : d);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void AssignmentTreeMatchesTheTextbookWithClassMasksAndBlockedZones(int seed)
    {
        var random = new Random(seed);
        const int n = 30;
        const int m = 120;
        var arcs = RandomGraphs.Arcs(random, n, m);
        var (tail, head) = (arcs.Tail, arcs.Head);
        var masks = Enumerable.Range(0, m).Select(_ => (ulong)random.Next(1, 4)).ToArray(); // class 0, class 1 or both
        var cost = Enumerable.Range(0, m).Select(_ => random.NextDouble() * 10).ToArray();
        var blocks = Enumerable.Range(0, n).Select(_ => random.Next(5) == 0).ToArray();
        var ones = Enumerable.Repeat(1.0, m).ToArray();
        var costs = new LinkCostModel(ones, ones, new double[m], ones, new double[m], new VolumeDelayKind[m]);
        var network = new AssignmentNetwork(n, tail, head, costs, [0, 1, 2], blocks, masks);
        var tree = new ShortestPathTree(network);
        for (var classIndex = 0; classIndex < 2; classIndex++)
        {
            for (var source = 0; source < n; source += 3)
            {
                tree.Run(source, cost, classIndex);
                var expected = RandomGraphs.Textbook(n, [source], u => blocks[u] && u != source
                    ? []
                    : Enumerable.Range(0, m).Where(a => tail[a] == u && (masks[a] & (1UL << classIndex)) != 0).Select(a => (head[a], cost[a])));
                Assert.Equal(expected.Count(d => !double.IsPositiveInfinity(d)), tree.SettledCount);
                for (var v = 0; v < n; v++)
                {
                    Assert.Equal(expected[v], tree.Distance[v], 9);
                    var link = tree.PredecessorLink[v];
                    if (link >= 0)
                    {
                        // The recorded tree is a shortest-path tree: each node's link comes from its tail's distance.
                        Assert.Equal(tree.Distance[v], tree.Distance[tail[link]] + cost[link], 9);
                        Assert.NotEqual(0UL, masks[link] & (1UL << classIndex));
                    }
                }
                for (var i = 1; i < tree.SettledCount; i++)
                {
                    Assert.True(tree.Distance[tree.SettleOrder[i - 1]] <= tree.Distance[tree.SettleOrder[i]]);
                }
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RoutingSearchMatchesTheTextbookOnTransferLayersAndMustUseLayers(int seed)
    {
        var (network, graph, profile, random) = RandomGraphs.Routing(seed, places: 25, links: 70);
        var search = new ShortestPathSearch(graph);
        var mustUse = Enumerable.Range(0, graph.EdgeCount).Select(_ => random.Next(6) == 0).ToArray();
        var n = graph.VertexCount;
        // States of the reference: layer × vertices + vertex, as the search numbers them.
        IEnumerable<(int, double)> Arcs(int state, int layers, bool corridor, bool countTransfers = true)
        {
            var v = state % n;
            var layer = state / n;
            for (var e = graph.FirstOut[v]; e < graph.FirstOut[v + 1]; e++)
            {
                if (!profile.Allowed[e])
                {
                    continue;
                }
                var next = corridor ? (mustUse[e] ? 1 : layer) : layer + (countTransfers && graph.Kind[e] == EdgeKind.Transfer ? 1 : 0);
                if (next < layers)
                {
                    yield return ((next * n) + graph.Head[e], profile.Hours[e]);
                }
            }
        }
        var all = search.DistancesFrom(0, profile.Hours, profile.Allowed);
        var plain = RandomGraphs.Textbook(n, graph.Origins(0), s => Arcs(s, 1, false, countTransfers: false));
        Assert.Equal(plain, all);
        foreach (var (from, to) in RandomGraphs.Pairs(random, network.Places.Count, 25))
        {
            var maxTransfers = random.Next(3);
            Check(search.Run(from, to, profile.Hours, profile.Allowed, maxTransfers, out var cost), cost,
                RandomGraphs.Textbook(n * (maxTransfers + 1), graph.Origins(from), s => Arcs(s, maxTransfers + 1, false)), to, Enumerable.Range(0, maxTransfers + 1));
            Check(search.Run(from, to, profile.Hours, profile.Allowed, null, out cost, mustUse: mustUse), cost,
                RandomGraphs.Textbook(n * 2, graph.Origins(from), s => Arcs(s, 2, true)), to, [1]);
        }

        void Check(int[]? path, double cost, double[] reference, int to, IEnumerable<int> endLayers)
        {
            var expected = endLayers.SelectMany(l => Enumerable.Range(0, n).Where(v => graph.IsDestination(v, to)).Select(v => reference[(l * n) + v])).DefaultIfEmpty(double.PositiveInfinity).Min();
            if (double.IsPositiveInfinity(expected))
            {
                Assert.Null(path);
                return;
            }
            Assert.NotNull(path);
            Assert.Equal(expected, cost, 9);
            Assert.Equal(expected, path!.Sum(e => profile.Hours[e]), 9);
        }
    }
}
