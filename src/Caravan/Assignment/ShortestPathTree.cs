using System.Runtime.CompilerServices;
using Caravan.Collections;

namespace Caravan.Assignment;

/// <summary>
/// Dijkstra from one node over link costs, honouring the class mask and through-blocking nodes, recording the settle
/// order the solvers walk backwards. The loop is the engine's one Dijkstra (<see cref="Dijkstra"/>); this class
/// gives it the assignment network's arcs (a forward star of link ids, filtered by class) and plain labels
/// (distance and predecessor link per node). One instance per worker thread: all arrays are allocated once and reused
/// for every origin.
/// </summary>
internal sealed class ShortestPathTree
{
    private readonly AssignmentNetwork _network;
    private readonly IndexedMinHeap _heap;

    public ShortestPathTree(AssignmentNetwork network)
    {
        _network = network;
        _heap = new IndexedMinHeap(network.NodeCount);
        Distance = new double[network.NodeCount];
        PredecessorLink = new int[network.NodeCount];
        SettleOrder = new int[network.NodeCount];
    }

    /// <summary>Shortest cost from the last source per node; +∞ if unreachable.</summary>
    public double[] Distance { get; }
    /// <summary>Link into each node on its shortest path; -1 for the source and unreachable nodes.</summary>
    public int[] PredecessorLink { get; }
    /// <summary>Nodes in the order they were settled (non-decreasing distance); the first <see cref="SettledCount"/> are valid.</summary>
    public int[] SettleOrder { get; }
    /// <summary>Number of settled (reachable) nodes.</summary>
    public int SettledCount { get; private set; }

    /// <summary>Runs Dijkstra from <paramref name="source"/> with <paramref name="cost"/> for class <paramref name="classIndex"/>.</summary>
    public void Run(int source, ReadOnlySpan<double> cost, int classIndex)
    {
        Array.Fill(Distance, double.PositiveInfinity);
        Array.Fill(PredecessorLink, -1);
        var labels = new Labels(Distance, PredecessorLink);
        Dijkstra.Seed(_heap, ref labels, source, 0.0);
        // A network without class masks gets a space without the mask test: one load and branch less per arc.
        if (_network.AllowedClasses is { } masks)
        {
            var space = new Space<ClassMask>(_network, cost, source, SettleOrder, new ClassMask(masks, 1UL << classIndex));
            SettledCount = Dijkstra.Run<double, Space<ClassMask>, Labels>(_heap, ref space, ref labels, out _);
        }
        else
        {
            var space = new Space<AllClasses>(_network, cost, source, SettleOrder, default);
            SettledCount = Dijkstra.Run<double, Space<AllClasses>, Labels>(_heap, ref space, ref labels, out _);
        }
    }

    private interface IClassFilter
    {
        bool Allows(int link);
    }

    private readonly struct AllClasses : IClassFilter
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Allows(int link) => true;
    }

    private readonly struct ClassMask(ulong[] masks, ulong bit) : IClassFilter
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Allows(int link) => (masks[link] & bit) != 0;
    }

    /// <summary>The links out of a node that the class may use; a through-blocked node other than the source is a dead end.</summary>
    private ref struct Space<TFilter>(AssignmentNetwork network, ReadOnlySpan<double> cost, int source, int[] settleOrder, TFilter filter) : IDijkstraSpace<double>
        where TFilter : struct, IClassFilter
    {
        private readonly int[] _outStart = network.OutStart;
        private readonly int[] _outLink = network.OutLink;
        private readonly int[] _head = network.Head;
        private readonly bool[] _blocks = network.BlocksThrough;
        private readonly ReadOnlySpan<double> _cost = cost;
        private int _settled;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public SettleStep Settle(int state, out int firstArc, out int endArc)
        {
            settleOrder[_settled++] = state;
            firstArc = _outStart[state];
            endArc = _outStart[state + 1];
            return _blocks[state] && state != source ? SettleStep.Skip : SettleStep.Expand;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly bool TryArc(int arc, out int head, out double length, out int edge)
        {
            var a = _outLink[arc];
            edge = a;
            if (!filter.Allows(a))
            {
                head = 0;
                length = 0;
                return false;
            }
            head = _head[a];
            length = _cost[a];
            return true;
        }
    }

    /// <summary>Distance and predecessor link per node, reset to +∞ and -1 before each run.</summary>
    private readonly struct Labels(double[] distance, int[] predecessorLink) : IDijkstraLabels<double>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Settled(int state, double key) => key;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Improve(int state, double d, int edge, int parent)
        {
            if (d < distance[state])
            {
                distance[state] = d;
                predecessorLink[state] = edge;
                return true;
            }
            return false;
        }
    }
}
