using Caravan.Routing.Hierarchy;
using Xunit;

namespace Caravan.Tests.Routing;

/// <summary>The compact Dijkstra and the contraction hierarchy's PHAST against a textbook O(V²) Dijkstra.</summary>
public class ContractionHierarchyTests
{
    [Theory]
    [InlineData(1, 40, 120)]
    [InlineData(2, 80, 200)]
    [InlineData(3, 120, 500)]
    [InlineData(4, 60, 60)]
    [InlineData(5, 200, 900)]
    public void PhastAndDijkstraMatchTextbookDistances(int seed, int vertices, int arcs)
    {
        var graph = RandomGraphs.Compact(seed, vertices, arcs);
        var hierarchy = ContractionHierarchy.Build(graph, witnessSettleLimit: seed % 2 == 0 ? 3 : 500);
        var phast = new PhastSearch(hierarchy);
        var dijkstra = new OneToAllDijkstra(graph);
        for (var source = 0; source < vertices; source++)
        {
            var expected = RandomGraphs.Textbook(graph, source);
            phast.Run(source);
            dijkstra.Run(source);
            for (var v = 0; v < vertices; v++)
            {
                var want = expected[v];
                Assert.Equal(want ?? PhastSearch.Unreachable, phast.Distance(v));
                Assert.Equal(want ?? OneToAllDijkstra.Unreachable, dijkstra.Distance(v));
            }
        }
    }

    [Fact]
    public void ManyToManyByRowsAndByBucketsAreOneToAllDistances()
    {
        var graph = RandomGraphs.Compact(7, 150, 600);
        var phast = new PhastSearch(ContractionHierarchy.Build(graph));
        int[] sources = [3, 17, 99, 149];
        int[] targets = [0, 5, 17, 42, 120];
        var matrix = phast.ManyToMany(sources, targets);
        var buckets = new BucketManyToMany(ContractionHierarchy.Build(graph, witnessSettleLimit: 5)).Run(sources, targets);
        Assert.Equal(matrix, buckets);
        for (var i = 0; i < sources.Length; i++)
        {
            var expected = RandomGraphs.Textbook(graph, sources[i]);
            for (var j = 0; j < targets.Length; j++)
            {
                Assert.Equal(expected[targets[j]] ?? PhastSearch.Unreachable, matrix[(i * targets.Length) + j]);
            }
        }
    }

    [Fact]
    public void HierarchyOnAGridAddsShortcutsAndKeepsDistances()
    {
        // A grid forces shortcuts (every vertex has four neighbours with several paths between them).
        const int side = 12;
        var tails = new List<int>();
        var heads = new List<int>();
        var weights = new List<uint>();
        var random = new Random(11);
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                var v = (y * side) + x;
                foreach (var h in new[] { x + 1 < side ? v + 1 : -1, y + 1 < side ? v + side : -1 })
                {
                    if (h < 0)
                    {
                        continue;
                    }
                    tails.Add(v);
                    heads.Add(h);
                    weights.Add((uint)random.Next(1, 20));
                    tails.Add(h);
                    heads.Add(v);
                    weights.Add((uint)random.Next(1, 20));
                }
            }
        }
        var graph = CompactGraph.FromArcs(side * side, tails.Count, [.. tails], [.. heads], [.. weights]);
        var hierarchy = ContractionHierarchy.Build(graph);
        Assert.True(hierarchy.ShortcutCount > 0);
        var phast = new PhastSearch(hierarchy);
        foreach (var source in new[] { 0, 77, side * side - 1 })
        {
            phast.Run(source);
            var expected = RandomGraphs.Textbook(graph, source);
            for (var v = 0; v < side * side; v++)
            {
                Assert.Equal(expected[v], phast.Distance(v));
            }
        }
    }

    [Fact]
    public void ArcsOutsideTheVerticesAreRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CompactGraph.FromArcs(2, 1, [0], [2], [1]));
        Assert.Contains("outside the 2 vertices", error.Message);
    }
}
