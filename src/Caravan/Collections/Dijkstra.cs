using System.Numerics;
using System.Runtime.CompilerServices;

namespace Caravan.Collections;

/// <summary>What the loop of <see cref="Dijkstra"/> does with a state it has just settled.</summary>
public enum SettleStep
{
    /// <summary>Relax the state's arcs.</summary>
    Expand,
    /// <summary>Keep the state settled but do not leave it (a zone no path may pass through).</summary>
    Skip,
    /// <summary>End the search here (the destination is settled).</summary>
    Stop,
}

/// <summary>
/// The state space a <see cref="Dijkstra"/> search walks: what happens when a state is settled, and which arcs leave
/// it, filtered and weighted. Implemented by small structs so the loop is compiled once per space and every call is
/// inlined.
/// </summary>
/// <typeparam name="TDistance">The type of path lengths (double costs, or 64-bit integer sums).</typeparam>
public interface IDijkstraSpace<TDistance>
{
    /// <summary>
    /// A state has been settled: whether to expand it, skip it or stop; when expanding, the range
    /// [<paramref name="firstArc"/>, <paramref name="endArc"/>) of arc indices to offer to <see cref="TryArc"/>.
    /// A space may remember what it decoded from the state for the arcs that follow.
    /// </summary>
    SettleStep Settle(int state, out int firstArc, out int endArc);

    /// <summary>
    /// One arc of the state last settled: false when the search may not take it; else the state it leads to, its
    /// length, and the edge to record as the head's parent.
    /// </summary>
    bool TryArc(int arc, out int head, out TDistance length, out int edge);
}

/// <summary>The labels of a <see cref="Dijkstra"/> search: tentative distances and the parents that reach them.</summary>
/// <typeparam name="TDistance">The type of path lengths.</typeparam>
public interface IDijkstraLabels<TDistance>
{
    /// <summary>The final distance of a state just settled, given its heap key.</summary>
    TDistance Settled(int state, double key);

    /// <summary>Offers a path to a state: true when it is shorter than the state's label, which then records it.</summary>
    bool Improve(int state, TDistance distance, int edge, int parent);
}

/// <summary>
/// The one Dijkstra loop of the engine, on the one heap (<see cref="IndexedMinHeap"/>): the routing searches
/// (product state space, several origins, stop at the destination), the assignment shortest-path trees (class masks,
/// through-blocked zones, settle order) and the one-to-all search of compact graphs (and PHAST's upward search) all
/// run here. What differs between them is a struct space and a struct label set given as type parameters, so the JIT
/// compiles one copy of the loop per pair with every call inlined: no delegate, no virtual call, no allocation.
/// </summary>
public static class Dijkstra
{
    /// <summary>Starts a path at a state (an origin) with a distance, if that improves its label.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Seed<TDistance, TLabels>(IndexedMinHeap heap, ref TLabels labels, int state, TDistance distance)
        where TDistance : struct, INumber<TDistance>
        where TLabels : struct, IDijkstraLabels<TDistance>, allows ref struct
    {
        if (labels.Improve(state, distance, -1, -1))
        {
            heap.InsertOrDecrease(state, double.CreateTruncating(distance));
        }
    }

    /// <summary>
    /// Settles states in order of distance until the heap is empty or the space says stop; the heap is empty on
    /// return. Returns the number of states settled (the stopping one included) and, in
    /// <paramref name="stoppedAt"/>, the state the space stopped at, or -1.
    /// </summary>
    public static int Run<TDistance, TSpace, TLabels>(IndexedMinHeap heap, ref TSpace space, ref TLabels labels, out int stoppedAt)
        where TDistance : struct, INumber<TDistance>
        where TSpace : struct, IDijkstraSpace<TDistance>, allows ref struct
        where TLabels : struct, IDijkstraLabels<TDistance>, allows ref struct
    {
        // Local copies: the JIT keeps a struct local's fields in registers, not a struct reached by reference.
        var s = space;
        var l = labels;
        var settled = 0;
        stoppedAt = -1;
        while (heap.Count > 0)
        {
            var state = heap.PopMin(out var key);
            settled++;
            var step = s.Settle(state, out var first, out var end);
            if (step != SettleStep.Expand)
            {
                if (step == SettleStep.Stop)
                {
                    stoppedAt = state;
                    heap.Clear();
                    break;
                }
                continue;
            }
            var du = l.Settled(state, key);
            for (var arc = first; arc < end; arc++)
            {
                if (s.TryArc(arc, out var head, out var length, out var edge))
                {
                    var d = du + length;
                    if (l.Improve(head, d, edge, state))
                    {
                        heap.InsertOrDecrease(head, double.CreateTruncating(d));
                    }
                }
            }
        }
        space = s;
        labels = l;
        return settled;
    }
}

/// <summary>
/// Distances valid only where a state's stamp is the current search's, so a new search costs nothing in proportion
/// to the state count (RoutingKit's timestamp flags); no parents. The labels of the one-to-all searches.
/// </summary>
/// <typeparam name="TDistance">The type of path lengths.</typeparam>
public readonly struct StampedDistances<TDistance>(TDistance[] distance, int[] stamp, int current) : IDijkstraLabels<TDistance>
    where TDistance : struct, INumber<TDistance>
{
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TDistance Settled(int state, double key) => distance[state];

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Improve(int state, TDistance d, int edge, int parent)
    {
        if (stamp[state] != current)
        {
            stamp[state] = current;
            distance[state] = d;
            return true;
        }
        if (d < distance[state])
        {
            distance[state] = d;
            return true;
        }
        return false;
    }
}
