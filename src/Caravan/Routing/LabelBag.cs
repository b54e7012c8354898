using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Caravan.Routing;

/// <summary>
/// The labels of one vertex × phase in <see cref="ParetoSearch"/> (or its complete paths at the target): each
/// label's index and its four criteria side by side, kept in order of one criterion, so a dominance scan reads one
/// contiguous array four criteria at a time and stops where that criterion alone decides. The comparisons are
/// <see cref="ParetoLabel.Dominates"/>'s, lane by lane, so the answers are the same; the order of a bag never
/// matters to the search (only which labels it holds).
/// </summary>
internal sealed class LabelBag
{
    // The criterion the bag is kept in (descending) order of: cost, which on a Pareto front runs against the hours
    // that order the search, so new labels mostly land at the end, and the entries that could dominate a new label
    // (cost no higher) are a short run at the end.
    private const int Key = 1;

    private int[] _index = new int[4];
    private double[] _criteria = new double[16];
    private int _hint;

    /// <summary>Number of labels in the bag.</summary>
    public int Count { get; private set; }

    public void Clear()
    {
        Count = 0;
        _hint = 0;
    }

    /// <summary>Adds a label at its place in the bag's order.</summary>
    public void Add(int index, in ParetoLabel label)
    {
        if (Count == _index.Length)
        {
            Array.Resize(ref _index, Count * 2);
            Array.Resize(ref _criteria, Count * 8);
        }
        var at = Count;
        var key = label.CostUsd;
        while (at > 0 && _criteria[((at - 1) * 4) + Key] < key)
        {
            at--;
        }
        // Shift the later entries up by hand: they are few, and Array.Copy costs more than it moves here.
        for (var i = Count; i > at; i--)
        {
            _index[i] = _index[i - 1];
            var to = i * 4;
            _criteria[to] = _criteria[to - 4];
            _criteria[to + 1] = _criteria[to - 3];
            _criteria[to + 2] = _criteria[to - 2];
            _criteria[to + 3] = _criteria[to - 1];
        }
        _index[at] = index;
        var c = at * 4;
        _criteria[c] = label.Hours;
        _criteria[c + 1] = label.CostUsd;
        _criteria[c + 2] = label.Co2eKg;
        _criteria[c + 3] = label.VarianceHours2;
        Count++;
    }

    /// <summary>
    /// True when some entry, not marked dead, dominates the label with slack ε. Only entries within the label's
    /// bound in the bag's criterion can (a run at the end); the entry that did last time is asked first.
    /// </summary>
    public bool AnyDominates(in ParetoLabel label, double epsilon, bool[]? dead)
    {
        var f = 1 + epsilon;
        var bound = Bound(label, f);
        var keyBound = bound.GetElement(Key);
        var criteria = _criteria;
        var hint = _hint;
        if (hint < Count && Vector256.LessThanOrEqualAll(Load(criteria, hint * 4), bound) && (dead is null || !dead[_index[hint]]))
        {
            return true;
        }
        for (var i = Count - 1; i >= 0 && criteria[(i * 4) + Key] <= keyBound; i--)
        {
            if (Vector256.LessThanOrEqualAll(Load(criteria, i * 4), bound) && (dead is null || !dead[_index[i]]))
            {
                _hint = i;
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Removes every entry the label dominates (ε = 0), marking it dead. Only entries with at least the label's
    /// value of the bag's criterion (less the 1e-9 slack) can be dominated: a run at the start.
    /// </summary>
    public void RemoveDominatedBy(in ParetoLabel label, bool[] dead)
    {
        var mine = Vector256.Create(label.Hours, label.CostUsd, label.Co2eKg, label.VarianceHours2);
        var slack = Vector256.Create(1e-9);
        var criteria = _criteria;
        // Entries that could be dominated come first (cost no lower than the label's, less the slack).
        var end = 0;
        while (end < Count && label.CostUsd <= (criteria[(end * 4) + Key] * 1.0) + 1e-9)
        {
            end++;
        }
        var kept = 0;
        for (var i = 0; i < end; i++)
        {
            var theirs = Load(criteria, i * 4);
            // label.Dominates(entry, 0): mine ≤ theirs × 1 + 1e-9 in every criterion.
            if (Vector256.LessThanOrEqualAll(mine, (theirs * 1.0) + slack))
            {
                dead[_index[i]] = true;
                continue;
            }
            if (kept != i)
            {
                _index[kept] = _index[i];
                theirs.CopyTo(criteria.AsSpan(kept * 4, 4));
            }
            kept++;
        }
        if (kept == end)
        {
            return; // nothing removed
        }
        for (var i = end; i < Count; i++)
        {
            _index[kept] = _index[i];
            Load(criteria, i * 4).CopyTo(criteria.AsSpan(kept * 4, 4));
            kept++;
        }
        Count = kept;
    }

    /// <summary>other × f + 1e-9 per criterion: an entry dominates the label when it is at most this everywhere.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Bound(in ParetoLabel other, double f) =>
        (Vector256.Create(other.Hours, other.CostUsd, other.Co2eKg, other.VarianceHours2) * f) + Vector256.Create(1e-9);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Load(double[] criteria, int at) => Vector256.Create(criteria.AsSpan(at, 4));
}
