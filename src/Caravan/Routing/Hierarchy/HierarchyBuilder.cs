using Caravan.Collections;

namespace Caravan.Routing.Hierarchy;

/// <summary>
/// The contraction of <see cref="ContractionHierarchy.Build"/>: the vertex of least priority goes next, and the
/// priorities of its neighbours are recomputed after it. The priority is RoutingKit's: the vertex's level, plus
/// shortcuts added per arc removed, plus original arcs (hops) the shortcuts stand for per hop removed.
/// </summary>
internal sealed class HierarchyBuilder
{
    private const ulong Infinity = ulong.MaxValue / 4;

    private readonly int _n;
    private readonly ArcLists _out;
    private readonly ArcLists _in;
    private readonly int _settleLimit;
    private readonly int[] _level;
    private readonly int[] _mark;
    private int _markCurrent;
    private int[] _neighbours = new int[16];

    // Witness search state, stamped so each search starts clean without clearing.
    private readonly ulong[] _witnessDistance;
    private readonly int[] _witnessStamp;
    private int _witnessCurrent;
    // Per target of the contraction under way (v's out-neighbours): the weight of v → target, and the stamp of the
    // witness search in which the target was decided (a witness found, or its distance final).
    private readonly uint[] _targetWeight;
    private readonly int[] _decided;
    private readonly IndexedMinHeap _witnessHeap;

    // Copies of the contracted vertex's lists, since adding shortcuts may move the arena.
    private int[] _inOther = new int[16];
    private uint[] _inWeight = new uint[16];
    private int[] _inHops = new int[16];
    private int[] _outOther = new int[16];
    private uint[] _outWeight = new uint[16];
    private int[] _outHops = new int[16];

    // The hierarchy's arcs as they are emitted: up (v→higher), down (higher→v).
    private readonly List<int> _upTail = [];
    private readonly List<int> _upHead = [];
    private readonly List<uint> _upWeight = [];
    private readonly List<int> _downLower = [];
    private readonly List<int> _downHigher = [];
    private readonly List<uint> _downWeight = [];
    private int _shortcuts;

