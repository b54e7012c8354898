namespace Caravan.Assignment;

/// <summary>Initial bushes of Algorithm B: shortest-path trees, loaded all-or-nothing.</summary>
internal sealed partial class AlgorithmB
{
    /// <summary>
    /// Origins whose initial trees are built against the same costs. Fixed, not tied to the thread count, so the
    /// start (and so the whole run) is the same on any number of threads; small enough that later waves see the
    /// congestion of earlier ones, large enough to keep two to eight workers busy.
    /// </summary>
    private const int InitialWave = 32;

    /// <summary>
    /// Builds each bush as the shortest-path tree at current costs and loads its demand. Origins go in waves of
    /// <see cref="InitialWave"/>: the trees of a wave are built in parallel against one snapshot of costs (each
    /// writes only its own bush), then their flows are added to the links in origin order and the costs updated,
    /// so later waves already avoid the links earlier ones congested.
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
        var spaces = _spaces;
        var unreachable = 0;
        for (var first = 0; first < _work.Count; first += InitialWave)
        {
            var wave = Math.Min(InitialWave, _work.Count - first);
            _work.Run(workers, first, wave, (w, i) => _bushes[i] = InitialBush(i, trees[w], nodeFlows[w], spaces[w].LinkFlow, ref unreachable));
            for (var i = first; i < first + wave; i++)
            {
                var bush = _bushes[i];
                var links = bush.InLinks;
                var flow = bush.Flow;
                for (var k = 0; k < bush.LinkCount; k++)
                {
                    if (flow[k] != 0)
                    {
                        _state.AddFlow(links[k], flow[k]);
                    }
                }
            }
        }
        if (unreachable != 0)
        {
            _loader.ShortestPathTravelTime(_state.Cost); // Throws, listing every OD pair without a path.
        }
    }

    /// <summary>The shortest-path tree of work item <paramref name="item"/> at the current costs, its demand loaded on the tree (bush flows only).</summary>
    private Bush InitialBush(int item, ShortestPathTree tree, double[] nodeFlow, double[] linkFlow, ref int unreachable)
    {
        var c = _work.ClassOf[item];
        var origin = _work.OriginOf[item];
        var demandClass = _problem.Classes[c];
        var root = _network.ZoneNode[origin];
        tree.Run(root, _state.Cost, demandClass.Index);
        // Bushes grow from their tree by the shortcuts they add.
        var treeLinks = Math.Max(tree.SettledCount - 1, 0);
        var bush = new Bush(root, c, demandClass.Index, origin, _network.NodeCount, _network.LinkCount,
            Bush.CapacityFor(treeLinks, _network.LinkCount));
        var od = demandClass.Demand;
        for (var k = od.OriginStart[origin]; k < od.OriginStart[origin + 1]; k++)
        {
            var node = _network.ZoneNode[od.Destination[k]];
            if (double.IsPositiveInfinity(tree.Distance[node]))
            {
                Volatile.Write(ref unreachable, 1);
                continue;
            }
            nodeFlow[node] += od.Demand[k];
        }
        var tail = _network.Tail;
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
                linkFlow[a] += f;
                nodeFlow[tail[a]] += f;
            }
        }
        nodeFlow[root] = 0;
        BuildInLinks(bush, linkFlow, treeLinks); // The settle order of Dijkstra is a topological order of its tree.
        return bush;
    }
}
