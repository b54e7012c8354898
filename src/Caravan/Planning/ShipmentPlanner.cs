using System.Globalization;
using Caravan.Model;
using Caravan.Reliability;
using Caravan.Routing;

namespace Caravan.Planning;

/// <summary>
/// Plans a shipment the way a shipper decides: the non-dominated options over time, price, CO2e and reliability,
/// trimmed to a readable number that keeps the spread, each with its time distribution, dated legs and on-time
/// probability; substantially different alternatives; and why the other corridors lost. Thread-safe.
/// </summary>
public sealed class ShipmentPlanner
{
    private readonly ThreadLocal<ParetoSearch> _pareto;
    private readonly ThreadLocal<CorridorForcedSearch> _forced;
    private readonly ThreadLocal<ShortestPathSearch> _alternatives;

    /// <summary>Creates a planner over a compiled graph.</summary>
    public ShipmentPlanner(RoutingGraph graph)
    {
        Graph = graph;
        Router = new Router(graph);
        _pareto = new ThreadLocal<ParetoSearch>(() => new ParetoSearch(graph));
        _forced = new ThreadLocal<CorridorForcedSearch>(() => new CorridorForcedSearch(graph));
        _alternatives = new ThreadLocal<ShortestPathSearch>(() => new ShortestPathSearch(graph));
    }

    /// <summary>The compiled graph.</summary>
    public RoutingGraph Graph { get; }

    /// <summary>The single-criterion router on the same graph.</summary>
    public Router Router { get; }

    /// <summary>Plans a shipment.</summary>
    public PlanResult Plan(PlanRequest request, CancellationToken cancellation = default)
    {
        var r = request.Route;
        var (profile, weights) = Router.ProfileFor(r);
        var limits = request.Limits ?? ParetoLimits.Default;
        var pareto = _pareto.Value!.Run(r.From, r.To, profile, r.Constraints.MaxTransfers, limits, cancellation, r.FromLocality, r.ToLocality);
        if (pareto.LimitExceeded is not null)
        {
            return new PlanResult([], null, pareto.LimitExceeded, [], [], pareto.Paths.Count, pareto.LabelsCreated);
        }
        if (pareto.Paths.Count == 0)
        {
            return new PlanResult([], Router.Explain(r), null, [], [], 0, pareto.LabelsCreated);
        }
        // The search's fourth criterion is the time variance (additive); the shown one is the p90. Screen every
        // candidate with the closed-form p90, keep those no other beats on (time, cost, CO2e, p90), pick the spread,
        // then run the Monte Carlo only on the few shown.
        var candidates = new List<(Itinerary Itinerary, double P90)>();
        for (var i = 0; i < pareto.Paths.Count; i++)
        {
            var itinerary = ItineraryBuilder.Build(r, profile, pareto.Paths[i]);
            candidates.Add((itinerary, AnalyticTransitTime.P90Hours(itinerary, Graph)));
        }
        var survivors = new List<int>();
        var labels = new List<ParetoLabel>();
        for (var a = 0; a < candidates.Count; a++)
        {
            var dominated = false;
            for (var b = 0; b < candidates.Count && !dominated; b++)
            {
                dominated = b != a && Dominates(candidates[b].Itinerary.Totals, candidates[b].P90, candidates[a].Itinerary.Totals, candidates[a].P90);
            }
            if (!dominated)
            {
                survivors.Add(a);
                var l = pareto.Labels[a];
                labels.Add(l with { VarianceHours2 = Math.Pow(Math.Max(0, candidates[a].P90 - l.Hours) / LogNormalDwell.Z90, 2) });
            }
        }
        var corridorOf = survivors.Select(i => candidates[i].Itinerary.Corridor).ToList();
        var selected = Select(labels, corridorOf, r, Math.Max(1, request.MaxOptions));
        var options = new List<RouteOption>(selected.Count);
        foreach (var (index, tags) in selected)
        {
            options.Add(MakeOption(candidates[survivors[index]].Itinerary, tags, request));
        }
        // The sampled p90 may differ a little from the estimate: never show an option another shown one beats.
        options = options.Where(o => !options.Exists(x => !ReferenceEquals(x, o) && ShownDominates(x, o))).ToList();
        var alternatives = request.Alternatives > 0 ? FindAlternatives(request, profile) : [];
        var corridors = CorridorBests(request, profile, weights, options);
        var explanations = request.Explain ? corridors.Where(c => c.OptionIndex < 0).Select(c => $"{c.Corridor}: {c.Verdict}").ToList() : [];
        return new PlanResult(options, null, null, explanations, alternatives, survivors.Count, pareto.LabelsCreated) { Corridors = corridors };
    }

