using System.Runtime.CompilerServices;

namespace Caravan.Assignment;

/// <summary>
/// Dial's Algorithm B (2006). Each origin (per class) keeps an acyclic bush carrying all of its flow. An
/// iteration, for each bush: drop links that carry no flow, add links that shorten the longest paths
/// (which keeps the bush acyclic), keep a topological order, then for every node, last to first, move flow from
/// the longest used path to the shortest path by a Newton step on the two path segments after they diverge.
/// Link costs are updated exactly after every move. Then up to <see cref="InnerRounds"/> cheap shift-only rounds
/// visit the bushes still far from their own equilibrium, before the relative gap is measured.
/// <para>
/// After the first iteration, a bush whose origin was within <see cref="InnerSkipFraction"/> of the last gap at
/// that gap's evaluation (its flows' cost over the cost of its demand on the network's shortest paths, so missing
/// shortcuts count too) is not updated in the next iteration's first pass: it is near its own equilibrium and its
/// update would only confirm its links. It still takes part in the shift-only rounds, which look at its labels
/// again under the costs of that moment. The weighted mean of the origins' excesses is the gap, so some origins
/// are always above the bar and every iteration does work.
/// </para>
/// <para>
/// The run is deterministic and gives the same flows, bit for bit, on any number of threads. Bush updates and flow
/// shifts go in the fixed origin order, <see cref="Lanes"/> bushes at a time: each bush of a group works on its own
/// copy of the link state as the group found it (so it sees its own moves at once, as Dial's algorithm has them),
/// and the group's changes are added to the network's flows lane by lane before the next group starts. The lanes of
/// a group run on separate threads when there are, one after the other when there are not, and give the same sums
/// either way. (Bushes shifted concurrently on the shared flows, as they first were, made every run's
/// floating-point history differ.) The initial trees are built in fixed waves against one snapshot of costs, then
/// loaded in origin order, and the gap's shortest paths are summed in origin order.
/// </para>
/// </summary>
internal sealed partial class AlgorithmB
{
    /// <summary>Flow below which a bush link counts as unused and may be dropped.</summary>
    private const double FlowEpsilon = 1e-11;
    /// <summary>
    /// Bushes whose own relative gap is below this fraction of the last global gap are skipped: in the inner rounds
    /// (gap within the bush), and in the first pass of an iteration (gap against the network's shortest paths).
    /// </summary>
    private const double InnerSkipFraction = 0.25;
    /// <summary>Shift-only rounds in the first iteration, when no gap is known yet to choose bushes by (4 did better than 1 and 2 in the same runs).</summary>
    private const int FirstInnerRounds = 4;
    /// <summary>Maximum shift-only rounds over the bushes per iteration (chosen from runs with 4 to 40 on Barcelona, Winnipeg and ChicagoSketch; 20 is also what tap-b uses).</summary>
    private const int InnerRounds = 20;

    private readonly AssignmentProblem _problem;
    private readonly AssignmentNetwork _network;
    private readonly LinkCostModel _costs;
    private readonly AllOrNothingLoader _loader;
    private readonly RunMonitor _monitor;
    private readonly OriginWork _work;
    /// <summary>The network's link flows, costs and derivatives; lanes work on copies and are combined into it.</summary>
    private readonly LinkState _state;
    private readonly BushWorkspace[] _spaces;
    private readonly WarmStartShortestPaths[] _gapSearches;
    private readonly double[] _gapSums;
    /// <summary>Per bush, at the last gap evaluation: (its flows' cost − its demand on shortest paths) / the latter.</summary>
    private readonly double[] _bushExcess;
    private readonly bool[] _active;
    private readonly Bush[] _bushes;
    private readonly bool _measureProportionality;

    public AlgorithmB(AssignmentProblem problem, AssignmentOptions options, RunMonitor monitor)
    {
        _problem = problem;
        _network = problem.Network;
        _costs = _network.Costs;
        _monitor = monitor;
        _measureProportionality = options.MeasureProportionality;
        _work = new OriginWork(problem);
        _loader = new AllOrNothingLoader(problem, _work, options.EffectiveThreads);
        _state = new LinkState(_costs, _network.LinkCount);
        var workers = Math.Max(1, Math.Min(options.EffectiveThreads, _work.Count));
        _spaces = new BushWorkspace[workers];
        _gapSearches = new WarmStartShortestPaths[workers];
        _gapSums = new double[_work.Count];
        _bushExcess = new double[_work.Count];
        for (var w = 0; w < workers; w++)
        {
            _spaces[w] = new BushWorkspace(_network.NodeCount, _network.LinkCount);
            _gapSearches[w] = new WarmStartShortestPaths(_network);
        }
        _bushes = new Bush[_work.Count];
        _active = new bool[_work.Count];
        _laneStates = new LinkState[Lanes];
        for (var l = 0; l < Lanes; l++)
        {
            _laneStates[l] = new LinkState(_costs, _network.LinkCount);
        }
        _laneThreads = Math.Min(workers, Lanes);
        _passItems = new int[_work.Count];
        _passShifted = new bool[_work.Count];
    }

