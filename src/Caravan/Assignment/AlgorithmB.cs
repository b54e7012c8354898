using System.Runtime.CompilerServices;

namespace Caravan.Assignment;

/// <summary>
/// Dial's Algorithm B (2006). Each origin (per class) keeps an acyclic bush carrying all of its flow. An
/// iteration, for each bush: drop links that carry no flow, add links that shorten the longest paths
/// (which keeps the bush acyclic), re-sort it topologically, then for every node, last to first, move flow from
/// the longest used path to the shortest path by a Newton step on the two path segments after they diverge.
/// Link costs are updated exactly after every move. With one thread the run is deterministic. With several,
/// bushes are split over workers that update the shared link flows atomically (asynchronous Algorithm B: every
/// bush stays feasible and link flows always equal the sum of bush flows; only Newton steps may see a cost a few
/// updates old). The relative gap (exact shortest paths for every origin) also runs in parallel.
/// </summary>
internal sealed class AlgorithmB
{
    /// <summary>Flow below which a bush link counts as unused and may be dropped.</summary>
    private const double FlowEpsilon = 1e-11;
    /// <summary>In inner rounds, bushes whose own relative gap is below this fraction of the last global gap are skipped.</summary>
    private const double InnerSkipFraction = 0.25;
    private const int FirstInnerRounds = 4;
    /// <summary>Maximum shift-only rounds over the bushes per iteration, before the gap is measured.</summary>
    private const int InnerRounds = 20;