    private RouteOption MakeOption(Itinerary itinerary, IReadOnlyList<string> labels, PlanRequest request, TransitTimeDistribution? simulated = null)
    {
        var distribution = simulated ?? TransitSimulator.Simulate(itinerary, Graph, request.Depart);
        double? onTime = null;
        if (request.Deadline is { } deadline)
        {
            var depart = request.Depart ?? DateTimeOffset.UtcNow;
            onTime = distribution.ProbabilityWithin((deadline - depart).TotalHours);
        }
        var dated = request.Depart is { } d ? LegDating.Date(itinerary, Graph, d) : null;
        return new RouteOption(itinerary, distribution, labels, onTime, dated);
    }

    private static bool ShownDominates(RouteOption a, RouteOption b) =>
        Dominates(a.Itinerary.Totals, a.Distribution.P90Hours, b.Itinerary.Totals, b.Distribution.P90Hours);

    private static bool Dominates(Totals ta, double pa, Totals tb, double pb)
    {
        var noWorse = ta.Hours <= tb.Hours + 1e-9 && ta.CostUsd <= tb.CostUsd + 1e-9 && ta.Co2eKg <= tb.Co2eKg + 1e-9 && pa <= pb + 1e-9;
        var better = ta.Hours < tb.Hours - 1e-9 || ta.CostUsd < tb.CostUsd - 1e-9 || ta.Co2eKg < tb.Co2eKg - 1e-9 || pa < pb - 1e-9;
        return noWorse && better;
    }

    private static double P90Estimate(in ParetoLabel l) => l.Hours + (LogNormalDwell.Z90 * Math.Sqrt(l.VarianceHours2));

    private double Score(in ParetoLabel l, RouteRequest r)
    {
        var info = Graph.Network.InfoOf(r.Commodity);
        var w = r.Weights ?? GeneralizedWeights.For(info);
        return ObjectiveCost.OfRoute(r.Objective, w, l.Hours, l.CostUsd, l.Co2eKg, Math.Sqrt(l.VarianceHours2), info.ReliabilityRatio);
    }

