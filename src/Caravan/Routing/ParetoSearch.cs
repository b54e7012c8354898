using System.Diagnostics;
using Caravan.Model;

namespace Caravan.Routing;

/// <summary>Limits of a multi-criteria search; a request cannot lift them past what the host allows.</summary>
/// <param name="MaxLabels">Labels created before the search gives up.</param>
/// <param name="TimeLimit">Wall-clock limit.</param>
/// <param name="Epsilon">Relative slack of ε-dominance (0 = exact Pareto set).</param>
public sealed record ParetoLimits(int MaxLabels = 500_000, TimeSpan? TimeLimit = null, double Epsilon = 0)
{
    /// <summary>The defaults of the CLI and the server.</summary>
    public static ParetoLimits Default { get; } = new(500_000, TimeSpan.FromSeconds(5), 0);
}

/// <summary>Result of a multi-criteria search.</summary>
/// <param name="Paths">Edge lists of the non-dominated paths.</param>
/// <param name="Labels">Their final labels (criteria per unit).</param>
/// <param name="LabelsCreated">Labels created (a measure of work).</param>
/// <param name="LimitExceeded">Null, or which limit stopped the search.</param>
public sealed record ParetoResult(IReadOnlyList<int[]> Paths, IReadOnlyList<ParetoLabel> Labels, int LabelsCreated, string? LimitExceeded);

/// <summary>
/// Multi-criteria label-setting search (Martins' algorithm) over expected time, price, CO2e and time variance,
/// with dominance at every vertex and target pruning, optionally ε-dominance. One instance per thread.
/// Target pruning looks ahead: a partial path is dropped when a complete path already dominates its criteria plus
/// the least that is left to the destination in each (<see cref="RemainingBounds"/>), and at once where the
/// destination cannot be reached; and labels leave the queue in order of their key plus the least key left (A*).
/// Every completion of a dropped path would be dominated when it arrived, so the Pareto set is the same; only the
/// labels that could never lead to it are not made.
/// </summary>
public sealed class ParetoSearch
{
    private readonly RoutingGraph _graph;
    // Labels and their dead marks in growable arrays, reused between queries (read by ref, never copied).
    private ParetoLabel[] _labels = new ParetoLabel[1024];
    private bool[] _dead = new bool[1024];
    private int _count;
    // One bag per vertex × phase, its list kept between queries and emptied through the touched keys.
    private readonly LabelBag?[] _bags;
    private readonly List<int> _touched = [];
    private readonly PriorityQueue<int, double> _queue = new();
    private readonly List<int> _targets = [];
    // The targets' criteria side by side for the target pruning of every new label.
    private readonly LabelBag _targetBag = new();
    private readonly RemainingBounds _remaining;

    /// <summary>Creates a search object for a graph.</summary>
    public ParetoSearch(RoutingGraph graph)
    {
        _graph = graph;
        _bags = new LabelBag?[graph.VertexCount * ModeSequence.Phases];
        _remaining = new RemainingBounds(graph);
    }

