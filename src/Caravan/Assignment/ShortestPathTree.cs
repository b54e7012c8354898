using Caravan.Collections;

namespace Caravan.Assignment;

/// <summary>
/// Dijkstra from one node over link costs, honouring the class mask and through-blocking nodes.
/// One instance per worker thread: all arrays are allocated once and reused for every origin.
/// Not merged with <c>Routing.ShortestPathSearch</c>: that one runs on a product state space (vertex × transfer
/// layer × mode phase) of the routing graph with several origins and stops at the destination, while this one
/// scans plain nodes of the assignment network to the end, skips through-blocked zones and records the settle
/// order the solvers walk backwards. They share the heap (<see cref="Collections.IndexedMinHeap"/>); a common
/// loop would need a callback or an interface in the innermost relaxation, which the solvers' hot loop cannot pay.
/// </summary>
internal sealed class ShortestPathTree
{
    private readonly AssignmentNetwork _network;
    private readonly IndexedMinHeap _heap;

    public ShortestPathTree(AssignmentNetwork network)
    {
        _network = network;
        _heap = new IndexedMinHeap(network.NodeCount);
        Distance = new double[network.NodeCount];
        PredecessorLink = new int[network.NodeCount];
        SettleOrder = new int[network.NodeCount];
    }

    /// <summary>Shortest cost from the last source per node; +∞ if unreachable.</summary>
    public double[] Distance { get; }
    /// <summary>Link into each node on its shortest path; -1 for the source and unreachable nodes.</summary>
    public int[] PredecessorLink { get; }
    /// <summary>Nodes in the order they were settled (non-decreasing distance); the first <see cref="SettledCount"/> are valid.</summary>
    public int[] SettleOrder { get; }
    /// <summary>Number of settled (reachable) nodes.</summary>
    public int SettledCount { get; private set; }

    /// <summary>Runs Dijkstra from <paramref name="source"/> with <paramref name="cost"/> for class <paramref name="classIndex"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Run(int source, ReadOnlySpan<double> cost, int classIndex)
    {
        var distance = Distance;
        var pred = PredecessorLink;
        Array.Fill(distance, double.PositiveInfinity);
        Array.Fill(pred, -1);
        var outStart = _network.OutStart;
        var outLink = _network.OutLink;
        var head = _network.Head;
        var blocks = _network.BlocksThrough;
        var masks = _network.AllowedClasses;
        var bit = 1UL << classIndex;
        var settled = 0;
        distance[source] = 0;
        _heap.InsertOrDecrease(source, 0);
        while (_heap.Count > 0)
        {
            var u = _heap.PopMin(out var du);
            SettleOrder[settled++] = u;
            if (blocks[u] && u != source)
            {
                continue;
            }
            for (var k = outStart[u]; k < outStart[u + 1]; k++)
            {
                var a = outLink[k];
                if (masks is not null && (masks[a] & bit) == 0)
                {
                    continue;
                }
                var v = head[a];
                var dv = du + cost[a];
                if (dv < distance[v])
                {
                    distance[v] = dv;
                    pred[v] = a;
                    _heap.InsertOrDecrease(v, dv);
                }
            }
        }
        SettledCount = settled;
    }
}
