namespace Caravan.Routing;

/// <summary>
/// Lower bounds on what is left to the destination, per vertex and criterion (hours, price, CO2e, variance): one
/// backward Dijkstra per criterion over the query's allowed edges. The mode sequence and the transfer limit are
/// left out, so a bound never exceeds the best completion the search could find (it is a relaxation), and a
/// partial path whose criteria plus these bounds are already dominated by a complete path can be dropped: each of
/// its completions would be dominated too. A fifth search over the queue key's weighted sum gives the search an A*
/// potential (consistent: it is an exact distance), so complete paths are found early and prune sooner.
/// One instance per search object; no allocation per query.
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
    private readonly double[] _distance;
    private readonly double[] _keyWeight;
    private readonly double[] _keyBound;
    private readonly PriorityQueue<int, double> _queue = new();

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
        _distance = new double[n];
        _keyWeight = new double[graph.EdgeCount];
        _keyBound = new double[n];
    }

    /// <summary>The search's queue key of a label or an edge: its criteria weighted (strictly growing in every one).</summary>
    public static double Key(double hours, double costUsd, double co2eKg, double varianceHours2) =>
        hours + (costUsd * 1e-3) + (co2eKg * 1e-3) + (varianceHours2 * 1e-4);

    /// <summary>The least queue key left from each vertex to the destination (an A* potential).</summary>
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
        Backward(profile, profile.Hours, 0, toPlace, toLocality);
        Backward(profile, profile.CostUsd, 1, toPlace, toLocality);
        Backward(profile, profile.Co2eKg, 2, toPlace, toLocality);
        Backward(profile, profile.VarianceHours2, 3, toPlace, toLocality);
        for (var e = 0; e < _keyWeight.Length; e++)
        {
            _keyWeight[e] = Key(profile.Hours[e], profile.CostUsd[e], profile.Co2eKg[e], profile.VarianceHours2[e]);
        }
        Backward(profile, _keyWeight, -1, toPlace, toLocality);
    }

    private void Backward(QueryProfile profile, double[] weight, int criterion, int toPlace, bool toLocality)
    {
        var g = _graph;
        var n = g.VertexCount;
        var distance = _distance;
        Array.Fill(distance, double.PositiveInfinity);
        var queue = _queue;
        queue.Clear();
        for (var v = 0; v < n; v++)
        {
            if (g.IsDestination(v, toPlace, toLocality))
            {
                distance[v] = 0;
                queue.Enqueue(v, 0);
            }
        }
        var allowed = profile.Allowed;
        var tail = g.Tail;
        var negative = false;
        while (queue.TryDequeue(out var v, out var d))
        {
            if (d > distance[v])
            {
                continue;
            }
            for (var i = _firstIn[v]; i < _firstIn[v + 1]; i++)
            {
                var e = _inEdge[i];
                if (!allowed[e])
                {
                    continue;
                }
                var w = weight[e];
                if (w < 0)
                {
                    negative = true;
                    continue;
                }
                var u = tail[e];
                var du = d + w;
                if (du < distance[u])
                {
                    distance[u] = du;
                    queue.Enqueue(u, du);
                }
            }
        }
        if (criterion < 0)
        {
            for (var v = 0; v < n; v++)
            {
                _keyBound[v] = negative || double.IsPositiveInfinity(distance[v]) ? 0 : Math.Max(0, distance[v] - (distance[v] * 1e-9) - 1e-9);
            }
            return;
        }
        var bound = _bound;
        for (var v = 0; v < n; v++)
        {
            var dv = distance[v];
            // A negative weight would make Dijkstra's distances no bound at all: then only reachability is kept.
            // Otherwise a relative and an absolute margin keep the bound below any completion the search sums in
            // another order (rounding is far smaller than either).
            bound[(v * Criteria) + criterion] = double.IsPositiveInfinity(dv) ? dv
                : negative ? double.NegativeInfinity
                : Math.Max(0, dv - (dv * 1e-9) - 1e-9);
        }
    }
}
