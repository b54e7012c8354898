using Caravan.Routing;
using Xunit;

namespace Caravan.Tests.Routing;

/// <summary>The 4-ary-heap search against a plain O(V²) Dijkstra on random graphs.</summary>
public class ShortestPathPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void MatchesTextbookDijkstraOnRandomNetworks(int seed)
    {
        var (network, graph, profile, random) = RandomGraphs.Routing(seed, places: 60, links: 180);
        var search = new ShortestPathSearch(graph);
        foreach (var (from, to) in RandomGraphs.Pairs(random, network.Places.Count, 30))
        {
            var path = search.Run(from, to, profile.Hours, profile.Allowed, null, out var cost);
            var expected = RandomGraphs.Textbook(graph, profile, from, to);
            if (double.IsPositiveInfinity(expected))
            {
                Assert.Null(path);
            }
            else
            {
                Assert.NotNull(path);
                Assert.Equal(expected, cost, 9);
                Assert.Equal(expected, path!.Sum(e => profile.Hours[e]), 9);
            }
        }
    }
}
