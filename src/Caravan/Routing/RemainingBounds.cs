using System.Runtime.CompilerServices;
using Caravan.Collections;

namespace Caravan.Routing;

/// <summary>
/// Lower bounds on what is left to the destination, per vertex and criterion (hours, price, CO2e, variance): one
/// backward Dijkstra per criterion over the query's allowed edges. The mode sequence and the transfer limit are
/// left out, so a bound never exceeds the best completion the search could find (it is a relaxation), and a
/// partial path whose criteria plus these bounds are already dominated by a complete path can be dropped: each of
/// its completions would be dominated too. A fifth search over the queue key's weighted sum gives the search an A*
/// potential (consistent: it is an exact distance), so complete paths are found early and prune sooner.
/// The searches run on the engine's one Dijkstra loop (<see cref="Dijkstra"/>) over the incoming edges, with stamped
/// distances. One instance per search object; no allocation per query.
/// </summary>
internal sealed class RemainingBounds
{
    /// <summary>Criteria per vertex, in the order of <see cref="LabelBag"/>: hours, price, CO2e, variance.</summary>
    public const int Criteria = 4;

    private readonly RoutingGraph _graph;
    // Incoming edges of each vertex (CSR), built once per graph.
    private readonly int[] _firstIn;
    private readonly int[] _inEdge;
    private readonly double[] _bound;
    private readonly double[] _keyBound;
    private readonly double[] _keyWeight;
    private readonly double[] _distance;
    private readonly int[] _stamp;
    private readonly IndexedMinHeap _heap;
    private readonly List<int> _destinations = [];
    private int _current;

    /// <summary>Creates the bounds of a graph (their incoming-edge lists).</summary>
    public RemainingBounds(RoutingGraph graph)
    {
        _graph = graph;
        var n = graph.VertexCount;
        _firstIn = new int[n + 1];
        _inEdge = new int[graph.EdgeCount];
        var head = graph.Head;
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            _firstIn[head[e] + 1]++;
        }
        for (var v = 0; v < n; v++)
        {
            _firstIn[v + 1] += _firstIn[v];
        }
        var next = (int[])_firstIn.Clone();
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            _inEdge[next[head[e]]++] = e;
        }
        _bound = new double[n * Criteria];
        _keyBound = new double[n];
        _keyWeight = new double[graph.EdgeCount];
        _distance = new double[n];
        _stamp = new int[n];
        _heap = new IndexedMinHeap(n);
    }

    /// <summary>The search's queue key of a label or an edge: its criteria weighted (strictly growing in every one).</summary>
    public static double Key(double hours, double costUsd, double co2eKg, double varianceHours2) =>
        hours + (costUsd * 1e-3) + (co2eKg * 1e-3) + (varianceHours2 * 1e-4);

    /// <summary>The least queue key left from each vertex to the destination (an A* potential); 0 where unknown.</summary>
    public double[] KeyOf => _keyBound;

    /// <summary>
    /// The bounds of vertex <c>v</c> are <c>Of[v * 4 .. v * 4 + 3]</c>, each a little below the true least value
    /// (so rounding never lets a bound exceed a completion); <see cref="double.PositiveInfinity"/> where the
    /// destination cannot be reached.
    /// </summary>
    public double[] Of => _bound;

    /// <summary>Computes the bounds for a query to <paramref name="toPlace"/> (or any place of its locality).</summary>
    public void Compute(QueryProfile profile, int toPlace, bool toLocality)
    {
        _destinations.Clear();
        for (var v = 0; v < _graph.VertexCount; v++)
        {
            if (_graph.IsDestination(v, toPlace, toLocality))
            {
                _destinations.Add(v);
            }
        }
        StoreBound(0, Backward(profile, profile.Hours));
        StoreBound(1, Backward(profile, profile.CostUsd));
        StoreBound(2, Backward(profile, profile.Co2eKg));
        StoreBound(3, Backward(profile, profile.VarianceHours2));
        for (var e = 0; e < _keyWeight.Length; e++)
        {
            _keyWeight[e] = Key(profile.Hours[e], profile.CostUsd[e], profile.Co2eKg[e], profile.VarianceHours2[e]);
        }
        var negative = Backward(profile, _keyWeight);
        for (var v = 0; v < _keyBound.Length; v++)
        {
            var d = Distance(v);
            _keyBound[v] = negative || double.IsPositiveInfinity(d) ? 0 : BelowRounding(d);
        }
    }

    private void StoreBound(int criterion, bool negative)
    {
        for (var v = 0; v < _graph.VertexCount; v++)
        {
            // A negative weight would make Dijkstra's distances no bound at all: then only reachability is kept.
            var d = Distance(v);
            _bound[(v * Criteria) + criterion] = double.IsPositiveInfinity(d) ? d : negative ? double.NegativeInfinity : BelowRounding(d);
        }
    }

    // A relative and an absolute margin keep a bound below any completion the search sums in another order
    // (rounding is far smaller than either).
    private static double BelowRounding(double d) => Math.Max(0, d - (d * 1e-9) - 1e-9);

    private double Distance(int v) => _stamp[v] == _current ? _distance[v] : double.PositiveInfinity;

    /// <summary>Distances to the destinations by one weight over the allowed edges, walked backwards; true when an allowed edge weighs less than 0.</summary>
    private bool Backward(QueryProfile profile, double[] weight)
    {
        if (_current == int.MaxValue)
        {
            Array.Clear(_stamp);
            _current = 0;
        }
        _current++;
        var labels = new StampedDistances<double>(_distance, _stamp, _current);
        foreach (var v in _destinations)
        {
            Dijkstra.Seed(_heap, ref labels, v, 0.0);
        }
        var space = new IncomingArcs(_firstIn, _inEdge, _graph.Tail, profile.Allowed, weight);
        Dijkstra.Run<double, IncomingArcs, StampedDistances<double>>(_heap, ref space, ref labels, out _);
        return space.Negative;
    }

    /// <summary>The allowed edges into a vertex, each leading back to its tail; negative weights are not taken, only noted.</summary>
    private struct IncomingArcs(int[] firstIn, int[] inEdge, int[] tail, bool[] allowed, double[] weight) : IDijkstraSpace<double>
    {
        /// <summary>True once an allowed edge with a negative weight was met.</summary>
        public bool Negative;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly SettleStep Settle(int state, out int firstArc, out int endArc)
        {
            firstArc = firstIn[state];
            endArc = firstIn[state + 1];
            return SettleStep.Expand;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryArc(int arc, out int head, out double length, out int edge)
        {
            edge = inEdge[arc];
            head = tail[edge];
            length = weight[edge];
            if (!allowed[edge])
            {
                return false;
            }
            if (length < 0)
            {
                Negative = true;
                return false;
            }
            return true;
        }
    }
}
