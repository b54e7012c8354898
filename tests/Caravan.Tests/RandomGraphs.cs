using Caravan.Model;
using Caravan.Routing;
using Caravan.Routing.Hierarchy;

namespace Caravan.Tests;

/// <summary>Random but valid networks for property tests.</summary>
internal static class RandomNetworks
{
    public static Network Create(int seed, int places, int links)
    {
        var random = new Random(seed);
        var src = new[] { "T" };
        var placeList = new List<Place>();
        for (var i = 0; i < places; i++)
        {
            placeList.Add(new Place($"P{i}", $"Place {i}", random.Next(3) == 0 ? "KZ" : "CN", random.NextDouble() * 20, random.NextDouble() * 20, PlaceKind.City, [], src, ""));
        }
        var modes = new[] { Mode.Rail1435, Mode.Rail1520, Mode.Road };
        var linkList = new List<Link>();
        for (var i = 0; i < links; i++)
        {
            var a = random.Next(places);
            var b = random.Next(places);
            if (a == b)
            {
                continue;
            }
            var mode = modes[random.Next(modes.Length)];
            linkList.Add(new Link($"L{i}", a, b, mode, 10 + (random.NextDouble() * 500), null, null, null, null, null, "", null, LinkStatus.Operating, null, random.Next(4) != 0, "", null, src, ""));
        }
        var transfers = new List<Transfer>();
        for (var p = 0; p < places; p += 2)
        {
            // Valid data keeps the triangle inequality at a place (the validator's rule): no transfer takes longer
            // than two others chained, so no detour through a neighbour beats a direct transshipment.
            // With p90 = 2 × median the dwell variance grows with the median squared; capping the longest at the
            // root of the others' squares keeps the triangle in time and variance alike.
            var hours = new[] { 0.5 + (random.NextDouble() * 10), 0.5 + (random.NextDouble() * 10), 0.5 + (random.NextDouble() * 10) };
            Array.Sort(hours);
            hours[2] = Math.Min(hours[2], Math.Sqrt((hours[0] * hours[0]) + (hours[1] * hours[1])));
            var order = random.Next(3);
            Transfer T(Mode a, Mode b, string kind, double h) => new(p, a, b, kind, h, 2 * h, 100, 5, 1, null, "", src, "");
            transfers.Add(T(Mode.Rail1435, Mode.Rail1520, "gauge-change", hours[order]));
            transfers.Add(T(Mode.Rail1520, Mode.Road, "rail-road", hours[(order + 1) % 3]));
            transfers.Add(T(Mode.Rail1435, Mode.Road, "rail-road", hours[(order + 2) % 3]));
        }
        var parameters = Modes.All.Select(m => new ModeParameters(m, 40 + (int)m, 1, 1000, 1, 0.1, 0.02, src)).ToList();
        var commodities = new List<CommodityInfo>
        {
            new(Commodity.Container, "FEU", 10, new HashSet<Mode>(Modes.All), src),
        };
        return new Network(placeList, linkList, transfers, [], parameters, commodities, [new Source("T", "t", "", "", "", "")]);
    }
}

/// <summary>Random arcs over <see cref="Vertices"/> vertices, in input order (not sorted by tail).</summary>
/// <param name="Vertices">Vertex count.</param>
/// <param name="Tail">Tail of each arc.</param>
/// <param name="Head">Head of each arc.</param>
/// <param name="Weight">Weight of each arc.</param>
internal sealed record RandomArcs(int Vertices, int[] Tail, int[] Head, uint[] Weight)
{
    /// <summary>The arcs as a compact CSR graph.</summary>
    public CompactGraph Compact() => CompactGraph.FromArcs(Vertices, Tail.Length, Tail, Head, Weight);
}

/// <summary>A random network compiled for routing, with the container profile and the random source of its queries.</summary>
/// <param name="Network">The network.</param>
/// <param name="Graph">Its routing graph.</param>
/// <param name="Profile">The container profile without constraints.</param>
/// <param name="Random">The queries' random source (seeded as the network).</param>
internal sealed record RoutingCase(Network Network, RoutingGraph Graph, QueryProfile Profile, Random Random);

