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
        var space = new Space(_network, cost, classIndex, source, SettleOrder);
        var labels = new Labels(Distance, PredecessorLink);
        Dijkstra.Seed(_heap, ref labels, source, 0.0);
        SettledCount = Dijkstra.Run<double, Space, Labels>(_heap, ref space, ref labels, out _);
    }

    /// <summary>The links out of a node that the class may use; a through-blocked node other than the source is a dead end.</summary>
    private ref struct Space(AssignmentNetwork network, ReadOnlySpan<double> cost, int classIndex, int source, int[] settleOrder) : IDijkstraSpace<double>
    {
        private readonly int[] _outStart = network.OutStart;
        private readonly int[] _outLink = network.OutLink;
        private readonly int[] _head = network.Head;
        private readonly bool[] _blocks = network.BlocksThrough;
        private readonly ulong[]? _masks = network.AllowedClasses;
        private readonly ulong _bit = 1UL << classIndex;
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
            if (_masks is not null && (_masks[a] & _bit) == 0)
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