    public HierarchyBuilder(CompactGraph graph, int settleLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settleLimit, 1);
        _n = graph.VertexCount;
        _settleLimit = settleLimit;
        var capacity = (int)Math.Min(Array.MaxLength, (long)graph.ArcCount * 3);
        _out = new ArcLists(_n, capacity);
        _in = new ArcLists(_n, capacity);
        _level = new int[_n];
        _mark = new int[_n];
        _witnessDistance = new ulong[_n];
        _witnessStamp = new int[_n];
        _targetWeight = new uint[_n];
        _decided = new int[_n];
        _witnessHeap = new IndexedMinHeap(_n);
        for (var v = 0; v < _n; v++)
        {
            for (var a = graph.FirstOut[v]; a < graph.FirstOut[v + 1]; a++)
            {
                var h = graph.Head[a];
                if (h != v)
                {
                    AddOrLower(v, h, graph.Weight[a], 1);
                }
            }
        }
    }

    public ContractionHierarchy Build()
    {
        var queue = new IndexedMinHeap(_n);
        for (var v = 0; v < _n; v++)
        {
            queue.InsertOrDecrease(v, Priority(v));
        }
        var rank = new int[_n];
        var next = 0;
        while (queue.Count > 0)
        {
            var v = queue.PopMin(out _);
            Contract(v, simulate: false);
            rank[v] = next++;
            var neighbourCount = Neighbours(v);
            Emit(v);
            for (var i = 0; i < neighbourCount; i++)
            {
                var x = _neighbours[i];
                _out.Remove(x, v);
                _in.Remove(x, v);
                _level[x] = Math.Max(_level[x], _level[v] + 1);
            }
            for (var i = 0; i < neighbourCount; i++)
            {
                queue.Set(_neighbours[i], Priority(_neighbours[i]));
            }
        }
        var position = new int[_n];
        for (var v = 0; v < _n; v++)
        {
            position[v] = _n - 1 - rank[v];
        }
        var up = Relabel(position, _upTail, _upHead, _upWeight);
        var downIn = Relabel(position, _downLower, _downHigher, _downWeight);
        return new ContractionHierarchy(position, up, downIn, _shortcuts);
    }

    private double Priority(int v)
    {
        var removed = 1 + _in.Count(v) + _out.Count(v);
        var removedHops = 1;
        for (var i = 0; i < _in.Count(v); i++)
        {
            removedHops += _in.Hops(v, i);
        }
        for (var i = 0; i < _out.Count(v); i++)
        {
            removedHops += _out.Hops(v, i);
        }
        var (added, addedHops) = Contract(v, simulate: true);
        return _level[v] + ((double)added / removed) + ((double)addedHops / removedHops);
    }

    /// <summary>Shortcuts contracting v needs, and the hops they stand for; adds them unless simulating.</summary>
    private (int Shortcuts, int Hops) Contract(int v, bool simulate)
    {
        var counts = CopyLists(v);
        if (counts.In == 0 || counts.Out == 0)
        {
            return (0, 0);
        }
        var targets = NextMark();
        for (var j = 0; j < counts.Out; j++)
        {
            _mark[_outOther[j]] = targets;
            _targetWeight[_outOther[j]] = _outWeight[j];
        }
        var added = 0;
        var addedHops = 0;
        for (var i = 0; i < counts.In; i++)
        {
            var u = _inOther[i];
            var wu = (ulong)_inWeight[i];
            Witness(u, v, wu, counts.Out, targets);
            for (var j = 0; j < counts.Out; j++)
            {
                var x = _outOther[j];
                if (x == u)
                {
                    continue;
                }
                var through = wu + _outWeight[j];
                if (WitnessDistance(x) <= through)
                {
                    continue;
                }
                added++;
                addedHops += _inHops[i] + _outHops[j];
                if (!simulate)
                {
                    if (through > uint.MaxValue)
                    {
                        throw new InvalidOperationException($"a shortcut of weight {through} exceeds the 32-bit arc weights");
                    }
                    AddOrLower(u, x, (uint)through, _inHops[i] + _outHops[j]);
                    _shortcuts++;
                }
            }
        }
        return (added, addedHops);
    }

    /// <summary>
    /// Dijkstra from u avoiding v, until every target (v's out-neighbour x) is decided: a path to it no longer than
    /// u → v → x has been found (a witness: no need to settle it), or it is settled. Also stops at the settle limit,
    /// or when the next distance exceeds u → v → x for every undecided x, since no witness can then be found. Deciding
    /// targets on relaxation stops the search earlier than settling them all, and finds exactly the same witnesses.
    /// </summary>
    private void Witness(int u, int v, ulong wu, int targets, int targetMark)
    {
        if (_witnessCurrent == int.MaxValue)
        {
            Array.Clear(_witnessStamp);
            Array.Clear(_decided);
            _witnessCurrent = 0;
        }
        var current = ++_witnessCurrent;
        var heap = _witnessHeap;
        heap.Clear();
        _witnessStamp[u] = current;
        _witnessDistance[u] = 0;
        heap.InsertOrDecrease(u, 0);
        var targetsLeft = targets;
        if (_mark[u] == targetMark)
        {
            _decided[u] = current; // u → v → u is never a shortcut.
            targetsLeft--;
        }
        var bound = wu + UndecidedMaxWeight(targets, current);
        var settled = 0;
        while (targetsLeft > 0 && heap.Count > 0 && settled < _settleLimit)
        {
            var w = heap.PopMin(out var key);
            if (key > bound)
            {
                break;
            }
            settled++;
            if (_mark[w] == targetMark && _decided[w] != current)
            {
                _decided[w] = current;
                if (--targetsLeft == 0)
                {
                    break;
                }
                bound = wu + UndecidedMaxWeight(targets, current);
            }
            var dw = _witnessDistance[w];
            var others = _out.Others;
            var weights = _out.Weights;
            var end = _out.Start(w) + _out.Count(w);
            for (var i = _out.Start(w); i < end; i++)
            {
                var h = others[i];
                if (h == v)
                {
                    continue;
                }
                var d = dw + weights[i];
                if (_witnessStamp[h] != current)
                {
                    _witnessStamp[h] = current;
                    _witnessDistance[h] = d;
                    heap.InsertOrDecrease(h, d);
                }
                else if (d < _witnessDistance[h])
                {
                    _witnessDistance[h] = d;
                    heap.InsertOrDecrease(h, d);
                }
                else
                {
                    continue;
                }
                if (_mark[h] == targetMark && _decided[h] != current && d <= wu + _targetWeight[h])
                {
                    _decided[h] = current;
                    if (--targetsLeft == 0)
                    {
                        return;
                    }
                    bound = wu + UndecidedMaxWeight(targets, current);
                }
            }
        }
    }

    /// <summary>The largest weight v → x over the targets x not yet decided in this search (0 if none).</summary>
    private uint UndecidedMaxWeight(int targets, int current)
    {
        uint max = 0;
        for (var j = 0; j < targets; j++)
        {
            if (_decided[_outOther[j]] != current)
            {
                max = Math.Max(max, _outWeight[j]);
            }
        }
        return max;
    }

    private int NextMark()
    {
        if (_markCurrent == int.MaxValue)
        {
            Array.Clear(_mark);
            _markCurrent = 0;
        }
        return ++_markCurrent;
    }

    /// <summary>Fills <see cref="_neighbours"/> with v's in- and out-neighbours, each once; returns their number.</summary>
    private int Neighbours(int v)
    {
        var total = _in.Count(v) + _out.Count(v);
        if (total > _neighbours.Length)
        {
            _neighbours = new int[total * 2];
        }
        var seen = NextMark();
        var count = 0;
        for (var i = 0; i < _in.Count(v); i++)
        {
            var x = _in.Other(v, i);
            if (_mark[x] != seen)
            {
                _mark[x] = seen;
                _neighbours[count++] = x;
            }
        }
        for (var i = 0; i < _out.Count(v); i++)
        {
            var x = _out.Other(v, i);
            if (_mark[x] != seen)
            {
                _mark[x] = seen;
                _neighbours[count++] = x;
            }
        }
        return count;
    }

    private ulong WitnessDistance(int x) => _witnessStamp[x] == _witnessCurrent ? _witnessDistance[x] : Infinity;

    private (int In, int Out) CopyLists(int v)
    {
        var ins = _in.Count(v);
        var outs = _out.Count(v);
        if (ins > _inOther.Length)
        {
            _inOther = new int[ins * 2];
            _inWeight = new uint[ins * 2];
            _inHops = new int[ins * 2];
        }
        if (outs > _outOther.Length)
        {
            _outOther = new int[outs * 2];
            _outWeight = new uint[outs * 2];
            _outHops = new int[outs * 2];
        }
        for (var i = 0; i < ins; i++)
        {
            _inOther[i] = _in.Other(v, i);
            _inWeight[i] = _in.Weight(v, i);
            _inHops[i] = _in.Hops(v, i);
        }
        for (var i = 0; i < outs; i++)
        {
            _outOther[i] = _out.Other(v, i);
            _outWeight[i] = _out.Weight(v, i);
            _outHops[i] = _out.Hops(v, i);
        }
        return (ins, outs);
    }

    private void Emit(int v)
    {
        for (var i = 0; i < _out.Count(v); i++)
        {
            _upTail.Add(v);
            _upHead.Add(_out.Other(v, i));
            _upWeight.Add(_out.Weight(v, i));
        }
        for (var i = 0; i < _in.Count(v); i++)
        {
            _downLower.Add(v);
            _downHigher.Add(_in.Other(v, i));
            _downWeight.Add(_in.Weight(v, i));
        }
        _out.Clear(v);
        _in.Clear(v);
    }

    private void AddOrLower(int from, int to, uint weight, int hops)
    {
        var i = _out.IndexOf(from, to);
        if (i >= 0)
        {
            if (weight < _out.Weight(from, i))
            {
                _out.SetWeight(from, i, weight, hops);
                _in.SetWeight(to, _in.IndexOf(to, from), weight, hops);
            }
            return;
        }
        _out.Add(from, to, weight, hops);
        _in.Add(to, from, weight, hops);
    }

    private CompactGraph Relabel(int[] position, List<int> tails, List<int> heads, List<uint> weights)
    {
        var count = tails.Count;
        var tail = new int[count];
        var head = new int[count];
        for (var a = 0; a < count; a++)
        {
            tail[a] = position[tails[a]];
            head[a] = position[heads[a]];
        }
        return CompactGraph.FromArcs(_n, count, tail, head, weights.ToArray());
    }
}
