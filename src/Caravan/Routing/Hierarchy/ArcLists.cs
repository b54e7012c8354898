namespace Caravan.Routing.Hierarchy;

/// <summary>
/// Growable per-vertex arc lists in two shared arrays (an arena): each vertex owns one segment, moved to the end with
/// twice the room when it fills, so the contraction's changing graph costs no object per vertex or arc.
/// Used by <see cref="ContractionHierarchy"/> while it builds.
/// </summary>
internal sealed class ArcLists
{
    private readonly int[] _start;
    private readonly int[] _count;
    private readonly int[] _capacity;
    private int[] _other;
    private uint[] _weight;
    private int[] _hops;
    private int _used;

    public ArcLists(int vertexCount, int arcCapacity)
    {
        _start = new int[vertexCount];
        _count = new int[vertexCount];
        _capacity = new int[vertexCount];
        _other = new int[Math.Max(arcCapacity, 16)];
        _weight = new uint[_other.Length];
        _hops = new int[_other.Length];
    }

    public int Count(int v) => _count[v];

    public int Other(int v, int i) => _other[_start[v] + i];

    public uint Weight(int v, int i) => _weight[_start[v] + i];

    /// <summary>Original arcs the arc stands for (1 for an arc of the graph, more for a shortcut).</summary>
    public int Hops(int v, int i) => _hops[_start[v] + i];

    /// <summary>The arena slots of v's list: <c>Start(v) .. Start(v)+Count(v)-1</c> in <see cref="Others"/>, <see cref="Weights"/>.</summary>
    public int Start(int v) => _start[v];

    /// <summary>The arena's other-end array (valid until the next <see cref="Add"/>).</summary>
    public int[] Others => _other;

    /// <summary>The arena's weight array (valid until the next <see cref="Add"/>).</summary>
    public uint[] Weights => _weight;

    /// <summary>Index of the arc to <paramref name="other"/> in v's list, or -1.</summary>
    public int IndexOf(int v, int other)
    {
        var s = _start[v];
        var e = s + _count[v];
        for (var i = s; i < e; i++)
        {
            if (_other[i] == other)
            {
                return i - s;
            }
        }
        return -1;
    }

    public void SetWeight(int v, int i, uint weight, int hops)
    {
        _weight[_start[v] + i] = weight;
        _hops[_start[v] + i] = hops;
    }

    public void Add(int v, int other, uint weight, int hops)
    {
        if (_count[v] == _capacity[v])
        {
            Grow(v);
        }
        var slot = _start[v] + _count[v]++;
        _other[slot] = other;
        _weight[slot] = weight;
        _hops[slot] = hops;
    }

    /// <summary>Removes the arc to <paramref name="other"/> if present (order within the list is not kept).</summary>
    public void Remove(int v, int other)
    {
        var i = IndexOf(v, other);
        if (i < 0)
        {
            return;
        }
        var s = _start[v];
        var last = s + --_count[v];
        _other[s + i] = _other[last];
        _weight[s + i] = _weight[last];
        _hops[s + i] = _hops[last];
    }

    /// <summary>Drops v's list (after v is contracted).</summary>
    public void Clear(int v) => _count[v] = 0;

    private void Grow(int v)
    {
        var capacity = Math.Max(4, _capacity[v] * 2);
        if (_used + capacity > _other.Length)
        {
            var size = (int)Math.Min(Array.MaxLength, Math.Max((long)_other.Length * 3 / 2, (long)_used + capacity));
            Array.Resize(ref _other, size);
            Array.Resize(ref _weight, size);
            Array.Resize(ref _hops, size);
        }
        Array.Copy(_other, _start[v], _other, _used, _count[v]);
        Array.Copy(_weight, _start[v], _weight, _used, _count[v]);
        Array.Copy(_hops, _start[v], _hops, _used, _count[v]);
        _start[v] = _used;
        _capacity[v] = capacity;
        _used += capacity;
    }
}
