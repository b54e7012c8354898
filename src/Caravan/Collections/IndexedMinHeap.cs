using System.Runtime.CompilerServices;

namespace Caravan.Collections;

/// <summary>
/// A 4-ary min-heap of dense int ids in [0, capacity) keyed by double, with a position array for decrease-key:
/// the one indexed heap of the engine's searches (routing and the assignment solvers).
/// 4-ary because it halves the depth of a binary heap and keeps the children of a node in one cache line; the keys
/// are stored by heap slot, not by id, so a sift reads them contiguously. Allocated once per search or worker;
/// no operation allocates except <see cref="EnsureCapacity"/>; <see cref="Clear"/> costs O(size), not O(capacity).
/// </summary>
public sealed class IndexedMinHeap
{
    private int[] _items;
    private double[] _keys;
    private int[] _position; // -1: not in heap
    private int _count;

    /// <summary>Creates a heap for ids in [0, capacity).</summary>
    public IndexedMinHeap(int capacity)
    {
        _items = new int[Math.Max(capacity, 1)];
        _keys = new double[Math.Max(capacity, 1)];
        _position = new int[Math.Max(capacity, 1)];
        Array.Fill(_position, -1);
    }

    /// <summary>Number of ids in the heap.</summary>
    public int Count => _count;

    /// <summary>Grows the id range to [0, capacity) if needed; keeps the ids in the heap.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity <= _position.Length)
        {
            return;
        }
        Array.Resize(ref _items, capacity);
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
            _position[_items[i]] = -1;
        }
        _count = 0;
    }

    /// <summary>True when the id is in the heap.</summary>
    public bool Contains(int id) => _position[id] >= 0;

    /// <summary>Inserts an id or lowers its key; a key not lower than the one held is ignored.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void InsertOrDecrease(int id, double key)
    {
        var i = _position[id];
        if (i < 0)
        {
            i = _count++;
        }
        else if (key >= _keys[i])
        {
            return;
        }
        SiftUp(i, id, key);
    }

    /// <summary>The smallest key in the heap (the heap must not be empty).</summary>
    public double MinKey => _keys[0];

    /// <summary>Inserts an id or sets its key, up or down.</summary>
    public void Set(int id, double key)
    {
        var i = _position[id];
        if (i < 0 || key < _keys[i])
        {
            InsertOrDecrease(id, key);
            return;
        }
        SiftDown(i, id, key);
    }

    /// <summary>Removes and returns the id with the smallest key.</summary>
    public int PopMin(out double key)
    {
        var top = _items[0];
        key = _keys[0];
        _position[top] = -1;
        _count--;
        if (_count > 0)
        {
            SiftDown(0, _items[_count], _keys[_count]);
        }
        return top;
    }

    private void SiftUp(int i, int id, double key)
    {
        while (i > 0)
        {
            var parent = (i - 1) >> 2;
            if (_keys[parent] <= key)
            {
                break;
            }
            _items[i] = _items[parent];
            _keys[i] = _keys[parent];
            _position[_items[i]] = i;
            i = parent;
        }
        _items[i] = id;
        _keys[i] = key;
        _position[id] = i;
    }

    private void SiftDown(int i, int id, double key)
    {
        while (true)
        {
            var first = (i << 2) + 1;
            if (first >= _count)
            {
                break;
            }
            var best = first;
            var bestKey = _keys[first];
            var last = Math.Min(first + 4, _count);
            for (var c = first + 1; c < last; c++)
            {
                if (_keys[c] < bestKey)
                {
                    best = c;
                    bestKey = _keys[c];
                }
            }
            if (bestKey >= key)
            {
                break;
            }
            _items[i] = _items[best];
            _keys[i] = bestKey;
            _position[_items[i]] = i;
            i = best;
        }
        _items[i] = id;
        _keys[i] = key;
        _position[id] = i;
    }
}
