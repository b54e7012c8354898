using System.Runtime.CompilerServices;

namespace Caravan.Assignment;

/// <summary>Shortest and longest path labels over a bush, in topological order.</summary>
internal sealed partial class AlgorithmB
{
    /// <summary>
    /// Labels in topological order over the bush links: shortest cost and longest cost over used links (flow above
    /// <see cref="FlowEpsilon"/>) with their predecessor links; the longest cost is −∞ where no used path arrives. Returns the bush's own total travel cost
    /// Σ flow · cost over its used links.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Labels(Bush bush, BushWorkspace space, double[] cost)
    {
        var root = bush.Root;
        space.MinCost[root] = 0;
        space.MaxCost[root] = 0;
        space.MinPred[root] = -1;
        space.MaxPred[root] = -1;
        var order = bush.Order;
        var start = bush.InLinkStart;
        var links = bush.InLinks;
        var flow = bush.Flow;
        var bushTstt = 0.0;
        for (var n = 1; n < bush.OrderCount; n++)
        {
            bushTstt += LabelNode(links, flow, cost, space, order[n], start[n], start[n + 1]);
        }
        return bushTstt;
    }

    /// <summary>
    /// Shortest costs from the root within the bush only (no predecessors, no longest paths): the gap's warm start.
    /// Returns the bush's own total cost Σ flow · cost over its links.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double ShortestBushCosts(Bush bush, double[] distance)
    {
        var links = bush.InLinks;
        var start = bush.InLinkStart;
        var order = bush.Order;
        var tail = _network.Tail;
        var flow = bush.Flow;
        var cost = _state.Cost;
        var bushCost = 0.0;
        distance[bush.Root] = 0;
        for (var n = 1; n < bush.OrderCount; n++)
        {
            var best = double.PositiveInfinity;
            for (var k = start[n]; k < start[n + 1]; k++)
            {
                var a = links[k];
                best = Math.Min(best, distance[tail[a]] + cost[a]);
                bushCost += flow[k] * cost[a];
            }
            distance[order[n]] = best;
        }
        return bushCost;
    }

    /// <summary>
    /// Labels of node <paramref name="j"/> from its bush in-links <c>links[from..to)</c> (flows slot by slot in
    /// <paramref name="flow"/>, link costs in <paramref name="cost"/>), whose tails are labelled already. Predecessors are slots. Returns the flow · cost of
    /// those links.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double LabelNode(int[] links, double[] flow, double[] cost, BushWorkspace space, int j, int from, int to)
    {
        var minCost = space.MinCost;
        var maxCost = space.MaxCost;
        var tail = _network.Tail;
        var bestMin = double.PositiveInfinity;
        var bestMax = double.NegativeInfinity;
        int argMin = -1, argMax = -1;
        var linkTstt = 0.0;
        for (var k = from; k < to; k++)
        {
            var a = links[k];
            var i = tail[a];
            var c = cost[a];
            var viaMin = minCost[i] + c;
            if (viaMin < bestMin)
            {
                bestMin = viaMin;
                argMin = k;
            }
            var f = flow[k];
            if (f <= FlowEpsilon)
            {
                continue;
            }
            linkTstt += f * c;
            var viaMax = maxCost[i] + c;
            if (viaMax > bestMax)
            {
                bestMax = viaMax;
                argMax = k;
            }
        }
        minCost[j] = bestMin;
        space.MinPred[j] = argMin;
        if (argMax < 0)
        {
            // No used link arrives, so no used path reaches j: nothing to shift here, and j must not lend a longest
            // path to the nodes after it. Dropping a link whose flow fell below FlowEpsilon leaves a trace of flow
            // on the links after it with nothing feeding them; if such a node took its shortest path as its
            // "longest used" one, a later node's longest used path could run through a link without flow, its
            // bottleneck would be 0 and the node would never shift its real flow (the stall at gap ~3e-3 on the
            // multi-class freight problem). −∞ keeps every longest used path on links that carry flow.
            maxCost[j] = double.NegativeInfinity;
            space.MaxPred[j] = argMin;
        }
        else
        {
            maxCost[j] = bestMax;
            space.MaxPred[j] = argMax;
        }
        return linkTstt;
    }
}
