using Caravan.Collections;

namespace Caravan.Routing.Hierarchy;

/// <summary>
/// Dijkstra from one vertex to every vertex of a <see cref="CompactGraph"/> on the engine's 4-ary
/// <see cref="IndexedMinHeap"/>. Distances are valid only where the visit stamp matches the current search, so a
/// new search costs nothing in proportion to the graph (RoutingKit's timestamp flags); the arrays are allocated once.
/// One instance per thread.
/// </summary>
public sealed class OneToAllDijkstra
{
    /// <summary>The distance of a vertex no path reaches.</summary>
    public const ulong Unreachable = ulong.MaxValue;

    private readonly CompactGraph _graph;
    private readonly ulong[] _distance;
    private readonly int[] _stamp;
    private readonly IndexedMinHeap _heap;
    private int _current;

    /// <summary>Creates a search over a graph.</summary>
    public OneToAllDijkstra(CompactGraph graph)
    {
        _graph = graph;
        _distance = new ulong[graph.VertexCount];
        _stamp = new int[graph.VertexCount];
        _heap = new IndexedMinHeap(graph.VertexCount);
    }

    /// <summary>Number of vertices settled by the last search.</summary>
    public int Settled { get; private set; }

    /// <summary>Runs the search from a source vertex over the whole graph.</summary>
    public void Run(int source)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)source, (uint)_graph.VertexCount, nameof(source));
        NextStamp();
        Settled = Settle(_graph, source, _distance, _stamp, _current, _heap);
    }

    /// <summary>
    /// The one stamped Dijkstra loop over a compact graph (this search's, and PHAST's upward search on the hierarchy's
    /// upward graph): a vertex whose stamp is not <paramref name="current"/> is unreached. Returns the vertices settled.
    /// </summary>
    internal static int Settle(CompactGraph graph, int source, ulong[] distance, int[] stamp, int current, IndexedMinHeap heap)
    {
        var firstOut = graph.FirstOut;
        var head = graph.Head;
        var weight = graph.Weight;
        var settled = 0;
        distance[source] = 0;
        stamp[source] = current;
        heap.InsertOrDecrease(source, 0);
        while (heap.Count > 0)
        {
            var v = heap.PopMin(out _);
            settled++;
            var dv = distance[v];
            var end = firstOut[v + 1];
            for (var a = firstOut[v]; a < end; a++)
            {
                var h = head[a];
                var d = dv + weight[a];
                if (stamp[h] != current)
                {
                    stamp[h] = current;
                    distance[h] = d;
                    heap.InsertOrDecrease(h, d);
                }
                else if (d < distance[h])
                {
                    distance[h] = d;
                    heap.InsertOrDecrease(h, d);
                }
            }
        }
        return settled;
    }

    /// <summary>The distance of a vertex from the last search's source, or <see cref="Unreachable"/>.</summary>
    public ulong Distance(int vertex) => _stamp[vertex] == _current ? _distance[vertex] : Unreachable;

    private void NextStamp()
    {
        if (_current == int.MaxValue)
        {
            Array.Clear(_stamp);
            _current = 0;
        }
        _current++;
    }
}
