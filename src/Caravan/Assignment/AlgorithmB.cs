namespace Caravan.Assignment;

/// <summary>
/// Dial's Algorithm B (2006). Each origin (per class) keeps an acyclic bush carrying all of its flow. An
/// iteration, for each bush: drop links that carry no flow, add links that shorten the longest paths
/// (which keeps the bush acyclic), re-sort it topologically, then for every node, last to first, move flow from
/// the longest used path to the shortest path by a Newton step on the two path segments after they diverge.
/// Link costs are updated exactly after every move. Bushes share link flows, so they are processed one after
/// another; the relative gap (full shortest paths for every origin) runs in parallel.
/// </summary>
internal sealed class AlgorithmB
{
    /// <summary>Flow below which a bush link counts as unused and may be dropped.</summary>
    private const double FlowEpsilon = 1e-11;
    /// <summary>Shift passes per bush after each bush update.</summary>
    private const int ShiftPasses = 2;
    /// <summary>Extra passes over all bushes (shifts only) per iteration, before the gap is measured.</summary>
    private const int InnerRounds = 2;

    private readonly AssignmentProblem _problem;
    private readonly AssignmentNetwork _network;
    private readonly LinkCostModel _costs;
    private readonly AllOrNothingLoader _loader;
    private readonly RunMonitor _monitor;
    private readonly OriginWork _work;
    private readonly double[] _flow;
    private readonly double[] _cost;
    private readonly double[] _derivative;
    private readonly BushWorkspace _space;
    private readonly Bush[] _bushes;

    public AlgorithmB(AssignmentProblem problem, AssignmentOptions options, RunMonitor monitor)
    {
        _problem = problem;
        _network = problem.Network;
        _costs = _network.Costs;
        _monitor = monitor;
        _work = new OriginWork(problem);
        _loader = new AllOrNothingLoader(problem, _work, options.EffectiveThreads);
        _flow = new double[_network.LinkCount];
        _cost = new double[_network.LinkCount];
        _derivative = new double[_network.LinkCount];
        _space = new BushWorkspace(_network.NodeCount);
        _bushes = new Bush[_work.Count];
    }

    public AssignmentResult Solve()
    {
        UpdateAllCosts();
        Initialize();
        var iteration = 0;
        StopReason? stop;
        double gap, objective, tstt, sptt;
        while (true)
        {
            iteration++;
            foreach (var bush in _bushes)
            {
                _monitor.ThrowIfCancelled();
                UpdateBush(bush);
                for (var pass = 0; pass < ShiftPasses; pass++)
                {
                    Shift(bush);
                }
            }
            for (var round = 0; round < InnerRounds && !_monitor.OutOfTime; round++)
            {
                foreach (var bush in _bushes)
                {
                    Shift(bush);
                }
            }
            // Re-evaluate every cost from the flows so rounding from many small updates cannot accumulate.
            UpdateAllCosts();
            tstt = Convergence.TotalSystemTravelTime(_flow, _cost);
            sptt = _loader.ShortestPathTravelTime(_cost);
            gap = Convergence.RelativeGap(tstt, sptt);
            objective = _costs.Beckmann(_flow);
            stop = _monitor.Record(iteration, gap, objective, tstt);
            if (stop is not null)
            {
                break;
            }
        }
        var classFlow = new double[_problem.Classes.Count][];
        for (var c = 0; c < classFlow.Length; c++)
        {
            classFlow[c] = new double[_network.LinkCount];
        }
        foreach (var bush in _bushes)
        {
            var target = classFlow[bush.ClassPosition];
            for (var a = 0; a < target.Length; a++)
            {
                target[a] += bush.Flow[a];
            }
        }
        return new AssignmentResult
        {
            LinkFlow = _flow,
            ClassLinkFlow = classFlow,
            LinkCost = _cost,
            RelativeGap = gap,
            Objective = objective,
            TotalSystemTravelTime = tstt,
            ShortestPathTravelTime = sptt,
            Iterations = iteration,
            Elapsed = _monitor.Elapsed,
            StopReason = stop.Value,
            History = _monitor.History,
        };
    }

    private void UpdateAllCosts()
    {
        for (var a = 0; a < _flow.Length; a++)
        {
            _costs.CostAndDerivative(a, _flow[a], out _cost[a], out _derivative[a]);
        }
    }

    private void SetLinkFlow(int link, double flow)
    {
        _flow[link] = flow;
        _costs.CostAndDerivative(link, flow, out _cost[link], out _derivative[link]);
    }