/// <summary>
/// The random graphs and the one textbook Dijkstra of the shortest-path property tests (routing search, Pareto
/// search, assignment tree, compact one-to-all, contraction hierarchy), so every search is held to the same reference.
/// </summary>
internal static class RandomGraphs
{
    /// <summary>Random arcs: loops, parallel arcs and zero weights included on purpose.</summary>
    public static RandomArcs Arcs(Random random, int vertices, int arcs, int maxWeight = 50)
    {
        var tail = new int[arcs];
        var head = new int[arcs];
        var weight = new uint[arcs];
        for (var a = 0; a < arcs; a++)
        {
            tail[a] = random.Next(vertices);
            head[a] = random.Next(vertices);
            weight[a] = (uint)random.Next(0, maxWeight);
        }
        return new RandomArcs(vertices, tail, head, weight);
    }

    /// <summary>A random compact graph of a seed.</summary>
    public static CompactGraph Compact(int seed, int vertices, int arcs) => Arcs(new Random(seed), vertices, arcs).Compact();

    /// <summary>A random valid network of a seed (<see cref="RandomNetworks.Create"/>), compiled, with its container profile.</summary>
    public static RoutingCase Routing(int seed, int places, int links)
    {
        var network = RandomNetworks.Create(seed, places, links);
        var graph = new RoutingGraph(network);
        return new RoutingCase(network, graph, new QueryProfile(graph, Commodity.Container, new RouteConstraints()), new Random(seed));
    }

    /// <summary>
    /// Random origin–destination pairs of places: <paramref name="attempts"/> draws, those with the same place at
    /// both ends left out. Lazy, so draws made between two pairs stay in sequence with them.
    /// </summary>
    public static IEnumerable<(int From, int To)> Pairs(Random random, int places, int attempts)
    {
        for (var q = 0; q < attempts; q++)
        {
            var from = random.Next(places);
            var to = random.Next(places);
            if (from != to)
            {
                yield return (from, to);
            }
        }
    }

    /// <summary>Textbook O(V²) Dijkstra: scan for the nearest unsettled state, relax its arcs; +∞ where unreached.</summary>
    public static double[] Textbook(int states, IEnumerable<int> sources, Func<int, IEnumerable<(int Head, double Length)>> arcs)
    {
        var dist = Enumerable.Repeat(double.PositiveInfinity, states).ToArray();
        var done = new bool[states];
        foreach (var s in sources)
        {
            dist[s] = 0;
        }
        while (true)
        {
            var u = -1;
            for (var v = 0; v < states; v++)
            {
                if (!done[v] && !double.IsPositiveInfinity(dist[v]) && (u < 0 || dist[v] < dist[u]))
                {
                    u = v;
                }
            }
            if (u < 0)
            {
                return dist;
            }
            done[u] = true;
            foreach (var (head, length) in arcs(u))
            {
                dist[head] = Math.Min(dist[head], dist[u] + length);
            }
        }
    }

    /// <summary>The textbook distances of a compact graph from one source (null where unreached).</summary>
    public static ulong?[] Textbook(CompactGraph graph, int source)
    {
        ArgumentNullException.ThrowIfNull(graph);
        // Integer weights below 2^53 in total: the double sums are exact.
        var dist = Textbook(graph.VertexCount, [source], u => Enumerable.Range(graph.FirstOut[u], graph.FirstOut[u + 1] - graph.FirstOut[u]).Select(a => (graph.Head[a], (double)graph.Weight[a])));
        return [.. dist.Select(d => double.IsPositiveInfinity(d) ? (ulong?)null : (ulong)d)];
    }

    /// <summary>The textbook shortest time between two places of a routing graph under a profile (+∞ when none).</summary>
    public static double Textbook(RoutingGraph graph, QueryProfile profile, int fromPlace, int toPlace)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(profile);
        var dist = Textbook(graph.VertexCount, graph.Origins(fromPlace), u => Enumerable.Range(graph.FirstOut[u], graph.FirstOut[u + 1] - graph.FirstOut[u]).Where(e => profile.Allowed[e]).Select(e => (graph.Head[e], profile.Hours[e])));
        return Enumerable.Range(0, graph.VertexCount).Where(v => graph.IsDestination(v, toPlace)).Select(v => dist[v]).DefaultIfEmpty(double.PositiveInfinity).Min();
    }
}
