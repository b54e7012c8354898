namespace Caravan.Routing;

/// <summary>
/// A 4-ary min-heap over dense int ids with a position array, so decrease-key is O(log n) and no allocation happens
/// during a search. Reusable: <see cref="Clear"/> costs O(size), not O(capacity).
/// </summary>
public sealed class IndexedMinHeap
{
    private int[] _heap;
    private double[] _keys;
    private int[] _position;
    private int _count;

    /// <summary>Creates a heap for ids in [0, capacity).</summary>
    public IndexedMinHeap(int capacity)
    {
        _heap = new int[Math.Max(1, capacity)];
        _keys = new double[Math.Max(1, capacity)];
        _position = new int[Math.Max(1, capacity)];
        Array.Fill(_position, -1);
    }

    /// <summary>Number of ids in the heap.</summary>
    public int Count => _count;

    /// <summary>Grows the id range if needed.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity <= _position.Length)
        {
            return;
        }
        Array.Resize(ref _heap, capacity);
        Array.Resize(ref _keys, capacity);
        var old = _position.Length;
        Array.Resize(ref _position, capacity);
        Array.Fill(_position, -1, old, capacity - old);
    }

    /// <summary>Removes every id.</summary>
    public void Clear()
    {
        for (var i = 0; i < _count; i++)
        {
            _position[_heap[i]] = -1;
        }
        _count = 0;
    }

    /// <summary>True when the id is in the heap.</summary>
    public bool Contains(int id) => _position[id] >= 0;

    /// <summary>Inserts an id or lowers its key; a higher key is ignored.</summary>
    public void InsertOrDecrease(int id, double key)
    {
        var pos = _position[id];
        if (pos < 0)
        {
            pos = _count++;
            _heap[pos] = id;
            _position[id] = pos;
            _keys[id] = key;
            SiftUp(pos);
        }
        else if (key < _keys[id])
        {
            _keys[id] = key;
            SiftUp(pos);
        }
    }

    /// <summary>Removes and returns the id with the smallest key.</summary>
    public int PopMin(out double key)
    {
        var top = _heap[0];
        key = _keys[top];
        _position[top] = -1;
        _count--;
        if (_count > 0)
        {
            var last = _heap[_count];
            _heap[0] = last;
            _position[last] = 0;
            SiftDown(0);
        }
        return top;
    }

    private void SiftUp(int pos)
    {
        var id = _heap[pos];
        var key = _keys[id];
        while (pos > 0)
        {
            var parent = (pos - 1) >> 2;
            var pid = _heap[parent];
            if (_keys[pid] <= key)
            {
                break;
            }
            _heap[pos] = pid;
            _position[pid] = pos;
            pos = parent;
        }
        _heap[pos] = id;
        _position[id] = pos;
    }

    private void SiftDown(int pos)
    {
        var id = _heap[pos];
        var key = _keys[id];
        while (true)
        {
            var first = (pos << 2) + 1;
            if (first >= _count)
            {
                break;
            }
            var best = first;
            var bestKey = _keys[_heap[first]];
            var end = Math.Min(first + 4, _count);
            for (var c = first + 1; c < end; c++)
            {
                var k = _keys[_heap[c]];
                if (k < bestKey)
                {
                    best = c;
                    bestKey = k;
                }
            }
            if (bestKey >= key)
            {
                break;
            }
            var bid = _heap[best];
            _heap[pos] = bid;
            _position[bid] = pos;
            pos = best;
        }
        _heap[pos] = id;
        _position[id] = pos;
    }
}
