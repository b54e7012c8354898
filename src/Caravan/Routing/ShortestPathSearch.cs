using Caravan.Collections;

namespace Caravan.Routing;

/// <summary>
/// Dijkstra over the routing graph from all vertices of an origin place to any vertex of a destination place, on
/// per-edge weights and an edge filter. With a transfer limit the search runs on layers (vertex × transfers used),
/// so the limit is exact rather than a heuristic; with a commodity's <see cref="ModeSequence"/> it runs on its phases
/// too. One instance per thread; it reuses its arrays between queries.
/// </summary>
public sealed class ShortestPathSearch
{
    private readonly RoutingGraph _graph;
    private double[] _distance = [];
    private int[] _parentEdge = [];
    private int[] _parentState = [];
    private int[] _stamp = [];
    private int _currentStamp;
    private readonly IndexedMinHeap _heap;

    /// <summary>Creates a search object for a graph.</summary>
    public ShortestPathSearch(RoutingGraph graph)
    {
        _graph = graph;
        _heap = new IndexedMinHeap(graph.VertexCount);
    }

    /// <summary>Number of vertices settled by the last search (for benchmarks and explanations).</summary>
    public int Settled { get; private set; }

    /// <summary>
    /// Finds the cheapest path; returns the edges from origin to destination, or null when none exists.
    /// </summary>
    /// <param name="fromPlace">Origin place.</param>
    /// <param name="toPlace">Destination place (-1 to search the whole graph, for one-to-all).</param>
    /// <param name="weight">Edge weights (non-negative).</param>
    /// <param name="allowed">Edge filter.</param>
    /// <param name="maxTransfers">Transfer limit, or null.</param>
    /// <param name="cost">The path's total weight.</param>
    /// <param name="sequence">The commodity's mode-order rule (<see cref="QueryProfile.Sequence"/>), or null for none.</param>
    /// <param name="mustUse">
    /// Edges of which the path must use at least one (a corridor), or null. The search then runs on two layers
    /// (not yet used / used) instead of transfer layers, so the answer is exact; it cannot be combined with a
    /// transfer limit.
    /// </param>
    /// <param name="fromLocality">Start at every place of the origin's locality (<see cref="RouteRequest.FromLocality"/>).</param>
    /// <param name="toLocality">End at any place of the destination's locality (<see cref="RouteRequest.ToLocality"/>).</param>
    public int[]? Run(int fromPlace, int toPlace, double[] weight, bool[] allowed, int? maxTransfers, out double cost, ModeSequence? sequence = null, bool[]? mustUse = null, bool fromLocality = false, bool toLocality = false)
    {
        if (mustUse is not null && maxTransfers is not null)
        {
            throw new ArgumentException("a must-use edge set and a transfer limit do not combine", nameof(mustUse));
        }
        var seq = sequence ?? ModeSequence.Unrestricted;
        var layers = mustUse is not null ? 2 : maxTransfers is { } k ? k + 1 : 1;
        var phases = seq.IsActive ? ModeSequence.Phases : 1;
        var states = _graph.VertexCount * layers * phases;
        Prepare(states);
        var g = _graph;
        var n = g.VertexCount;
        // A state is ((phase × layers) + layer) × n + vertex.
        foreach (var v in g.Origins(fromPlace, fromLocality))
        {
            Relax(v, 0, -1, -1);
        }
        Settled = 0;
        cost = double.PositiveInfinity;
        var best = -1;
        while (_heap.Count > 0)
        {
            var state = _heap.PopMin(out var d);
            Settled++;
            var v = state % n;
            var layer = (state / n) % layers;
            var phase = state / n / layers;
            if (toPlace >= 0 && g.IsDestination(v, toPlace, toLocality) && seq.Accepts(phase) && (mustUse is null || layer == 1))
            {
                best = state;
                cost = d;
                break;
            }
            var end = g.FirstOut[v + 1];
            for (var e = g.FirstOut[v]; e < end; e++)
            {
                if (!allowed[e])
                {
                    continue;
                }
                var nextLayer = layer;
                if (mustUse is not null)
                {
                    nextLayer = mustUse[e] ? 1 : layer;
                }
                else if (g.Kind[e] == EdgeKind.Transfer && layers > 1)
                {
                    nextLayer++;
                    if (nextLayer >= layers)
                    {
                        continue;
                    }
                }
                var nextPhase = seq.Next(phase, e);
                if (nextPhase < 0)
                {
                    continue;
                }
                Relax((((nextPhase * layers) + nextLayer) * n) + g.Head[e], d + weight[e], e, state);
            }
        }
        _heap.Clear();
        if (best < 0)
        {
            return null;
        }
        var path = new List<int>();
        var s = best;
        while (_parentEdge[s] >= 0)
        {
            var e = _parentEdge[s];
            path.Add(e);
            s = _parentState[s];
        }
        path.Reverse();
        return [.. path];
    }