    private readonly AssignmentProblem _problem;
    private readonly AssignmentNetwork _network;
    private readonly LinkCostModel _costs;
    private readonly AllOrNothingLoader _loader;
    private readonly RunMonitor _monitor;
    private readonly OriginWork _work;
    private readonly double[] _flow;
    private readonly double[] _cost;
    private readonly double[] _derivative;
    private readonly BushWorkspace[] _spaces;
    private readonly WarmStartShortestPaths[] _gapSearches;
    private readonly double[] _gapSums;
    private readonly bool[] _active;
    private bool _concurrent;
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
        var workers = Math.Max(1, Math.Min(options.EffectiveThreads, _work.Count));
        _spaces = new BushWorkspace[workers];
        _gapSearches = new WarmStartShortestPaths[workers];
        _gapSums = new double[workers];
        for (var w = 0; w < workers; w++)
        {
            _spaces[w] = new BushWorkspace(_network.NodeCount, _network.LinkCount);
            _gapSearches[w] = new WarmStartShortestPaths(_network);
        }
        _bushes = new Bush[_work.Count];
        _active = new bool[_work.Count];
    }

    public AssignmentResult Solve()
    {
        UpdateAllCosts();
        Initialize();
        var iteration = 0;
        var lastGap = 0.0;
        StopReason? stop;
        double gap, objective, tstt, sptt;
        while (true)
        {
            iteration++;
            _concurrent = _spaces.Length > 1;
            _work.Run(_spaces.Length, (w, item) =>
            {
                _monitor.ThrowIfCancelled();
                var labelsReady = UpdateBush(_bushes[item], _spaces[w]);
                Shift(_bushes[item], _spaces[w], 0, labelsReady);
            });
            // Shift-only rounds are cheap next to bush updates and gap evaluations: do up to InnerRounds of them,
            // on the bushes whose own gap is above a fraction of the last global gap, until none qualifies.
            var skipBelow = InnerSkipFraction * lastGap;
            // A bush found close enough is left alone for the rest of this iteration's rounds.
            var rounds = iteration == 1 ? FirstInnerRounds : InnerRounds; // No gap known yet to pick bushes by.
            Array.Fill(_active, true);
            for (var round = 0; round < rounds && !_monitor.OutOfTime; round++)
            {
                var anyShifted = 0;
                _work.Run(_spaces.Length, (w, item) =>
                {
                    if (!_active[item])
                    {
                        return;
                    }
                    if (Shift(_bushes[item], _spaces[w], skipBelow))
                    {
                        anyShifted = 1;
                    }
                    else
                    {
                        _active[item] = false;
                    }
                });
                if (anyShifted == 0)
                {
                    break;
                }
            }
            _concurrent = false;
            // Re-evaluate every cost from the flows so rounding from many small updates cannot accumulate.
            UpdateAllCosts();
            tstt = Convergence.TotalSystemTravelTime(_flow, _cost);
            sptt = ShortestPathTravelTime();
            gap = Convergence.RelativeGap(tstt, sptt);
            objective = _costs.Beckmann(_flow);
            lastGap = gap;
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

    /// <summary>Relative gap of one bush: (its cost − its demand on shortest bush paths) / the latter.</summary>
    private double BushGap(Bush bush, BushWorkspace space, double bushTstt)
    {
        var od = _problem.Classes[bush.ClassPosition].Demand;
        var zoneNode = _network.ZoneNode;
        var minCost = space.MinCost;
        var sptt = 0.0;
        for (var k = od.OriginStart[bush.Origin]; k < od.OriginStart[bush.Origin + 1]; k++)
        {
            sptt += od.Demand[k] * minCost[zoneNode[od.Destination[k]]];
        }
        return sptt > 0 ? (bushTstt - sptt) / sptt : 0;
    }

    /// <summary>
    /// SPTT for the gap, in parallel over bushes: each origin's exact shortest paths, warm-started from its bush's
    /// shortest-path labels. Read-only on shared state, so workers need no locks.
    /// </summary>
    private double ShortestPathTravelTime()
    {
        var workers = _spaces.Length;
        Array.Clear(_gapSums);
        _work.Run(workers, (w, item) =>
        {
            var bush = _bushes[item];
            var distance = _spaces[w].MinCost;
            ShortestBushCosts(bush, distance);
            _gapSearches[w].Run(bush.Root, distance, bush.Order.AsSpan(0, bush.OrderCount), _cost, bush.ClassIndex);
            var od = _problem.Classes[bush.ClassPosition].Demand;
            var zoneNode = _network.ZoneNode;
            var sum = 0.0;
            for (var k = od.OriginStart[bush.Origin]; k < od.OriginStart[bush.Origin + 1]; k++)
            {
                sum += od.Demand[k] * distance[zoneNode[od.Destination[k]]];
            }
            _gapSums[w] += sum;
        });
        var total = 0.0;
        foreach (var s in _gapSums)
        {
            total += s;
        }
        return total;
    }

    private void UpdateAllCosts()
    {
        for (var a = 0; a < _flow.Length; a++)
        {
            _costs.CostAndDerivative(a, _flow[a], out _cost[a], out _derivative[a]);
        }
    }

    /// <summary>
    /// Adds to a link's total flow and refreshes its cost and derivative. With several workers the add is atomic, so
    /// total flows always equal the sum of bush flows; a cost written by a slower worker may briefly lag its flow,
    /// which only affects the size of later Newton steps, and all costs are recomputed before every gap.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddLinkFlow(int link, double delta)
    {
        double updated;
        if (_concurrent)
        {
            ref var target = ref _flow[link];
            var seen = Volatile.Read(ref target);
            while (true)
            {
                updated = seen + delta;
                var actual = Interlocked.CompareExchange(ref target, updated, seen);
                if (actual.Equals(seen))
                {
                    break;
                }
                seen = actual;
            }
        }
        else
        {
            updated = _flow[link] += delta;
        }
        _costs.CostAndDerivative(link, updated, out _cost[link], out _derivative[link]);
    }

    /// <summary>
    /// Builds each bush as the shortest-path tree at current costs and loads its demand, costs updated as we go
    /// (so later origins already avoid the links earlier ones congested). Parallel over workers like the iterations.
    /// </summary>
    private void Initialize()
    {
        var workers = _spaces.Length;
        var trees = new ShortestPathTree[workers];
        var nodeFlows = new double[workers][];
        for (var w = 0; w < workers; w++)
        {
            trees[w] = new ShortestPathTree(_network);
            nodeFlows[w] = new double[_network.NodeCount];
        }
        var tail = _network.Tail;
        var unreachable = 0;
        _concurrent = workers > 1;
        _work.Run(workers, (w, i) =>
        {
            var tree = trees[w];
            var nodeFlow = nodeFlows[w];
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
                    unreachable = 1;
                    continue;
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
                    AddLinkFlow(a, f);
                }
            }
            nodeFlow[root] = 0;
            BuildInLinks(bush); // The settle order of Dijkstra is a topological order of its tree.
        });
        _concurrent = false;
        if (unreachable != 0)
        {
            _loader.ShortestPathTravelTime(_cost); // Throws, listing every OD pair without a path.
        }
    }

    /// <summary>
    /// Labels in topological order over the bush links: shortest cost and longest cost over used links (flow above
    /// <see cref="FlowEpsilon"/>) with their predecessor links. Returns the bush's own total travel cost
    /// Σ flow · cost over its used links.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Labels(Bush bush, BushWorkspace space)
    {
        var root = bush.Root;
        space.MinCost[root] = 0;
        space.MaxCost[root] = 0;
        space.MinPred[root] = -1;
        space.MaxPred[root] = -1;
        var order = bush.Order;
        var start = bush.InLinkStart;
        var bushTstt = 0.0;
        for (var n = 1; n < bush.OrderCount; n++)
        {
            bushTstt += LabelNode(bush, space, order[n], start[n], start[n + 1]);
        }
        return bushTstt;
    }

    /// <summary>Shortest costs from the root within the bush only (no predecessors, no longest paths): the gap's warm start.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ShortestBushCosts(Bush bush, double[] distance)
    {
        var links = bush.InLinks;
        var start = bush.InLinkStart;
        var order = bush.Order;
        var contains = bush.Contains;
        var tail = _network.Tail;
        var cost = _cost;
        distance[bush.Root] = 0;
        for (var n = 1; n < bush.OrderCount; n++)
        {
            var best = double.PositiveInfinity;
            for (var k = start[n]; k < start[n + 1]; k++)
            {
                var a = links[k];
                if (contains[a])
                {
                    best = Math.Min(best, distance[tail[a]] + cost[a]);
                }
            }
            distance[order[n]] = best;
        }
    }

    /// <summary>
    /// Labels of node <paramref name="j"/> from its bush in-links <c>InLinks[from..to)</c>, whose tails are labelled
    /// already. Returns the flow · cost of those links.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double LabelNode(Bush bush, BushWorkspace space, int j, int from, int to)
    {
        var minCost = space.MinCost;
        var maxCost = space.MaxCost;
        var links = bush.InLinks;
        var tail = _network.Tail;
        var flow = bush.Flow;
        var contains = bush.Contains;
        var cost = _cost;
        var bestMin = double.PositiveInfinity;
        var bestMax = double.NegativeInfinity;
        int argMin = -1, argMax = -1;
        var linkTstt = 0.0;
        for (var k = from; k < to; k++)
        {
            var a = links[k];
            if (!contains[a])
            {
                continue; // Dropped since the list was built.
            }
            var i = tail[a];
            var c = cost[a];
            var viaMin = minCost[i] + c;
            if (viaMin < bestMin)
            {
                bestMin = viaMin;
                argMin = a;
            }
            if (flow[a] <= FlowEpsilon)
            {
                continue;
            }
            linkTstt += flow[a] * c;
            var viaMax = maxCost[i] + c;
            if (viaMax > bestMax)
            {
                bestMax = viaMax;
                argMax = a;
            }
        }
        minCost[j] = bestMin;
        space.MinPred[j] = argMin;
        if (argMax < 0)
        {
            // No flow arrives: the longest used path is the shortest one, nothing to shift here.
            maxCost[j] = bestMin;
            space.MaxPred[j] = argMin;
        }
        else
        {
            maxCost[j] = bestMax;
            space.MaxPred[j] = argMax;
        }
        return linkTstt;
    }

    /// <summary>
    /// Drops unused links (keeping each node's shortest in-bush link), adds links that shorten the longest paths,
    /// rebuilds the in-link lists and labels the result for the next flow shift, all in one pass over the nodes in
    /// topological order. The "longest path over all
    /// remaining bush links" potential is computed in the same pass; a link (i, j) is added when
    /// potential(i) + cost &lt; potential(j), which cannot close a cycle because the potential grows along every bush
    /// link. Links pointing forward in the current order keep it valid; backward ones are checked after the pass
    /// and, if any is added, the bush is re-sorted.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool UpdateBush(Bush bush, BushWorkspace space)
    {
        var contains = bush.Contains;
        var flow = bush.Flow;
        var tail = _network.Tail;
        var minCost = space.MinCost;
        var position = space.Position;
        var potential = space.Potential;
        var backward = space.BackwardCandidates;
        var blocks = _network.BlocksThrough;
        var masks = _network.AllowedClasses;
        var bit = 1UL << bush.ClassIndex;
        var root = bush.Root;
        var cost = _cost;
        var inStart = _network.InStart;
        var inLink = _network.InLink;
        var order = bush.Order;
        var links = bush.InLinks;
        var start = bush.InLinkStart;
        var count = bush.OrderCount;
        for (var n = 0; n < count; n++)
        {
            position[order[n]] = n;
        }
        var backwardCount = 0;
        var write = 0;
        start[0] = 0;
        potential[root] = 0;
        space.MinCost[root] = 0;
        space.MaxCost[root] = 0;
        space.MinPred[root] = -1;
        space.MaxPred[root] = -1;
        for (var n = 1; n < count; n++)
        {
            var j = order[n];
            start[n] = write;
            var best = double.NegativeInfinity;
            var first = inStart[j];
            var last = inStart[j + 1];
            // The shortest in-bush link into j stays even if unused, so j stays reachable. Its tail is labelled
            // already in this pass, so no separate label pass is needed before the update.
            var keep = -1;
            var keepCost = double.PositiveInfinity;
            for (var k = first; k < last; k++)
            {
                var a = inLink[k];
                if (contains[a] && minCost[tail[a]] + cost[a] < keepCost)
                {
                    keepCost = minCost[tail[a]] + cost[a];
                    keep = a;
                }
            }
            for (var k = first; k < last; k++)
            {
                var a = inLink[k];
                if (!contains[a])
                {
                    continue;
                }
                if (flow[a] <= FlowEpsilon && keep != a)
                {
                    contains[a] = false;
                    if (flow[a] != 0)
                    {
                        AddLinkFlow(a, -flow[a]);
                        flow[a] = 0;
                    }
                    continue;
                }
                links[write++] = a;
                best = Math.Max(best, potential[tail[a]] + cost[a]);
            }
            potential[j] = best;
            for (var k = first; k < last; k++)
            {
                var a = inLink[k];
                if (contains[a])
                {
                    continue;
                }
                var i = tail[a];
                var pi = position[i];
                if (pi < 0 || (blocks[i] && i != root) || (masks is not null && (masks[a] & bit) == 0))
                {
                    continue;
                }
                if (pi > n)
                {
                    backward[backwardCount++] = a; // potential(i) is not final yet.
                }
                else if (potential[i] + cost[a] < best)
                {
                    contains[a] = true;
                    links[write++] = a;
                }
            }
            // Every in-link of j now comes from an earlier node: label j for the flow shift that follows.
            LabelNode(bush, space, j, start[n], write);
        }
        start[count] = write;
        var head = _network.Head;
        var addedBackward = false;
        for (var b = 0; b < backwardCount; b++)
        {
            var a = backward[b];
            if (potential[tail[a]] + cost[a] < potential[head[a]])
            {
                contains[a] = true;
                addedBackward = true;
            }
        }
        for (var n = 0; n < count; n++)
        {
            position[order[n]] = -1;
        }
        if (addedBackward)
        {
            TopologicalSort(bush, space);
            return false; // Labels computed above miss the backward links.
        }
        return true;
    }

    /// <summary>Kahn's algorithm over the bush links from the root.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TopologicalSort(Bush bush, BushWorkspace space)
    {
        var inDegree = space.InDegree;
        var queue = space.Queue;
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
        BuildInLinks(bush);
    }

    /// <summary>Rebuilds the bush's in-link lists in its current topological order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BuildInLinks(Bush bush)
    {
        var contains = bush.Contains;
        var count = bush.OrderCount;
        var queue = bush.Order;
        var inStart = _network.InStart;
        var inLink = _network.InLink;
        var links = bush.InLinks;
        var start = bush.InLinkStart;
        var write2 = 0;
        for (var n = 0; n < count; n++)
        {
            start[n] = write2;
            var j = queue[n];
            for (var k = inStart[j]; k < inStart[j + 1]; k++)
            {
                var a = inLink[k];
                if (contains[a])
                {
                    links[write2++] = a;
                }
            }
        }
        start[count] = write2;
    }

    /// <summary>
    /// One pass of Newton flow shifts, nodes last to first in topological order. Skipped (returns false) when the
    /// bush's own relative gap is below <paramref name="skipBelowGap"/>, so inner rounds spend time only on the
    /// bushes that are furthest from equilibrium.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Shift(Bush bush, BushWorkspace space, double skipBelowGap, bool labelsReady = false)
    {
        var bushTstt = labelsReady ? 0 : Labels(bush, space);
        if (skipBelowGap > 0 && BushGap(bush, space, bushTstt) < skipBelowGap)
        {
            return false;
        }
        var position = space.Position;
        var order = bush.Order;
        for (var n = 0; n < bush.OrderCount; n++)
        {
            position[order[n]] = n;
        }
        var minCost = space.MinCost;
        var maxCost = space.MaxCost;
        var minPred = space.MinPred;
        var maxPred = space.MaxPred;
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
            AddLinkFlow(lastLong, -delta);
            flow[lastShort] += delta;
            AddLinkFlow(lastShort, delta);
            p = tail[lastLong];
            q = tail[lastShort];
            while (p != q)
            {
                if (position[p] > position[q])
                {
                    var a = maxPred[p];
                    flow[a] -= delta;
                    AddLinkFlow(a, -delta);
                    p = tail[a];
                }
                else
                {
                    var a = minPred[q];
                    flow[a] += delta;
                    AddLinkFlow(a, delta);
                    q = tail[a];
                }
            }
        }
        for (var n = 0; n < bush.OrderCount; n++)
        {
            position[order[n]] = -1;
        }
        return true;
    }
}
