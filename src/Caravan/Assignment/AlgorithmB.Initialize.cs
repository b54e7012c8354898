namespace Caravan.Assignment;

/// <summary>Initial bushes of Algorithm B: shortest-path trees, loaded all-or-nothing.</summary>
internal sealed partial class AlgorithmB
{
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
}
