using Caravan.Model;
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
        var network = RandomNetworks.Create(seed, places: 60, links: 180);
        var graph = new RoutingGraph(network);
        var profile = new QueryProfile(graph, Commodity.Container, new RouteConstraints());
        var search = new ShortestPathSearch(graph);
        var random = new Random(seed);
        for (var q = 0; q < 30; q++)
        {
            var from = random.Next(network.Places.Count);
            var to = random.Next(network.Places.Count);
            if (from == to)
            {
                continue;
            }
            var path = search.Run(from, to, profile.Hours, profile.Allowed, null, out var cost);
            var expected = Reference(graph, profile, from, to);
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

    private static double Reference(RoutingGraph g, QueryProfile p, int fromPlace, int toPlace)
    {
        var dist = Enumerable.Repeat(double.PositiveInfinity, g.VertexCount).ToArray();
        var done = new bool[g.VertexCount];
        for (var v = 0; v < g.VertexCount; v++)
        {
            if (g.VertexPlace[v] == fromPlace && !g.IsArrival[v])
            {
                dist[v] = 0;
            }
        }
        while (true)
        {
            var u = -1;
            for (var v = 0; v < g.VertexCount; v++)
            {
                if (!done[v] && (u < 0 || dist[v] < dist[u]))
                {
                    u = v;
                }
            }
            if (u < 0 || double.IsPositiveInfinity(dist[u]))
            {
                break;
            }
            if (g.VertexPlace[u] == toPlace && g.IsArrival[u])
            {
                return dist[u];
            }
            done[u] = true;
            for (var e = 0; e < g.EdgeCount; e++)
            {
                if (g.Tail[e] == u && p.Allowed[e])
                {
                    dist[g.Head[e]] = Math.Min(dist[g.Head[e]], dist[u] + p.Hours[e]);
                }
            }
        }
        return double.PositiveInfinity;
    }
}
