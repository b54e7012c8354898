using System.Runtime.CompilerServices;
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
    /// Stamped one-to-all Dijkstra over a compact graph (this search's, and PHAST's upward search on the hierarchy's
    /// upward graph), run by the engine's one loop (<see cref="Dijkstra"/>): a vertex whose stamp is not
    /// <paramref name="current"/> is unreached. Returns the vertices settled.
    /// </summary>
    internal static int Settle(CompactGraph graph, int source, ulong[] distance, int[] stamp, int current, IndexedMinHeap heap)
    {
        var space = new Arcs(graph);
        var labels = new StampedDistances<ulong>(distance, stamp, current);
        Dijkstra.Seed(heap, ref labels, source, 0UL);
        return Dijkstra.Run<ulong, Arcs, StampedDistances<ulong>>(heap, ref space, ref labels, out _);
    }

    /// <summary>Every arc of a compact graph, with its 32-bit weight.</summary>
    private readonly struct Arcs(CompactGraph graph) : IDijkstraSpace<ulong>
    {
        private readonly int[] _firstOut = graph.FirstOut;
        private readonly int[] _head = graph.Head;
        private readonly uint[] _weight = graph.Weight;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public SettleStep Settle(int state, out int firstArc, out int endArc)
        {
            firstArc = _firstOut[state];
            endArc = _firstOut[state + 1];
            return SettleStep.Expand;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryArc(int arc, out int head, out ulong length, out int edge)
        {
            head = _head[arc];
            length = _weight[arc];
            edge = arc;
            return true;
        }
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