    /// <summary>Builds each bush as the shortest-path tree at current costs and loads its demand, costs updated as we go.</summary>
    private void Initialize()
    {
        var tree = new ShortestPathTree(_network);
        var nodeFlow = new double[_network.NodeCount];
        var tail = _network.Tail;
        for (var i = 0; i < _work.Count; i++)
        {
            var c = _work.ClassOf[i];
            var origin = _work.OriginOf[i];
            var demandClass = _problem.Classes[c];
            var root = _network.ZoneNode[origin];
            var bush = new Bush(root, c, demandClass.Index, origin, _network.NodeCount, _network.LinkCount);
            _bushes[i] = bush;
            tree.Run(root, _cost, demandClass.Index);
            var od = demandClass.Demand;
            for (var k = od.OriginStart[origin]; k < od.OriginStart[origin + 1]; k++)
            {
                var node = _network.ZoneNode[od.Destination[k]];
                if (double.IsPositiveInfinity(tree.Distance[node]))
                {
                    // Reported with every other unreachable pair by the first gap computation.
                    _loader.ShortestPathTravelTime(_cost);
                }
                nodeFlow[node] += od.Demand[k];
            }
            var order = tree.SettleOrder;
            bush.OrderCount = tree.SettledCount;
            Array.Copy(order, bush.Order, tree.SettledCount);
            for (var n = tree.SettledCount - 1; n > 0; n--)
            {
                var v = order[n];
                var a = tree.PredecessorLink[v];
                bush.Contains[a] = true;
                var f = nodeFlow[v];
                nodeFlow[v] = 0;
                if (f != 0)
                {
                    bush.Flow[a] += f;
                    nodeFlow[tail[a]] += f;
                    SetLinkFlow(a, _flow[a] + f);
                }
            }
            nodeFlow[root] = 0;
        }
    }

    /// <summary>
    /// Shortest and longest path labels in topological order. <paramref name="usedOnly"/>: longest over links with
    /// flow (for shifting); otherwise over all bush links (a potential that makes adding shortcuts cycle-free).
    /// </summary>
    private void Labels(Bush bush, bool usedOnly)
    {
        var minCost = _space.MinCost;
        var maxCost = _space.MaxCost;
        var minPred = _space.MinPred;
        var maxPred = _space.MaxPred;
        var inStart = _network.InStart;
        var inLink = _network.InLink;
        var tail = _network.Tail;
        var contains = bush.Contains;
        var flow = bush.Flow;
        var cost = _cost;
        var order = bush.Order;
        var root = bush.Root;
        minCost[root] = 0;
        maxCost[root] = 0;
        minPred[root] = -1;
        maxPred[root] = -1;
        for (var n = 1; n < bush.OrderCount; n++)
        {
            var j = order[n];
            var bestMin = double.PositiveInfinity;
            var bestMax = double.NegativeInfinity;
            int argMin = -1, argMax = -1;
            for (var k = inStart[j]; k < inStart[j + 1]; k++)
            {
                var a = inLink[k];
                if (!contains[a])
                {
                    continue;
                }
                var i = tail[a];
                var c = cost[a];
                var viaMin = minCost[i] + c;
                if (viaMin < bestMin)
                {
                    bestMin = viaMin;
                    argMin = a;
                }
                if (usedOnly && flow[a] <= FlowEpsilon)
                {
                    continue;
                }
                var viaMax = maxCost[i] + c;
                if (viaMax > bestMax)
                {
                    bestMax = viaMax;
                    argMax = a;
                }
            }
            minCost[j] = bestMin;
            minPred[j] = argMin;
            if (argMax < 0)
            {
                // No flow arrives: the longest used path is the shortest one, nothing to shift here.
                maxCost[j] = bestMin;
                maxPred[j] = argMin;
            }
            else
            {
                maxCost[j] = bestMax;
                maxPred[j] = argMax;
            }
        }
    }

    /// <summary>Drops unused links (keeping the shortest-path tree), adds shortcuts, re-sorts the bush.</summary>
    private void UpdateBush(Bush bush)
    {
        Labels(bush, usedOnly: true);
        var contains = bush.Contains;
        var flow = bush.Flow;
        var head = _network.Head;
        var tail = _network.Tail;
        var minPred = _space.MinPred;
        var position = _space.Position;
        for (var n = 1; n < bush.OrderCount; n++)
        {
            var j = bush.Order[n];
            position[j] = n;
        }
        position[bush.Root] = 0;
        for (var a = 0; a < contains.Length; a++)
        {
            if (contains[a] && flow[a] <= FlowEpsilon && minPred[head[a]] != a)
            {
                contains[a] = false;
                if (flow[a] != 0)
                {
                    SetLinkFlow(a, _flow[a] - flow[a]);
                    flow[a] = 0;
                }
            }
        }
        Labels(bush, usedOnly: false);
        var maxCost = _space.MaxCost;
        var blocks = _network.BlocksThrough;
        var masks = _network.AllowedClasses;
        var bit = 1UL << bush.ClassIndex;
        var root = bush.Root;
        var cost = _cost;
        for (var a = 0; a < contains.Length; a++)
        {
            if (contains[a])
            {
                continue;
            }
            var i = tail[a];
            var j = head[a];
            if (position[i] < 0 || position[j] < 0 || j == root || (blocks[i] && i != root) || (masks is not null && (masks[a] & bit) == 0))
            {
                continue;
            }
            if (maxCost[i] + cost[a] < maxCost[j])
            {
                contains[a] = true;
            }
        }
        for (var n = 0; n < bush.OrderCount; n++)
        {
            position[bush.Order[n]] = -1;
        }
        TopologicalSort(bush);
    }

