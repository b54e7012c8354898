using Caravan.Collections;

namespace Caravan.Routing;

/// <summary>
/// The best path that uses at least one link of a given corridor: Dijkstra on two layers (corridor not yet used /
/// used), so "what would the Middle Corridor have cost?" has an exact answer.
/// </summary>
public sealed class CorridorForcedSearch
{
    private readonly RoutingGraph _graph;
    private readonly IndexedMinHeap _heap;
    private readonly double[] _distance;
    private readonly int[] _parent;
    private readonly int[] _parentState;

    // Per corridor, computed once per search object: which edges run on it, and which the strict search may use
    // (its own links and the shared ones: domestic, europe, unlabelled).
    private readonly Dictionary<string, (bool[] InCorridor, bool[] StrictOk)> _corridorEdges = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool[] _strictAllowed;

    /// <summary>Creates a search object for a graph.</summary>
    public CorridorForcedSearch(RoutingGraph graph)
    {
        _graph = graph;
        _strictAllowed = new bool[graph.EdgeCount];
        var states = graph.VertexCount * 2 * ModeSequence.Phases;
        _heap = new IndexedMinHeap(states);
        _distance = new double[states];
        _parent = new int[states];
        _parentState = new int[states];
    }

    /// <summary>
    /// The best path through the corridor, or null. Strict first: besides the corridor's own links only shared
    /// ones (domestic, europe, unlabelled) may be used, so "the Middle Corridor" really crosses the Caspian; if that
    /// finds nothing, any path that touches the corridor at least once.
    /// </summary>
    public int[]? Run(int fromPlace, int toPlace, string corridor, double[] weight, bool[] allowed, ModeSequence? sequence = null) =>
        Run(fromPlace, toPlace, corridor, weight, allowed, strict: true, sequence ?? ModeSequence.Unrestricted)
        ?? Run(fromPlace, toPlace, corridor, weight, allowed, strict: false, sequence ?? ModeSequence.Unrestricted);

    private int[]? Run(int fromPlace, int toPlace, string corridor, double[] weight, bool[] allowedIn, bool strict, ModeSequence sequence)
    {
        var g = _graph;
        var n = g.VertexCount;
        var (inCorridor, strictOk) = EdgesOf(corridor);
        var allowed = strict ? _strictAllowed : allowedIn;
        if (strict)
        {
            for (var e = 0; e < g.EdgeCount; e++)
            {
                allowed[e] = allowedIn[e] && strictOk[e];
            }
        }
        Array.Fill(_distance, double.PositiveInfinity);
        Array.Fill(_parent, -1);
        foreach (var v in g.Origins(fromPlace))
        {
            _distance[v] = 0;
            _heap.InsertOrDecrease(v, 0);
        }
        var best = -1;
        while (_heap.Count > 0)
        {
            // A state is ((phase × 2) + layer) × n + vertex; layer 1 once the corridor is used.
            var s = _heap.PopMin(out var d);
            var v = s % n;
            var layer = (s / n) % 2;
            var phase = s / n / 2;
            if (layer == 1 && g.IsDestination(v, toPlace) && sequence.Accepts(phase))
            {
                best = s;
                break;
            }
            for (var e = g.FirstOut[v]; e < g.FirstOut[v + 1]; e++)
            {
                if (!allowed[e])
                {
                    continue;
                }
                var nextPhase = sequence.Next(phase, e);
                if (nextPhase < 0)
                {
                    continue;
                }
                var next = (((nextPhase * 2) + (layer == 1 || inCorridor[e] ? 1 : 0)) * n) + g.Head[e];
                var nd = d + weight[e];
                if (nd < _distance[next])
                {
                    _distance[next] = nd;
                    _parent[next] = e;
                    _parentState[next] = s;
                    _heap.InsertOrDecrease(next, nd);
                }
            }
        }
        _heap.Clear();
        if (best < 0)
        {
            return null;
        }
        var path = new List<int>();
        for (var state = best; _parent[state] >= 0; state = _parentState[state])
        {
            path.Add(_parent[state]);
        }
        path.Reverse();
        return [.. path];
    }

    private (bool[] InCorridor, bool[] StrictOk) EdgesOf(string corridor)
    {
        if (_corridorEdges.TryGetValue(corridor, out var known))
        {
            return known;
        }
        var g = _graph;
        var inCorridor = new bool[g.EdgeCount];
        var strictOk = new bool[g.EdgeCount];
        for (var e = 0; e < g.EdgeCount; e++)
        {
            var label = g.IsLinkEdge(e) ? g.Network.Links[g.Ref[e]].Corridor : "";
            inCorridor[e] = g.IsLinkEdge(e) && string.Equals(label, corridor, StringComparison.OrdinalIgnoreCase);
            strictOk[e] = inCorridor[e] || label.Length == 0 || label is "domestic" or "europe";
        }
        return _corridorEdges[corridor] = (inCorridor, strictOk);
    }
}
