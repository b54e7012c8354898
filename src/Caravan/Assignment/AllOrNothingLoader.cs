using Caravan.Diagnostics;

namespace Caravan.Assignment;

/// <summary>
/// All-or-nothing loading and shortest-path travel time for every (class, origin). The shortest-path trees of a
/// wave of origins are built in parallel (each depends only on the costs); loading and the sums then run in origin
/// order, so the flows and the travel time are the same, bit for bit, on any number of threads.
/// </summary>
internal sealed class AllOrNothingLoader
{
    /// <summary>Trees built per worker in one wave: enough to even out origins of different sizes.</summary>
    private const int TreesPerWorker = 4;

    private readonly AssignmentProblem _problem;
    private readonly OriginWork _work;
    private readonly int _workers;
    private readonly ShortestPathTree[] _trees; // one per slot of a wave
    private readonly double[] _nodeFlow;

    public AllOrNothingLoader(AssignmentProblem problem, OriginWork work, int threads)
    {
        _problem = problem;
        _work = work;
        _workers = Math.Max(1, Math.Min(threads, Math.Max(1, work.Count)));
        var network = problem.Network;
        _trees = new ShortestPathTree[_workers == 1 ? 1 : _workers * TreesPerWorker];
        for (var s = 0; s < _trees.Length; s++)
        {
            _trees[s] = new ShortestPathTree(network);
        }
        _nodeFlow = new double[network.NodeCount];
    }

    /// <summary>Worker count actually used.</summary>
    public int Workers => _workers;

    /// <summary>
    /// Loads every OD pair on its shortest path at <paramref name="cost"/> into <paramref name="classFlow"/>
    /// (overwritten) and returns the shortest-path travel time Σ demand · shortest cost.
    /// </summary>
    /// <exception cref="CaravanDataException">Some OD pair with demand has no path.</exception>
    public double Load(double[] cost, double[][] classFlow)
    {
        foreach (var f in classFlow)
        {
            Array.Clear(f);
        }
        return Run(cost, classFlow);
    }

    /// <summary>Shortest-path travel time Σ demand · shortest cost at <paramref name="cost"/>, without loading.</summary>
    public double ShortestPathTravelTime(double[] cost) => Run(cost, null);

    private double Run(double[] cost, double[][]? classFlow)
    {
        var unreachable = new List<Diagnostic>();
        var zoneNode = _problem.Network.ZoneNode;
        var total = 0.0;
        for (var first = 0; first < _work.Count; first += _trees.Length)
        {
            var count = Math.Min(_trees.Length, _work.Count - first);
            _work.Run(_workers, first, count, (_, item) =>
                _trees[item - first].Run(zoneNode[_work.OriginOf[item]], cost, _problem.Classes[_work.ClassOf[item]].Index));
            for (var item = first; item < first + count; item++)
            {
                total += Accumulate(item, _trees[item - first], classFlow, unreachable);
            }
        }
        if (unreachable.Count > 0)
        {
            throw new CaravanDataException(unreachable);
        }
        return total;
    }

    /// <summary>One origin's travel time on its tree, and its demand pushed up the tree into the class's flows.</summary>
    private double Accumulate(int item, ShortestPathTree tree, double[][]? classFlow, List<Diagnostic> unreachable)
    {
        var c = _work.ClassOf[item];
        var origin = _work.OriginOf[item];
        var demandClass = _problem.Classes[c];
        var od = demandClass.Demand;
        var zoneNode = _problem.Network.ZoneNode;
        var distance = tree.Distance;
        var nodeFlow = _nodeFlow;
        var sptt = 0.0;
        for (var k = od.OriginStart[origin]; k < od.OriginStart[origin + 1]; k++)
        {
            var node = zoneNode[od.Destination[k]];
            var d = distance[node];
            if (double.IsPositiveInfinity(d))
            {
                if (unreachable.Count < 20)
                {
                    unreachable.Add(new Diagnostic("demand", 0, demandClass.Name, $"no path from zone {origin + 1} to zone {od.Destination[k] + 1}"));
                }
                continue;
            }
            sptt += od.Demand[k] * d;
            if (classFlow is not null)
            {
                nodeFlow[node] += od.Demand[k];
            }
        }
        if (classFlow is null)
        {
            return sptt;
        }
        // Push node demand back up the tree in reverse settle order: O(nodes) instead of O(destinations × path length).
        var pred = tree.PredecessorLink;
        var tail = _problem.Network.Tail;
        var flow = classFlow[c];
        var order = tree.SettleOrder;
        for (var i = tree.SettledCount - 1; i > 0; i--)
        {
            var v = order[i];
            var f = nodeFlow[v];
            if (f == 0)
            {
                continue;
            }
            nodeFlow[v] = 0;
            var a = pred[v];
            flow[a] += f;
            nodeFlow[tail[a]] += f;
        }
        nodeFlow[order[0]] = 0;
        return sptt;
    }
}
