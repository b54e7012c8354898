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
/// </summary>
public sealed class ParetoSearch
{
    private readonly RoutingGraph _graph;
    private readonly List<ParetoLabel> _labels = [];
    private readonly List<bool> _dead = [];
    private readonly Dictionary<int, List<int>> _bags = [];
    private readonly PriorityQueue<int, double> _queue = new();

    /// <summary>Creates a search object for a graph.</summary>
    public ParetoSearch(RoutingGraph graph) => _graph = graph;

    /// <summary>Finds the non-dominated paths from one place to another.</summary>
    public ParetoResult Run(int fromPlace, int toPlace, QueryProfile profile, int? maxTransfers, ParetoLimits limits, CancellationToken cancellation = default)
    {
        var g = _graph;
        _labels.Clear();
        _dead.Clear();
        _bags.Clear();
        _queue.Clear();
        var targets = new List<int>();
        var eps = limits.Epsilon;
        var clock = Stopwatch.StartNew();
        string? exceeded = null;
        foreach (var v in g.Origins(fromPlace))
        {
            Add(new ParetoLabel(v, 0, 0, 0, 0, 0, -1, -1), targets, eps);
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
            if (g.IsDestination(v, toPlace))
            {
                targets.Add(li);
                continue;
            }
            var end = g.FirstOut[v + 1];
            for (var e = g.FirstOut[v]; e < end; e++)
            {
                if (!profile.Allowed[e])
                {
                    continue;
                }
                var transfers = label.Transfers + (g.Kind[e] == EdgeKind.Transfer ? 1 : 0);
                if (maxTransfers is { } k && transfers > k)
                {
                    continue;
                }
                var next = new ParetoLabel(g.Head[e], label.Hours + profile.Hours[e], label.CostUsd + profile.CostUsd[e], label.Co2eKg + profile.Co2eKg[e], label.VarianceHours2 + profile.VarianceHours2[e], transfers, li, e);
                Add(next, targets, eps);
            }
            if (_labels.Count > limits.MaxLabels)
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
            var path = new List<int>();
            for (var i = t; _labels[i].Edge >= 0; i = _labels[i].Parent)
            {
                path.Add(_labels[i].Edge);
            }
            path.Reverse();
            paths.Add([.. path]);
        }
        return new ParetoResult(paths, finals, _labels.Count, exceeded);
    }

    private bool DominatedByOtherTarget(int t, List<int> targets)
    {
        // Targets at different vertices of the destination (one per mode) never met in one bag.
        foreach (var o in targets)
        {
            if (o != t && !_dead[o] && _labels[o].Dominates(_labels[t], 0) && !(_labels[t].Dominates(_labels[o], 0) && o > t))
            {
                return true;
            }
        }
        return false;
    }

    private void Add(in ParetoLabel label, List<int> targets, double eps)
    {
        // Target pruning: a partial path already beaten by a complete one can only get worse.
        foreach (var t in targets)
        {
            if (!_dead[t] && _labels[t].Dominates(label, eps))
            {
                return;
            }
        }
        if (!_bags.TryGetValue(label.Vertex, out var bag))
        {
            bag = [];
            _bags[label.Vertex] = bag;
        }
        for (var i = 0; i < bag.Count; i++)
        {
            if (_labels[bag[i]].Dominates(label, eps))
            {
                return;
            }
        }
        for (var i = bag.Count - 1; i >= 0; i--)
        {
            if (label.Dominates(_labels[bag[i]], 0))
            {
                _dead[bag[i]] = true;
                bag.RemoveAt(i);
            }
        }
        var index = _labels.Count;
        _labels.Add(label);
        _dead.Add(false);
        bag.Add(index);
        // Any key that grows strictly with every criterion keeps label-setting correct.
        _queue.Enqueue(index, label.Hours + (label.CostUsd * 1e-3) + (label.Co2eKg * 1e-3) + (label.VarianceHours2 * 1e-4));
    }
}
