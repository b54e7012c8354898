namespace Caravan.Assignment;

/// <summary>A pair of alternative segments: two link-disjoint segments from a diverge node to <see cref="Merge"/>, link lists in travel order.</summary>
/// <param name="First">The segment whose link list sorts first.</param>
/// <param name="Second">The other segment.</param>
/// <param name="Merge">Node where both end.</param>
internal sealed record PairedSegments(int[] First, int[] Second, int Merge);

/// <summary>
/// Reads the pairs of alternative segments off origin link flows (the PAS of Bar-Gera 2010, found after the fact
/// instead of while solving): at each node where an origin has two used in-links or more, its largest-flow in-link
/// against each other used one, each traced back along the origin's largest-flow in-links to the first node the two
/// traces share. The same is done on the total flow of all origins, which shows the pairs on which every origin uses
/// one segment only. Pairs are kept once, however many flows show them, in the order first found.
/// </summary>
internal sealed class PairedSegmentFinder
{
    private readonly AssignmentNetwork _network;
    private readonly double _epsilon;
    private readonly int[] _best;
    private readonly int[] _usedIn;
    private readonly int[] _markStamp;
    private readonly int[] _markPosition;
    private readonly int[] _secondStamp;
    private readonly List<int> _firstTrace = [];
    private readonly List<int> _secondTrace = [];
    private readonly Dictionary<int[], int> _index = new(SequenceComparer.Instance);
    private readonly List<PairedSegments> _pairs = [];
    private int _stamp;
    private int _secondRun;

    public PairedSegmentFinder(AssignmentNetwork network, double epsilon)
    {
        _network = network;
        _epsilon = epsilon;
        _best = new int[network.NodeCount];
        _usedIn = new int[network.NodeCount];
        _markStamp = new int[network.NodeCount];
        _markPosition = new int[network.NodeCount];
        _secondStamp = new int[network.NodeCount];
    }

    /// <summary>The pairs found so far.</summary>
    public IReadOnlyList<PairedSegments> Pairs => _pairs;

    /// <summary>
    /// Adds the pairs some flows show: one origin's (<paramref name="origin"/> ≥ 0), or the total of all origins
    /// (<paramref name="origin"/> = -1), which also shows the pairs where each origin uses only one segment.
    /// </summary>
    /// <exception cref="ArgumentException">One origin's used links form a cycle (a total may have cycles: such traces are skipped).</exception>
    public void Add(double[] flow, int origin)
    {
        var head = _network.Head;
        Array.Fill(_best, -1);
        Array.Clear(_usedIn);
        for (var a = 0; a < flow.Length; a++)
        {
            if (flow[a] <= _epsilon)
            {
                continue;
            }
            var n = head[a];
            _usedIn[n]++;
            // Strictly larger: ties go to the lower link id, so the traces do not depend on anything but the flows.
            if (_best[n] < 0 || flow[a] > flow[_best[n]])
            {
                _best[n] = a;
            }
        }
        for (var n = 0; n < _network.NodeCount; n++)
        {
            if (_usedIn[n] < 2)
            {
                continue;
            }
            var traced = false;
            for (var k = _network.InStart[n]; k < _network.InStart[n + 1]; k++)
            {
                var b = _network.InLink[k];
                if (b == _best[n] || flow[b] <= _epsilon)
                {
                    continue;
                }
                if (!traced)
                {
                    if (!TraceFirst(n, origin))
                    {
                        break;
                    }
                    traced = true;
                }
                TraceSecondAndKeep(n, b, origin);
            }
        }
    }

    /// <summary>Marks the nodes on the largest-flow trace back from merge node <paramref name="merge"/>; false when it runs into a cycle of a total.</summary>
    private bool TraceFirst(int merge, int origin)
    {
        var tail = _network.Tail;
        _stamp++;
        _firstTrace.Clear();
        _markStamp[merge] = _stamp;
        _markPosition[merge] = -1;
        var link = _best[merge];
        while (link >= 0)
        {
            var v = tail[link];
            if (_markStamp[v] == _stamp)
            {
                return Cycle(origin, v);
            }
            _firstTrace.Add(link);
            _markStamp[v] = _stamp;
            _markPosition[v] = _firstTrace.Count - 1;
            link = _best[v];
        }
        return true;
    }

    /// <summary>A cycle is an error in one origin's flows (they come from an acyclic bush) and a skipped trace in a total.</summary>
    private static bool Cycle(int origin, int node) => origin < 0
        ? false
        : throw new ArgumentException($"origin {origin + 1}: its used links form a cycle through node {node + 1}");

    private void TraceSecondAndKeep(int merge, int link, int origin)
    {
        var tail = _network.Tail;
        _secondTrace.Clear();
        _secondRun++; // Its own counter: several second traces share one first trace.
        while (true)
        {
            _secondTrace.Add(link);
            var v = tail[link];
            if (_markStamp[v] == _stamp)
            {
                if (v == merge)
                {
                    Cycle(origin, v);
                    return;
                }
                Keep(_markPosition[v], merge);
                return;
            }
            if (_secondStamp[v] == _secondRun)
            {
                Cycle(origin, v);
                return;
            }
            _secondStamp[v] = _secondRun;
            link = _best[v];
            if (link < 0)
            {
                return; // Reached a node with no used in-link off the first trace: flows from more than one root, no common diverge node.
            }
        }
    }

    /// <summary>Keeps the pair of the first trace's links 0..<paramref name="lastFirst"/> and the whole second trace, both reversed into travel order.</summary>
    private void Keep(int lastFirst, int merge)
    {
        var first = new int[lastFirst + 1];
        for (var i = 0; i <= lastFirst; i++)
        {
            first[i] = _firstTrace[lastFirst - i];
        }
        var second = new int[_secondTrace.Count];
        for (var i = 0; i < second.Length; i++)
        {
            second[i] = _secondTrace[second.Length - 1 - i];
        }
        if (SequenceComparer.Compare(second, first) < 0)
        {
            (first, second) = (second, first);
        }
        var key = new int[first.Length + 1 + second.Length];
        first.CopyTo(key, 0);
        key[first.Length] = -1;
        second.CopyTo(key, first.Length + 1);
        if (_index.TryAdd(key, _pairs.Count))
        {
            _pairs.Add(new PairedSegments(first, second, merge));
        }
    }

    /// <summary>Equality and order of link lists by their elements.</summary>
    private sealed class SequenceComparer : IEqualityComparer<int[]>
    {
        public static readonly SequenceComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = new HashCode();
            foreach (var v in obj)
            {
                hash.Add(v);
            }
            return hash.ToHashCode();
        }

        public static int Compare(int[] x, int[] y) => x.AsSpan().SequenceCompareTo(y);
    }
}
