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
    private bool UpdateBush(Bush bush, BushWorkspace space, LinkState state)
    {
        var contains = bush.Contains;
        var oldLinks = bush.InLinks;
        var oldFlow = bush.Flow;
        var newLinks = space.NewLinks;
        var newFlow = space.NewFlow;
        var tail = _network.Tail;
        var minCost = space.MinCost;
        var position = space.Position;
        var potential = space.Potential;
        var backward = space.BackwardCandidates;
        var blocks = _network.BlocksThrough;
        var masks = _network.AllowedClasses;
        var bit = 1UL << bush.ClassIndex;
        var root = bush.Root;
        var cost = state.Cost;
        var inStart = _network.InStart;
        var inLink = _network.InLink;
        var order = bush.Order;
        var start = bush.InLinkStart;
        var count = bush.OrderCount;
        for (var n = 0; n < count; n++)
        {
            position[order[n]] = n;
        }
        var backwardCount = 0;
        var write = 0;
        // The links are rewritten into the workspace (start[] in place: start[n + 1] is still the old value when
        // node n is read) and copied back at the end, since added shortcuts may outgrow the old slots.
        var oldFrom = start[1];
        start[0] = 0;
        potential[root] = 0;
        space.MinCost[root] = 0;
        space.MaxCost[root] = 0;
        space.MinPred[root] = -1;
        space.MaxPred[root] = -1;
        for (var n = 1; n < count; n++)
        {
            var j = order[n];
            var oldTo = start[n + 1];
            start[n] = write;
            var best = double.NegativeInfinity;
            // The shortest in-bush link into j stays even if unused, so j stays reachable. Its tail is labelled
            // already in this pass, so no separate label pass is needed before the update.
            var keep = -1;
            var keepCost = double.PositiveInfinity;
            for (var k = oldFrom; k < oldTo; k++)
            {
                var a = oldLinks[k];
                if (minCost[tail[a]] + cost[a] < keepCost)
                {
                    keepCost = minCost[tail[a]] + cost[a];
                    keep = k;
                }
            }
            for (var k = oldFrom; k < oldTo; k++)
            {
                var a = oldLinks[k];
                var f = oldFlow[k];
                if (f <= FlowEpsilon && keep != k)
                {
                    contains[a] = false;
                    if (f != 0)
                    {
                        state.AddFlow(a, -f);
                    }
                    continue;
                }
                newLinks[write] = a;
                newFlow[write++] = f;
                best = Math.Max(best, potential[tail[a]] + cost[a]);
            }
            oldFrom = oldTo;
            potential[j] = best;
            var first = inStart[j];
            var last = inStart[j + 1];
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
                    newLinks[write] = a;
                    newFlow[write++] = 0;
                }
            }
            // Every in-link of j now comes from an earlier node: label j for the flow shift that follows.
            LabelNode(newLinks, newFlow, cost, space, j, start[n], write);
        }
        start[count] = write;
        bush.EnsureCapacity(write, _network.LinkCount);
        Array.Copy(newLinks, bush.InLinks, write);
        Array.Copy(newFlow, bush.Flow, write);
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
        var linkTotal = 0;
        for (var n = 0; n < count; n++)
        {
            var i = bush.Order[n];
            for (var k = outStart[i]; k < outStart[i + 1]; k++)
            {
                var a = outLink[k];
                if (contains[a])
                {
                    inDegree[head[a]]++;
                    linkTotal++;
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
        var spread = space.LinkFlow;
        var links = bush.InLinks;
        var flow = bush.Flow;
        for (var k = 0; k < bush.LinkCount; k++)
        {
            spread[links[k]] = flow[k];
        }
        BuildInLinks(bush, spread, linkTotal);
    }

    /// <summary>
    /// Rebuilds the bush's in-link lists from <see cref="Bush.Contains"/> in its current topological order, taking
    /// each link's flow from <paramref name="linkFlow"/> (per network link), which is left all zero.
    /// <paramref name="linkTotal"/> is the number of links the bush contains, known to both callers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BuildInLinks(Bush bush, double[] linkFlow, int linkTotal)
    {
        var contains = bush.Contains;
        var count = bush.OrderCount;
        var queue = bush.Order;
        var inStart = _network.InStart;
        var inLink = _network.InLink;
        var start = bush.InLinkStart;
        bush.EnsureCapacity(linkTotal, _network.LinkCount);
        var links = bush.InLinks;
        var flow = bush.Flow;
        var write = 0;
        for (var n = 0; n < count; n++)
        {
            start[n] = write;
            var j = queue[n];
            for (var k = inStart[j]; k < inStart[j + 1]; k++)
            {
                var a = inLink[k];
                if (contains[a])
                {
                    links[write] = a;
                    flow[write++] = linkFlow[a];
                    linkFlow[a] = 0;
                }
            }
        }
        start[count] = write;
    }
}
