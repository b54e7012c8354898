namespace Caravan.Assignment;

/// <summary>
/// All-or-nothing loading and shortest-path travel time for every (class, origin), in parallel over origins.
/// Each worker owns a shortest-path tree and its own flow buffers; buffers are summed in worker order at the end.
/// </summary>
internal sealed class AllOrNothingLoader
{
    private readonly AssignmentProblem _problem;
    private readonly OriginWork _work;
    private readonly int _workers;
    private readonly ShortestPathTree[] _trees;
    private readonly double[][][] _workerFlow; // [worker][class][link]
    private readonly double[][] _nodeFlow;     // [worker][node]
    private readonly double[] _workerSptt;

    public AllOrNothingLoader(AssignmentProblem problem, OriginWork work, int threads)
    {
        _problem = problem;
        _work = work;
        _workers = Math.Max(1, Math.Min(threads, Math.Max(1, work.Count)));
        var network = problem.Network;
        _trees = new ShortestPathTree[_workers];
        _workerFlow = new double[_workers][][];
        _nodeFlow = new double[_workers][];
        _workerSptt = new double[_workers];
        for (var w = 0; w < _workers; w++)
        {
            _trees[w] = new ShortestPathTree(network);
            _nodeFlow[w] = new double[network.NodeCount];
            _workerFlow[w] = new double[problem.Classes.Count][];
            for (var c = 0; c < problem.Classes.Count; c++)
            {
                _workerFlow[w][c] = new double[network.LinkCount];
            }
        }
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
        for (var w = 0; w < _workers; w++)
        {
            foreach (var f in _workerFlow[w])
            {
                Array.Clear(f);
            }
        }
        var sptt = Run(cost, load: true);
        for (var c = 0; c < classFlow.Length; c++)
        {
            var target = classFlow[c];
            Array.Copy(_workerFlow[0][c], target, target.Length);
            for (var w = 1; w < _workers; w++)
            {
                var source = _workerFlow[w][c];
                for (var a = 0; a < target.Length; a++)
                {
                    target[a] += source[a];
                }
            }
        }
        return sptt;
    }

    /// <summary>Shortest-path travel time Σ demand · shortest cost at <paramref name="cost"/>, without loading.</summary>
    public double ShortestPathTravelTime(double[] cost) => Run(cost, load: false);

    private double Run(double[] cost, bool load)
    {
        Array.Clear(_workerSptt);
        var unreachable = new System.Collections.Concurrent.ConcurrentBag<Diagnostic>();
        _work.Run(_workers, (w, item) =>
        {
            var c = _work.ClassOf[item];
            var origin = _work.OriginOf[item];
            var demandClass = _problem.Classes[c];
            var od = demandClass.Demand;
            var tree = _trees[w];
            var zoneNode = _problem.Network.ZoneNode;
            tree.Run(zoneNode[origin], cost, demandClass.Index);
            var distance = tree.Distance;
            var nodeFlow = _nodeFlow[w];
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
                if (load)
                {
                    nodeFlow[node] += od.Demand[k];
                }
            }
            _workerSptt[w] += sptt;
            if (!load)
            {
                return;
            }
            // Push node demand back up the tree in reverse settle order: O(nodes) instead of O(destinations × path length).
            var pred = tree.PredecessorLink;
            var tail = _problem.Network.Tail;
            var flow = _workerFlow[w][c];
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
        });
        if (!unreachable.IsEmpty)
        {
            throw new CaravanDataException([.. unreachable.OrderBy(d => d.Message, StringComparer.Ordinal)]);
        }
        var total = 0.0;
        foreach (var s in _workerSptt)
        {
            total += s;
        }
        return total;
    }
}