    public AssignmentResult Solve()
    {
        _state.RefreshCosts();
        Initialize();
        using var crew = _crew = _laneThreads > 1 ? new LaneCrew(_laneThreads, CombineLanes) : null;
        var iteration = 0;
        var lastGap = 0.0;
        StopReason? stop;
        double gap, objective, tstt, sptt;
        while (true)
        {
            iteration++;
            var skipBelow = InnerSkipFraction * lastGap; // 0 in the first iteration: no gap known yet.
            var count = 0;
            for (var item = 0; item < _bushes.Length; item++)
            {
                if (_bushExcess[item] >= skipBelow)
                {
                    _passItems[count++] = item;
                }
            }
            RunPass(count, update: true, 0);
            // Shift-only rounds are cheap next to bush updates and gap evaluations: do up to InnerRounds of them,
            // on the bushes whose own gap is above a fraction of the last global gap, until none qualifies.
            // A bush found close enough is left alone for the rest of this iteration's rounds.
            var rounds = iteration == 1 ? FirstInnerRounds : InnerRounds; // No gap known yet to pick bushes by.
            Array.Fill(_active, true);
            for (var round = 0; round < rounds && !_monitor.OutOfTime; round++)
            {
                count = 0;
                for (var item = 0; item < _bushes.Length; item++)
                {
                    if (_active[item])
                    {
                        _passItems[count++] = item;
                    }
                }
                RunPass(count, update: false, skipBelow);
                var anyShifted = false;
                for (var i = 0; i < count; i++)
                {
                    if (_passShifted[i])
                    {
                        anyShifted = true;
                    }
                    else
                    {
                        _active[_passItems[i]] = false;
                    }
                }
                if (!anyShifted)
                {
                    break;
                }
            }
            // Re-evaluate every cost from the flows so rounding from many small updates cannot accumulate.
            _state.RefreshCosts();
            tstt = Convergence.TotalSystemTravelTime(_state.Flow, _state.Cost);
            sptt = ShortestPathTravelTime();
            gap = Convergence.RelativeGap(tstt, sptt);
            objective = _costs.Beckmann(_state.Flow);
            lastGap = gap;
            stop = _monitor.Record(iteration, gap, objective, tstt);
            if (stop is not null)
            {
                break;
            }
        }
        var classFlow = new double[_problem.Classes.Count][];
        for (var c = 0; c < classFlow.Length; c++)
        {
            classFlow[c] = new double[_network.LinkCount];
        }
        foreach (var bush in _bushes)
        {
            bush.AddFlowTo(classFlow[bush.ClassPosition]);
        }
        return new AssignmentResult
        {
            LinkFlow = _state.Flow,
            ClassLinkFlow = classFlow,
            LinkCost = _state.Cost,
            RelativeGap = gap,
            Objective = objective,
            TotalSystemTravelTime = tstt,
            ShortestPathTravelTime = sptt,
            Iterations = iteration,
            Elapsed = _monitor.Elapsed,
            StopReason = stop.Value,
            History = _monitor.History,
            Proportionality = _measureProportionality ? MeasureProportionality() : null,
        };
    }

    /// <summary>Proportionality of the bushes' flows: each bush is one origin (of one class) of the origin-based solution.</summary>
    private ProportionalityReport MeasureProportionality()
    {
        var origins = new OriginLinkFlow[_bushes.Length];
        for (var i = 0; i < origins.Length; i++)
        {
            var bush = _bushes[i];
            // Spread out per network link only here: the measure reads origins' flows by link.
            var linkFlow = new double[_network.LinkCount];
            bush.AddFlowTo(linkFlow);
            origins[i] = new OriginLinkFlow(bush.Origin, bush.ClassPosition, linkFlow);
        }
        return RouteFlowProportionality.Measure(_network, origins);
    }
}
