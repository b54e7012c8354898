using System.Runtime.CompilerServices;

namespace Caravan.Assignment;

/// <summary>
/// Exact shortest paths from one root, warm-started from labels that are already costs of real paths (for
/// Algorithm B: shortest paths within the origin's bush). A label-correcting pass with a deque (small labels to
/// the front) then only has to fix the few nodes the bush does not reach optimally, so it costs about one scan of
/// the links instead of a heap-based Dijkstra. One instance per worker.
/// Not a Dijkstra loop, so not merged with <see cref="ShortestPathTree"/>: it starts from finite labels, may
/// settle a node more than once and needs no heap.
/// </summary>
internal sealed class WarmStartShortestPaths
{
    private readonly AssignmentNetwork _network;
    private readonly int[] _deque;
    private readonly bool[] _queued;

    public WarmStartShortestPaths(AssignmentNetwork network)
    {
        _network = network;
        _deque = new int[network.NodeCount];
        _queued = new bool[network.NodeCount];
    }

    /// <summary>
    /// Improves <paramref name="distance"/> in place to exact shortest costs. Every node with a finite label must be
    /// listed in <paramref name="seeds"/> (a topological order of the warm-start structure scans fastest).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(int root, double[] distance, ReadOnlySpan<int> seeds, ReadOnlySpan<double> cost, int classIndex)
    {
        var n = _deque.Length;
        var deque = _deque;
        var queued = _queued;
        var outStart = _network.OutStart;
        var outLink = _network.OutLink;
        var head = _network.Head;
        var blocks = _network.BlocksThrough;
        var masks = _network.AllowedClasses;
        var bit = 1UL << classIndex;
        // Circular deque holding each node at most once: front index and count.
        var front = 0;
        var count = 0;
        foreach (var s in seeds)
        {
            deque[(front + count++) % n] = s;
            queued[s] = true;
        }
        while (count > 0)
        {
            var u = deque[front];
            front = front + 1 == n ? 0 : front + 1;
            count--;
            queued[u] = false;
            if (blocks[u] && u != root)
            {
                continue;
            }
            var du = distance[u];
            for (var k = outStart[u]; k < outStart[u + 1]; k++)
            {
                var a = outLink[k];
                if (masks is not null && (masks[a] & bit) == 0)
                {
                    continue;
                }
                var v = head[a];
                var dv = du + cost[a];
                if (dv >= distance[v])
                {
                    continue;
                }
                distance[v] = dv;
                if (queued[v])
                {
                    continue;
                }
                queued[v] = true;
                if (count > 0 && dv < distance[deque[front]])
                {
                    front = front == 0 ? n - 1 : front - 1;
                    deque[front] = v;
                }
                else
                {
                    deque[(front + count) % n] = v;
                }
                count++;
            }
        }
    }
}
