namespace Caravan.Web.Protection;

/// <summary>
/// A thread-safe least-recently-used cache holding at most <see cref="Capacity"/> entries, for documents computed
/// from request parameters: however many distinct requests arrive, memory stays bounded by the capacity times
/// the largest document. A miss builds outside the lock (two racing misses may both build; one result is kept).
/// </summary>
/// <typeparam name="TKey">Key, already normalised by the caller (e.g. a canonical set).</typeparam>
/// <typeparam name="TValue">Cached value.</typeparam>
public sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _index;
    private readonly LinkedList<(TKey Key, TValue Value)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>Creates an empty cache.</summary>
    /// <param name="capacity">Most entries kept (1 or more).</param>
    /// <param name="comparer">Key comparer (default: the type's own equality).</param>
    public BoundedCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _index = new Dictionary<TKey, LinkedListNode<(TKey, TValue)>>(comparer);
    }

    /// <summary>Most entries kept; the least recently used one is dropped to make room.</summary>
    public int Capacity { get; }

    /// <summary>Entries held now (never more than <see cref="Capacity"/>).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _index.Count;
            }
        }
    }

    /// <summary>The cached value of <paramref name="key"/>, if held (it becomes the most recently used).</summary>
    public bool TryGet(TKey key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value)
    {
        lock (_lock)
        {
            if (_index.TryGetValue(key, out var hit))
            {
                _order.Remove(hit);
                _order.AddFirst(hit);
                value = hit.Value.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>
    /// Keeps <paramref name="value"/> under <paramref name="key"/>, dropping the least recently used entries beyond
    /// the capacity; when the key is already held (two racing misses), that value wins and is returned.
    /// </summary>
    /// <returns>The value now held under the key.</returns>
    public TValue Add(TKey key, TValue value)
    {
        lock (_lock)
        {
            if (_index.TryGetValue(key, out var raced))
            {
                return raced.Value.Value;
            }
            _index[key] = _order.AddFirst((key, value));
            while (_index.Count > Capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _index.Remove(last.Value.Key);
            }
        }
        return value;
    }

    /// <summary>The cached value of <paramref name="key"/>, building and keeping it on a miss.</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> build) =>
        TryGet(key, out var hit) ? hit : Add(key, build(key));
}
