using Caravan.Collections;

namespace Caravan.Routing.Hierarchy;

/// <summary>
/// Many-to-many distances on a <see cref="ContractionHierarchy"/> by buckets (Knopp et al. 2007): an upward
/// search backwards from every target leaves (target, distance) in a bucket at each vertex it reaches; an upward
/// search from every source then meets them. Costs the targets' and sources' search spaces, not the graph, so it
/// suits a matrix of a few hundred places on a large graph, where <see cref="PhastSearch"/> sweeps the whole graph
/// per row. One instance per thread; the search arrays are allocated once, the buckets per call.
/// </summary>
public sealed class BucketManyToMany
{
    private readonly ContractionHierarchy _hierarchy;
    private readonly ulong[] _distance;
    private readonly int[] _stamp;
    private readonly IndexedMinHeap _heap;
    private int _current;

    /// <summary>Creates a search over a hierarchy.</summary>
    public BucketManyToMany(ContractionHierarchy hierarchy)
    {
        _hierarchy = hierarchy;
        _distance = new ulong[hierarchy.VertexCount];
        _stamp = new int[hierarchy.VertexCount];
        _heap = new IndexedMinHeap(hierarchy.VertexCount);
    }

    /// <summary>
    /// Distances from each source to each target (original ids), row by row; <see cref="PhastSearch.Unreachable"/>
    /// where no path exists.
    /// </summary>
    public ulong[] Run(ReadOnlySpan<int> sources, ReadOnlySpan<int> targets)
    {
        var n = _hierarchy.VertexCount;
        var position = _hierarchy.Position;
        // Backward searches: entries (vertex, target, distance), then grouped by vertex into buckets.
        var entryVertex = new List<int>();
        var entryTarget = new List<int>();
        var entryDistance = new List<ulong>();
        for (var j = 0; j < targets.Length; j++)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)targets[j], (uint)n, nameof(targets));
            var count = Upward(_hierarchy.DownIn, position[targets[j]]);
            for (var k = 0; k < count; k++)
            {
                var v = _settledOrder[k];
                entryVertex.Add(v);
                entryTarget.Add(j);
                entryDistance.Add(_distance[v]);
            }
        }
        var bucketFirst = new int[n + 1];
        foreach (var v in entryVertex)
        {
            bucketFirst[v + 1]++;
        }
        for (var v = 0; v < n; v++)
        {
            bucketFirst[v + 1] += bucketFirst[v];
        }
        var next = (int[])bucketFirst.Clone();
        var bucketTarget = new int[entryVertex.Count];
        var bucketDistance = new ulong[entryVertex.Count];
        for (var e = 0; e < entryVertex.Count; e++)
        {
            var slot = next[entryVertex[e]]++;
            bucketTarget[slot] = entryTarget[e];
            bucketDistance[slot] = entryDistance[e];
        }
        var matrix = new ulong[sources.Length * targets.Length];
        Array.Fill(matrix, PhastSearch.Unreachable);
        for (var i = 0; i < sources.Length; i++)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)sources[i], (uint)n, nameof(sources));
            var count = Upward(_hierarchy.Up, position[sources[i]]);
            var row = i * targets.Length;
            for (var k = 0; k < count; k++)
            {
                var v = _settledOrder[k];
                var dv = _distance[v];
                for (var b = bucketFirst[v]; b < bucketFirst[v + 1]; b++)
                {
                    var d = dv + bucketDistance[b];
                    ref var cell = ref matrix[row + bucketTarget[b]];
                    if (d < cell)
                    {
                        cell = d;
                    }
                }
            }
        }
        return matrix;
    }

    private int[] _settledOrder = new int[64];

    /// <summary>Dijkstra over an upward graph from a position; returns how many vertices it settled, in <see cref="_settledOrder"/>.</summary>
    private int Upward(CompactGraph up, int start)
    {
        if (_current == int.MaxValue)
        {
            Array.Clear(_stamp);
            _current = 0;
        }
        var current = ++_current;
        var first = up.FirstOut;
        var head = up.Head;
        var weight = up.Weight;
        _distance[start] = 0;
        _stamp[start] = current;
        _heap.InsertOrDecrease(start, 0);
        var settled = 0;
        while (_heap.Count > 0)
        {
            var v = _heap.PopMin(out _);
            if (settled == _settledOrder.Length)
            {
                Array.Resize(ref _settledOrder, settled * 2);
            }
            _settledOrder[settled++] = v;
            var dv = _distance[v];
            for (var a = first[v]; a < first[v + 1]; a++)
            {
                var h = head[a];
                var d = dv + weight[a];
                if (_stamp[h] != current)
                {
                    _stamp[h] = current;
                    _distance[h] = d;
                    _heap.InsertOrDecrease(h, d);
                }
                else if (d < _distance[h])
                {
                    _distance[h] = d;
                    _heap.InsertOrDecrease(h, d);
                }
            }
        }
        return settled;
    }
}
