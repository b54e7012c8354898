using Caravan.Collections;

namespace Caravan.Routing.Hierarchy;

/// <summary>
/// One-to-all distances on a <see cref="ContractionHierarchy"/> by PHAST (Delling et al. 2011): a Dijkstra upward
/// from the source, then one sweep over every vertex from the highest rank down, each taking the best of its
/// arcs from higher vertices. The sweep reads the hierarchy's arrays in order, which is why it beats a Dijkstra on
/// the same graph. Rows of a many-to-many matrix are one sweep each. One instance per thread; arrays allocated once.
/// </summary>
public sealed class PhastSearch
{
    /// <summary>The distance of a vertex no path reaches.</summary>
    public const ulong Unreachable = ulong.MaxValue / 4;

    private readonly ContractionHierarchy _hierarchy;
    private readonly ulong[] _distance; // by position
    private readonly int[] _stamp;
    private readonly IndexedMinHeap _heap;
    private int _current;

    /// <summary>Creates a search over a hierarchy.</summary>
    public PhastSearch(ContractionHierarchy hierarchy)
    {
        _hierarchy = hierarchy;
        _distance = new ulong[hierarchy.VertexCount];
        _stamp = new int[hierarchy.VertexCount];
        _heap = new IndexedMinHeap(hierarchy.VertexCount);
    }

    /// <summary>Computes the distance from a source (an original vertex id) to every vertex.</summary>
    public void Run(int source)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)source, (uint)_hierarchy.VertexCount, nameof(source));
        if (_current == int.MaxValue)
        {
            Array.Clear(_stamp);
            _current = 0;
        }
        var current = ++_current;
        var distance = _distance;
        var stamp = _stamp;
        var s = _hierarchy.Position[source];
        OneToAllDijkstra.Settle(_hierarchy.Up, s, distance, stamp, current, _heap);
        // Downward sweep: positions ascend as ranks descend, so every higher vertex is final before it is read.
        var down = _hierarchy.DownIn;
        var downFirst = down.FirstOut;
        var downHigher = down.Head;
        var downWeight = down.Weight;
        var n = distance.Length;
        var next = downFirst[0];
        for (var p = 0; p < n; p++)
        {
            var best = stamp[p] == current ? distance[p] : Unreachable;
            var end = downFirst[p + 1];
            for (var a = next; a < end; a++)
            {
                var d = distance[downHigher[a]] + downWeight[a];
                if (d < best)
                {
                    best = d;
                }
            }
            next = end;
            distance[p] = best;
        }
    }

    /// <summary>The distance from the last source to a vertex (original id), or <see cref="Unreachable"/>.</summary>
    public ulong Distance(int vertex) => _distance[_hierarchy.Position[vertex]];

    /// <summary>
    /// Distances from each source to each target (original ids), row by row, one sweep per source;
    /// <see cref="Unreachable"/> where no path exists.
    /// </summary>
    public ulong[] ManyToMany(ReadOnlySpan<int> sources, ReadOnlySpan<int> targets)
    {
        var matrix = new ulong[sources.Length * targets.Length];
        var position = _hierarchy.Position;
        for (var i = 0; i < sources.Length; i++)
        {
            Run(sources[i]);
            var row = i * targets.Length;
            for (var j = 0; j < targets.Length; j++)
            {
                matrix[row + j] = _distance[position[targets[j]]];
            }
        }
        return matrix;
    }
}