    /// <summary>One-to-all: the distance from an origin place to every vertex (∞ where unreachable).</summary>
    public double[] DistancesFrom(int fromPlace, double[] weight, bool[] allowed)
    {
        Run(fromPlace, -1, weight, allowed, null, out _);
        var result = new double[_graph.VertexCount];
        for (var v = 0; v < result.Length; v++)
        {
            result[v] = _stamp[v] == _currentStamp ? _distance[v] : double.PositiveInfinity;
        }
        return result;
    }

    /// <summary>
    /// One-to-all with the shortest-path tree: per vertex the distance from the origin place (∞ where unreachable)
    /// and the edge that reaches it (-1 at the origin and where unreachable), for skims that read many paths at once.
    /// </summary>
    public void TreeFrom(int fromPlace, double[] weight, bool[] allowed, double[] distance, int[] parentEdge)
    {
        Run(fromPlace, -1, weight, allowed, null, out _);
        for (var v = 0; v < distance.Length; v++)
        {
            var reached = _stamp[v] == _currentStamp;
            distance[v] = reached ? _distance[v] : double.PositiveInfinity;
            parentEdge[v] = reached ? _parentEdge[v] : -1;
        }
    }

    private int _lastPhases = 1;
    private ModeSequence _lastSequence = ModeSequence.Unrestricted;

    /// <summary>
    /// One-to-all from an origin place under a commodity's mode sequence; read the paths with <see cref="PathTo"/>
    /// (the search keeps its state until the next run).
    /// </summary>
    public void RunFrom(int fromPlace, double[] weight, bool[] allowed, ModeSequence? sequence = null)
    {
        _lastSequence = sequence ?? ModeSequence.Unrestricted;
        _lastPhases = _lastSequence.IsActive ? ModeSequence.Phases : 1;
        Run(fromPlace, -1, weight, allowed, null, out _, _lastSequence);
    }

    /// <summary>The best path of the last <see cref="RunFrom"/> to a destination place, or null when none reaches it.</summary>
    public int[]? PathTo(int toPlace, out double cost)
    {
        var g = _graph;
        var n = g.VertexCount;
        var best = -1;
        cost = double.PositiveInfinity;
        for (var phase = 0; phase < _lastPhases; phase++)
        {
            if (!_lastSequence.Accepts(phase))
            {
                continue;
            }
            foreach (var m in Model.Modes.All)
            {
                var v = g.ArrivalOf(toPlace, m);
                var s = (phase * n) + v;
                if (v >= 0 && _stamp[s] == _currentStamp && _distance[s] < cost)
                {
                    cost = _distance[s];
                    best = s;
                }
            }
        }
        if (best < 0)
        {
            return null;
        }
        var path = new List<int>();
        for (var s = best; _parentEdge[s] >= 0; s = _parentState[s])
        {
            path.Add(_parentEdge[s]);
        }
        path.Reverse();
        return [.. path];
    }

    private void Prepare(int states)
    {
        if (_distance.Length < states)
        {
            _distance = new double[states];
            _parentEdge = new int[states];
            _parentState = new int[states];
            _stamp = new int[states];
            _currentStamp = 0;
            _heap.EnsureCapacity(states);
        }
        _currentStamp++;
        if (_currentStamp == int.MaxValue)
        {
            Array.Clear(_stamp);
            _currentStamp = 1;
        }
    }

    private void Relax(int state, double d, int edge, int parent)
    {
        if (_stamp[state] != _currentStamp)
        {
            _stamp[state] = _currentStamp;
            _distance[state] = d;
            _parentEdge[state] = edge;
            _parentState[state] = parent;
            _heap.InsertOrDecrease(state, d);
        }
        else if (d < _distance[state])
        {
            _distance[state] = d;
            _parentEdge[state] = edge;
            _parentState[state] = parent;
            _heap.InsertOrDecrease(state, d);
        }
    }
}
