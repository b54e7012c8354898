using System.Runtime.CompilerServices;

namespace Caravan.Assignment;

/// <summary>
/// A 4-ary min-heap of dense int items keyed by double, with a position array for decrease-key.
/// 4-ary because it halves the depth of a binary heap and keeps the children of a node in one cache line.
/// Allocated once per worker; <see cref="Clear"/> is O(items in heap).
/// </summary>
internal sealed class QuadHeap
{
    private readonly int[] _items;
    private readonly double[] _keys;
    private readonly int[] _position; // -1: not in heap
    private int _count;

    public QuadHeap(int capacity)
    {
        _items = new int[Math.Max(capacity, 1)];
        _keys = new double[Math.Max(capacity, 1)];
        _position = new int[Math.Max(capacity, 1)];
        Array.Fill(_position, -1);
    }

    public int Count => _count;

    public void Clear()
    {
        for (var i = 0; i < _count; i++)
        {
            _position[_items[i]] = -1;
        }
        _count = 0;
    }

    /// <summary>Inserts <paramref name="item"/> or lowers its key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void InsertOrDecrease(int item, double key)
    {
        var i = _position[item];
        if (i < 0)
        {
            i = _count++;
        }
        SiftUp(i, item, key);
    }

    public int PopMin(out double key)
    {
        var top = _items[0];
        key = _keys[0];
        _position[top] = -1;
        _count--;
        if (_count > 0)
        {
            SiftDown(_items[_count], _keys[_count]);
        }
        return top;
    }

    private void SiftUp(int i, int item, double key)
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
        _items[i] = item;
        _keys[i] = key;
        _position[item] = i;
    }

    private void SiftDown(int item, double key)
    {
        var i = 0;
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
        _items[i] = item;
        _keys[i] = key;
        _position[item] = i;
    }
}
