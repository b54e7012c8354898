using System.Runtime.CompilerServices;
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
        var space = new Space(_graph, weight, allowed, layers, maxTransfers is not null, seq, mustUse, toPlace, toLocality);
        var labels = new Labels(_distance, _parentEdge, _parentState, _stamp, _currentStamp);
        foreach (var v in _graph.Origins(fromPlace, fromLocality))
        {
            Dijkstra.Seed(_heap, ref labels, v, 0.0);
        }
        Settled = Dijkstra.Run<double, Space, Labels>(_heap, ref space, ref labels, out var best);
        cost = best >= 0 ? _distance[best] : double.PositiveInfinity;
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

    /// <summary>
    /// The product state space: a state is ((phase × layers) + layer) × vertices + vertex, where the layer counts
    /// transfers used or, with a must-use edge set, whether it has been used, and the phase is the mode sequence's.
    /// </summary>
    private struct Space(RoutingGraph graph, double[] weight, bool[] allowed, int layers, bool countTransfers, ModeSequence sequence, bool[]? mustUse, int toPlace, bool toLocality) : IDijkstraSpace<double>
    {
        private readonly int[] _firstOut = graph.FirstOut;
        private readonly int[] _head = graph.Head;
        private readonly EdgeKind[] _kind = graph.Kind;
        private readonly int _n = graph.VertexCount;
        private int _layer;
        private int _phase;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public SettleStep Settle(int state, out int firstArc, out int endArc)
        {
            var v = state % _n;
            var layer = (state / _n) % layers;
            var phase = state / _n / layers;
            firstArc = _firstOut[v];
            endArc = _firstOut[v + 1];
            if (toPlace >= 0 && graph.IsDestination(v, toPlace, toLocality) && sequence.Accepts(phase) && (mustUse is null || layer == 1))
            {
                return SettleStep.Stop;
            }
            _layer = layer;
            _phase = phase;
            return SettleStep.Expand;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly bool TryArc(int arc, out int head, out double length, out int edge)
        {
            edge = arc;
            head = 0;
            length = 0;
            if (!allowed[arc])
            {
                return false;
            }
            var nextLayer = _layer;
            if (mustUse is not null)
            {
                nextLayer = mustUse[arc] ? 1 : _layer;
            }
            else if (countTransfers && _kind[arc] == EdgeKind.Transfer)
            {
                // A limit of 0 is one layer that no transfer may leave.
                nextLayer++;
                if (nextLayer >= layers)
                {
                    return false;
                }
            }
            var nextPhase = sequence.Next(_phase, arc);
            if (nextPhase < 0)
            {
                return false;
            }
            head = (((nextPhase * layers) + nextLayer) * _n) + _head[arc];
            length = weight[arc];
            return true;
        }
    }

    /// <summary>Stamped distances with the edge and state each was reached from.</summary>
    private readonly struct Labels(double[] distance, int[] parentEdge, int[] parentState, int[] stamp, int current) : IDijkstraLabels<double>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Settled(int state, double key) => key;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Improve(int state, double d, int edge, int parent)
        {
            if (stamp[state] != current)
            {
                stamp[state] = current;
            }
            else if (d >= distance[state])
            {
                return false;
            }
            distance[state] = d;
            parentEdge[state] = edge;
            parentState[state] = parent;
            return true;
        }
    }
}
