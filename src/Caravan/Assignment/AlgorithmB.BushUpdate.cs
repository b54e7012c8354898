using System.Runtime.CompilerServices;

namespace Caravan.Assignment;

/// <summary>Bush maintenance of Algorithm B: dropping unused links, adding shortcuts, keeping a topological order.</summary>
internal sealed partial class AlgorithmB
{
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
}
