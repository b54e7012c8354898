using Caravan.Model;
using Caravan.Routing;
using Caravan.Scenarios;

namespace Caravan.Comparison;

/// <summary>Options of a comparison.</summary>
/// <param name="Objective">What routes minimise (time by default).</param>
/// <param name="Year">Year of travel: planned links count from their opening year.</param>
public sealed record ComparisonOptions(Objective Objective = Objective.Time, int Year = 2026);

/// <summary>Routes every pair under two scenarios and explains the differences.</summary>
public static class ScenarioComparer
{
    /// <summary>Compares; places are resolved by code, name or alias in each network (a miss skips the pair).</summary>
    public static ComparisonResult Compare(ScenarioNetwork a, ScenarioNetwork b, IReadOnlyList<OdPair> pairs, ComparisonOptions options, CancellationToken cancellation = default)
    {
        var routerA = new Router(a.Network);
        var routerB = new Router(b.Network);
        var searchA = new PlaceSearch(a.Network);
        var searchB = new PlaceSearch(b.Network);
        var explainer = new RouteChangeExplainer(a, b);
        var routes = new List<OdComparison>();
        var skipped = new List<SkippedPair>();
        foreach (var pair in pairs)
        {
            cancellation.ThrowIfCancellationRequested();
            if (!TryResolve(searchA, pair.From, out var fromA, out var why) || !TryResolve(searchA, pair.To, out var toA, out why)
                || !TryResolve(searchB, pair.From, out var fromB, out why) || !TryResolve(searchB, pair.To, out var toB, out why))
            {
                skipped.Add(new SkippedPair(pair.From, pair.To, why));
                continue;
            }
            if (fromA == toA)
            {
                skipped.Add(new SkippedPair(pair.From, pair.To, "origin and destination are the same place"));
                continue;
            }
            var constraints = new RouteConstraints
            {
                Year = options.Year,
                AvoidModes = pair.Modes is { } allowed ? Modes.All.Where(m => !allowed.Contains(m)).ToHashSet() : new HashSet<Mode>(),
            };
            var outA = routerA.Route(new RouteRequest(fromA, toA, pair.Commodity, pair.Quantity, options.Objective, constraints));
            var outB = routerB.Route(new RouteRequest(fromB, toB, pair.Commodity, pair.Quantity, options.Objective, constraints));
            var (reasons, causes) = explainer.Explain(outA.Itinerary, outB.Itinerary);
            var pa = a.Network.Places[fromA];
            var pb = a.Network.Places[toA];
            routes.Add(new OdComparison(
                pa.Code, pa.Name, pb.Code, pb.Name, pair.Commodity.Name(), pair.Quantity,
                Summarize(outA.Itinerary), Summarize(outB.Itinerary), outA.NoRoute?.Message, outB.NoRoute?.Message,
                reasons, causes));
        }
        routes.Sort((x, y) => y.Impact.CompareTo(x.Impact));
        var targets = b.Chain.SelectMany(o => o.Targets).Select(t => Check(t, routes)).ToList();
        return new ComparisonResult(Info(a), Info(b), options.Objective.ToString().ToLowerInvariant(), options.Year, routes, skipped, targets);
    }

    private static ScenarioInfo Info(ScenarioNetwork s) => new(s.Name, s.Description, s.ContentHash);

    private static bool TryResolve(PlaceSearch search, string text, out int place, out string why)
    {
        if (search.TryResolve(text, out place, out var suggestions))
        {
            why = "";
            return true;
        }
        why = $"unknown place '{text}'" + (suggestions.Count > 0 ? $" (did you mean {string.Join(", ", suggestions.Take(3).Select(p => p.Name))}?)" : "");
        return false;
    }

    private static RouteSummary? Summarize(Itinerary? it) => it is null ? null : new RouteSummary(
        it.Totals.Hours, it.Totals.CostUsd, it.Totals.Co2eKg, it.Totals.DistanceKm, it.Corridor,
        it.Legs.Where(l => l.Kind is LegKind.Move or LegKind.Border).Select(l => l.LinkId).Distinct().ToList());

    private static TargetCheck Check(OverlayTarget target, IReadOnlyList<OdComparison> routes)
    {
        var ratios = new List<double>();
        foreach (var r in routes)
        {
            if (r.A is null || r.B is null || (target.Corridor.Length > 0 && r.B.Corridor != target.Corridor))
            {
                continue;
            }
            var (va, vb) = target.Metric switch
            {
                "cost_usd" => (r.A.CostUsd, r.B.CostUsd),
                "co2e_kg" => (r.A.Co2eKg, r.B.Co2eKg),
                _ => (r.A.Hours, r.B.Hours),
            };
            if (va > 0)
            {
                ratios.Add(vb / va);
            }
        }
        var met = ratios.Count(x => target.Factor <= 1 ? x <= target.Factor + 1e-9 : x >= target.Factor - 1e-9);
        return new TargetCheck(target, ratios.Count, met, ratios.Count > 0 ? ratios.Average() : null);
    }
}