    /// <summary>Kahn's algorithm over the bush links from the root.</summary>
    private void TopologicalSort(Bush bush)
    {
        var inDegree = _space.InDegree;
        var queue = _space.Queue;
        var contains = bush.Contains;
        var head = _network.Head;
        var outStart = _network.OutStart;
        var outLink = _network.OutLink;
        var count = bush.OrderCount;
        for (var n = 0; n < count; n++)
        {
            var i = bush.Order[n];
            for (var k = outStart[i]; k < outStart[i + 1]; k++)
            {
                var a = outLink[k];
                if (contains[a])
                {
                    inDegree[head[a]]++;
                }
            }
        }
        var read = 0;
        var write = 0;
        queue[write++] = bush.Root;
        while (read < write)
        {
            var i = queue[read++];
            for (var k = outStart[i]; k < outStart[i + 1]; k++)
            {
                var a = outLink[k];
                if (contains[a] && --inDegree[head[a]] == 0)
                {
                    queue[write++] = head[a];
                }
            }
        }
        if (write != count)
        {
            throw new InvalidOperationException($"bush of origin {bush.Origin} lost acyclicity ({write} of {count} nodes sorted)");
        }
        Array.Copy(queue, bush.Order, count);
    }

    /// <summary>One pass of Newton flow shifts, nodes last to first in topological order.</summary>
    private void Shift(Bush bush)
    {
        Labels(bush, usedOnly: true);
        var position = _space.Position;
        var order = bush.Order;
        for (var n = 0; n < bush.OrderCount; n++)
        {
            position[order[n]] = n;
        }
        var minCost = _space.MinCost;
        var maxCost = _space.MaxCost;
        var minPred = _space.MinPred;
        var maxPred = _space.MaxPred;
        var tail = _network.Tail;
        var flow = bush.Flow;
        for (var n = bush.OrderCount - 1; n > 0; n--)
        {
            var j = order[n];
            if (maxPred[j] == minPred[j] || maxCost[j] - minCost[j] <= 1e-14 * maxCost[j])
            {
                continue;
            }
            // Walk both paths back to where they diverge, summing cost difference, derivative and the longest path's bottleneck.
            // Both paths end with different links into j, so the first step of each is taken before the loop.
            var lastLong = maxPred[j];
            var lastShort = minPred[j];
            double longCost = _cost[lastLong], shortCost = _cost[lastShort];
            double derivativeSum = _derivative[lastLong] + _derivative[lastShort];
            var bottleneck = flow[lastLong];
            int p = tail[lastLong], q = tail[lastShort];
            while (p != q)
            {
                if (position[p] > position[q])
                {
                    var a = maxPred[p];
                    longCost += _cost[a];
                    derivativeSum += _derivative[a];
                    if (flow[a] < bottleneck)
                    {
                        bottleneck = flow[a];
                    }
                    p = tail[a];
                }
                else
                {
                    var a = minPred[q];
                    shortCost += _cost[a];
                    derivativeSum += _derivative[a];
                    q = tail[a];
                }
            }
            var difference = longCost - shortCost;
            if (difference <= 0 || bottleneck <= 0)
            {
                continue;
            }
            var delta = derivativeSum > 0 ? Math.Min(bottleneck, difference / derivativeSum) : bottleneck;
            flow[lastLong] -= delta;
            SetLinkFlow(lastLong, _flow[lastLong] - delta);
            flow[lastShort] += delta;
            SetLinkFlow(lastShort, _flow[lastShort] + delta);
            p = tail[lastLong];
            q = tail[lastShort];
            while (p != q)
            {
                if (position[p] > position[q])
                {
                    var a = maxPred[p];
                    flow[a] -= delta;
                    SetLinkFlow(a, _flow[a] - delta);
                    p = tail[a];
                }
                else
                {
                    var a = minPred[q];
                    flow[a] += delta;
                    SetLinkFlow(a, _flow[a] + delta);
                    q = tail[a];
                }
            }
        }
        for (var n = 0; n < bush.OrderCount; n++)
        {
            position[order[n]] = -1;
        }
    }
}