    /// <summary>
    /// The chosen option first, then the best in each criterion, then the options farthest from those already taken
    /// (criteria scaled by their best value), so eight options still show the whole trade-off.
    /// </summary>
    private List<(int Index, IReadOnlyList<string> Labels)> Select(IReadOnlyList<ParetoLabel> labels, IReadOnlyList<string> corridors, RouteRequest r, int max)
    {
        var n = labels.Count;
        var crit = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var l = labels[i];
            crit[i] = [l.Hours, l.CostUsd, l.Co2eKg, P90Estimate(l)];
        }
        var names = new[] { "fastest", "cheapest", "lowest-co2", "most-reliable" };
        var bestValue = new double[4];
        var argBest = new int[4];
        for (var c = 0; c < 4; c++)
        {
            bestValue[c] = double.PositiveInfinity;
            for (var i = 0; i < n; i++)
            {
                if (crit[i][c] < bestValue[c] - 1e-9 || (Math.Abs(crit[i][c] - bestValue[c]) <= 1e-9 && crit[i].Sum() < crit[argBest[c]].Sum()))
                {
                    bestValue[c] = crit[i][c];
                    argBest[c] = i;
                }
            }
            bestValue[c] = Math.Max(bestValue[c], 1e-6);
        }
        var taken = new List<int>();
        var chosen = 0;
        for (var i = 1; i < n; i++)
        {
            if (Score(labels[i], r) < Score(labels[chosen], r))
            {
                chosen = i;
            }
        }
        taken.Add(chosen);
        foreach (var i in argBest)
        {
            if (taken.Count < max && !taken.Contains(i))
            {
                taken.Add(i);
            }
        }
        // Then one option per corridor not yet shown (its best by the objective): a shipper compares corridors.
        foreach (var corridor in corridors.Distinct())
        {
            if (taken.Count >= max || taken.Exists(t => corridors[t] == corridor))
            {
                continue;
            }
            var best = -1;
            for (var i = 0; i < n; i++)
            {
                if (corridors[i] == corridor && (best < 0 || Score(labels[i], r) < Score(labels[best], r)))
                {
                    best = i;
                }
            }
            taken.Add(best);
        }
        while (taken.Count < Math.Min(max, n))
        {
            var far = -1;
            var farDistance = -1.0;
            for (var i = 0; i < n; i++)
            {
                if (taken.Contains(i))
                {
                    continue;
                }
                var nearest = double.PositiveInfinity;
                foreach (var t in taken)
                {
                    var d = 0.0;
                    for (var c = 0; c < 4; c++)
                    {
                        var x = (crit[i][c] - crit[t][c]) / bestValue[c];
                        d += x * x;
                    }
                    nearest = Math.Min(nearest, d);
                }
                if (nearest > farDistance)
                {
                    farDistance = nearest;
                    far = i;
                }
            }
            taken.Add(far);
        }
        var result = new List<(int, IReadOnlyList<string>)>();
        foreach (var t in taken)
        {
            var tags = new List<string>();
            if (t == chosen && r.Objective == Objective.Generalized)
            {
                tags.Add("recommended");
            }
            for (var c = 0; c < 4; c++)
            {
                if (crit[t][c] <= bestValue[c] + 1e-9)
                {
                    tags.Add(names[c]);
                }
            }
            result.Add((t, tags));
        }
        return result;
    }

    /// <summary>
    /// Routes that differ in substance: after each route, the edges it used cost more (penalty method), and a new
    /// route is kept only if at most half its distance is shared with every route kept before.
    /// </summary>
    private List<RouteOption> FindAlternatives(PlanRequest request, QueryProfile profile)
    {
        var r = request.Route;
        var weights = profile.Weights(r.Objective, r.Weights);
        var search = _alternatives.Value!;
        var kept = new List<Itinerary>();
        var keptEdges = new List<HashSet<int>>();
        for (var attempt = 0; attempt < request.Alternatives * 6 && kept.Count < request.Alternatives; attempt++)
        {
            var path = search.Run(r.From, r.To, weights, profile.Allowed, r.Constraints.MaxTransfers, out _, profile.Sequence, null, r.FromLocality, r.ToLocality);
            if (path is null)
            {
                break;
            }
            var itinerary = ItineraryBuilder.Build(r, profile, path);
            var edges = new HashSet<int>(path);
            var distance = Math.Max(1e-9, itinerary.Totals.DistanceKm);
            var overlapOk = true;
            foreach (var other in keptEdges)
            {
                var shared = 0.0;
                foreach (var e in path)
                {
                    if (other.Contains(e) || other.Contains(ReverseOf(e)))
                    {
                        shared += Graph.DistanceKm[e];
                    }
                }
                if (shared / distance > 0.5)
                {
                    overlapOk = false;
                    break;
                }
            }
            if (overlapOk && !kept.Exists(k => k.Corridor == itinerary.Corridor && kept.Count < 8 && SameCorridorTooClose(k, itinerary)))
            {
                kept.Add(itinerary);
                keptEdges.Add(edges);
            }
            foreach (var e in path)
            {
                weights[e] *= 2.0;
                var rev = ReverseOf(e);
                if (rev >= 0)
                {
                    weights[rev] *= 2.0;
                }
            }
        }
        var result = new List<RouteOption>();
        foreach (var k in kept)
        {
            result.Add(MakeOption(k, ["alternative", k.Corridor], request));
        }
        return result;
    }

    private static bool SameCorridorTooClose(Itinerary a, Itinerary b) =>
        Math.Abs(a.Totals.Hours - b.Totals.Hours) < 0.05 * a.Totals.Hours && Math.Abs(a.Totals.CostUsd - b.Totals.CostUsd) < 0.05 * a.Totals.CostUsd;

    private int ReverseOf(int e) => Graph.Reverse[e];

    /// <summary>
    /// The best route through each corridor (forced to use it), with its verdict: one of the options, dominated by
    /// one (and by how much), or cut by a constraint. This is both the "why not" and the corridor comparison table.
    /// </summary>
    private List<CorridorBest> CorridorBests(PlanRequest request, QueryProfile profile, double[] weights, List<RouteOption> options)
    {
        var r = request.Route;
        var net = Graph.Network;
        var info = net.InfoOf(r.Commodity);
        var corridors = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var l in net.Links)
        {
            if (l.Corridor.Length > 0 && l.Corridor is not ("domestic" or "europe") && info.AllowedModes.Contains(l.Mode))
            {
                corridors.Add(l.Corridor);
            }
        }
        var result = new List<CorridorBest>();
        var forced = _forced.Value!;
        foreach (var corridor in corridors)
        {
            var shown = options.FindIndex(o => o.Itinerary.Corridor == corridor);
            if (shown >= 0)
            {
                result.Add(new CorridorBest(corridor, options[shown], shown, $"option {shown + 1}"));
                continue;
            }
            var path = forced.Run(r.From, r.To, corridor, weights, profile.Allowed, profile.Sequence, r.FromLocality, r.ToLocality);
            if (path is null)
            {
                var cut = CutBy(corridor, request);
                if (cut is not null)
                {
                    result.Add(new CorridorBest(corridor, null, -1, cut.Count > 0 ? "cut by " + string.Join(", ", cut.Select(b => $"{b.Constraint} {b.Value}")) : "cut by the constraints together") { CutBy = cut });
                }
                continue;
            }
            var it = ItineraryBuilder.Build(r, profile, path);
            // A corridor's best route is often a shown option's route: built from the same edges for the same
            // request, it has the same legs, so the same samples (the Monte Carlo is a function of the legs).
            var twin = options.Find(o => SameEdges(o.Itinerary, it));
            var option = MakeOption(it, [], request, twin?.Distribution);
            var same = options.FindIndex(o => SameTotals(o, option));
            var dominator = options.FindIndex(o => ShownDominates(o, option));
            string verdict;
            if (same >= 0)
            {
                verdict = $"its best route is option {same + 1}, which runs mostly on {options[same].Itinerary.Corridor}";
            }
            else if (dominator >= 0)
            {
                var o = options[dominator].Itinerary.Totals;
                verdict = string.Create(CultureInfo.InvariantCulture,
                    $"dominated by option {dominator + 1} ({options[dominator].Itinerary.Corridor}): {(it.Totals.Hours - o.Hours) / 24:0.0} days slower, {it.Totals.CostUsd - o.CostUsd:0} USD dearer, {it.Totals.Co2eKg - o.Co2eKg:0} kg CO2e more, p90 {(option.Distribution.P90Hours - options[dominator].Distribution.P90Hours) / 24:0.0} days later");
            }
            else if (it.Corridor != corridor)
            {
                verdict = $"its best route runs mostly on {it.Corridor}";
            }
            else
            {
                verdict = "not dominated, but trimmed by the option limit";
            }
            result.Add(new CorridorBest(corridor, option with { Labels = ["corridor-best", corridor] }, -1, verdict));
        }
        return result;
    }

    private static bool SameEdges(Itinerary a, Itinerary b)
    {
        if (a.Edges.Count != b.Edges.Count)
        {
            return false;
        }
        for (var i = 0; i < a.Edges.Count; i++)
        {
            if (a.Edges[i] != b.Edges[i])
            {
                return false;
            }
        }
        return true;
    }

    private static bool SameTotals(RouteOption a, RouteOption b) =>
        Math.Abs(a.Itinerary.Totals.Hours - b.Itinerary.Totals.Hours) < 1e-6 && Math.Abs(a.Itinerary.Totals.CostUsd - b.Itinerary.Totals.CostUsd) < 1e-6;

    /// <summary>The constraints that each, lifted alone, open the corridor again; null when it never serves the pair.</summary>
    private List<BlockingConstraint>? CutBy(string corridor, PlanRequest request)
    {
        var r = request.Route;
        var c = r.Constraints;
        var forced = _forced.Value!;
        bool Through(Routing.RouteConstraints constraints)
        {
            var p = Router.ProfileFor(r with { Constraints = constraints }).Profile;
            return forced.Run(r.From, r.To, corridor, p.Hours, p.Allowed, p.Sequence, r.FromLocality, r.ToLocality) is not null;
        }
        if (!Through(new Routing.RouteConstraints { Year = 9999 }))
        {
            return null; // the corridor does not serve this origin and destination at all
        }
        var reasons = new List<BlockingConstraint>();
        foreach (var country in c.AvoidCountries)
        {
            var rest = new HashSet<string>(c.AvoidCountries, StringComparer.Ordinal);
            rest.Remove(country);
            if (Through(c with { AvoidCountries = rest }))
            {
                reasons.Add(new BlockingConstraint("avoid-country", country, $"every route through {corridor} passes through {country}"));
            }
        }
        foreach (var mode in c.AvoidModes)
        {
            var rest = new HashSet<Model.Mode>(c.AvoidModes);
            rest.Remove(mode);
            if (Through(c with { AvoidModes = rest }))
            {
                reasons.Add(new BlockingConstraint("avoid-mode", mode.ToString(), $"every route through {corridor} uses {mode}"));
            }
        }
        if (Through(c with { Year = 9999 }))
        {
            reasons.Add(new BlockingConstraint("year", c.Year.ToString(CultureInfo.InvariantCulture), $"the links of {corridor} are not open in {c.Year}"));
        }
        return reasons;
    }
}