    /// <summary>
    /// Finds the non-dominated paths from one place to another; with <paramref name="fromLocality"/> or
    /// <paramref name="toLocality"/>, from or to any place of that place's locality.
    /// </summary>
    public ParetoResult Run(int fromPlace, int toPlace, QueryProfile profile, int? maxTransfers, ParetoLimits limits, CancellationToken cancellation = default, bool fromLocality = false, bool toLocality = false)
    {
        var g = _graph;
        _count = 0;
        foreach (var key in _touched)
        {
            _bags[key]!.Clear();
        }
        _touched.Clear();
        _queue.Clear();
        var targets = _targets;
        targets.Clear();
        _targetBag.Clear();
        var eps = limits.Epsilon;
        var clock = Stopwatch.StartNew();
        _remaining.Compute(profile, toPlace, toLocality);
        string? exceeded = null;
        var sequence = profile.Sequence;
        var allowed = profile.Allowed;
        var hours = profile.Hours;
        var cost = profile.CostUsd;
        var co2 = profile.Co2eKg;
        var variance = profile.VarianceHours2;
        var firstOut = g.FirstOut;
        var kind = g.Kind;
        var headOf = g.Head;
        foreach (var v in g.Origins(fromPlace, fromLocality))
        {
            Add(new ParetoLabel(v, 0, 0, 0, 0, 0, -1, -1), eps);
        }
        var steps = 0;
        while (_queue.Count > 0)
        {
            var li = _queue.Dequeue();
            if (_dead[li])
            {
                continue;
            }
            if ((++steps & 1023) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
                if (limits.TimeLimit is { } t && clock.Elapsed > t)
                {
                    exceeded = $"time limit of {t.TotalSeconds:0.#} s";
                    break;
                }
            }
            var label = _labels[li];
            var v = label.Vertex;
            if (g.IsDestination(v, toPlace, toLocality) && sequence.Accepts(label.Phase))
            {
                targets.Add(li);
                _targetBag.Add(li, label);
                continue;
            }
            var end = firstOut[v + 1];
            for (var e = firstOut[v]; e < end; e++)
            {
                if (!allowed[e])
                {
                    continue;
                }
                var transfers = label.Transfers + (kind[e] == EdgeKind.Transfer ? 1 : 0);
                if (maxTransfers is { } k && transfers > k)
                {
                    continue;
                }
                var phase = sequence.Next(label.Phase, e);
                if (phase < 0)
                {
                    continue;
                }
                Add(new ParetoLabel(headOf[e], label.Hours + hours[e], label.CostUsd + cost[e], label.Co2eKg + co2[e], label.VarianceHours2 + variance[e], transfers, li, e) { Phase = phase }, eps);
            }
            if (_count > limits.MaxLabels)
            {
                exceeded = $"label limit of {limits.MaxLabels:N0}";
                break;
            }
        }
        var paths = new List<int[]>();
        var finals = new List<ParetoLabel>();
        foreach (var t in targets)
        {
            if (_dead[t] || DominatedByOtherTarget(t, targets))
            {
                continue;
            }
            finals.Add(_labels[t]);
            var length = 0;
            for (var i = t; _labels[i].Edge >= 0; i = _labels[i].Parent)
            {
                length++;
            }
            var path = new int[length];
            for (var i = t; _labels[i].Edge >= 0; i = _labels[i].Parent)
            {
                path[--length] = _labels[i].Edge;
            }
            paths.Add(path);
        }
        return new ParetoResult(paths, finals, _count, exceeded);
    }

    private bool DominatedByOtherTarget(int t, List<int> targets)
    {
        // Targets at different vertices of the destination (one per mode) never met in one bag.
        ref readonly var lt = ref _labels[t];
        foreach (var o in targets)
        {
            if (o != t && !_dead[o] && _labels[o].Dominates(lt, 0) && !(lt.Dominates(_labels[o], 0) && o > t))
            {
                return true;
            }
        }
        return false;
    }

    private void Add(in ParetoLabel label, double eps)
    {
        var remaining = _remaining.Of;
        var at = label.Vertex * RemainingBounds.Criteria;
        if (double.IsPositiveInfinity(remaining[at]))
        {
            return; // the destination cannot be reached from here
        }
        // One bag per vertex and phase: a label in another phase may go where this one may not. The two checks
        // have no side effects, so the bag (usually the smaller) goes first.
        var key = (label.Vertex * ModeSequence.Phases) + label.Phase;
        var bag = _bags[key] ??= new LabelBag();
        if (bag.Count == 0)
        {
            _touched.Add(key);
        }
        if (bag.AnyDominates(label, eps, null))
        {
            return;
        }
        // Target pruning: a partial path whose least completion is already beaten by a complete path can only get worse.
        if (_targetBag.Count > 0)
        {
            var least = label with
            {
                Hours = label.Hours + remaining[at],
                CostUsd = label.CostUsd + remaining[at + 1],
                Co2eKg = label.Co2eKg + remaining[at + 2],
                VarianceHours2 = label.VarianceHours2 + remaining[at + 3],
            };
            if (_targetBag.AnyDominates(least, eps, _dead))
            {
                return;
            }
        }
        bag.RemoveDominatedBy(label, _dead);
        var index = _count;
        if (index == _labels.Length)
        {
            Array.Resize(ref _labels, index * 2);
            Array.Resize(ref _dead, index * 2);
        }
        _labels[index] = label;
        _dead[index] = false;
        _count++;
        bag.Add(index, label);
        // Any key that grows strictly with every criterion keeps label-setting correct; a consistent potential added to it keeps that.
        _queue.Enqueue(index, RemainingBounds.Key(label.Hours, label.CostUsd, label.Co2eKg, label.VarianceHours2) + _remaining.KeyOf[label.Vertex]);
    }
}
