using Caravan.Costs;
using Caravan.Export;
using Caravan.Model;
using Caravan.Routing;

namespace Caravan.Skims;

/// <summary>A place within a reach budget, with the figures of its path.</summary>
/// <param name="Place">The place.</param>
/// <param name="Hours">Expected hours.</param>
/// <param name="P90Hours">90th-percentile hours.</param>
/// <param name="CostUsd">Price per unit, USD.</param>
/// <param name="Co2eKg">CO2e per unit, kg.</param>
/// <param name="DistanceKm">Distance, km.</param>
/// <param name="Corridor">Corridor of the path.</param>
public sealed record ReachPlace(PlaceDocument Place, double Hours, double P90Hours, double CostUsd, double Co2eKg, double DistanceKm, string Corridor);

/// <summary>The answer of a reach query: every place within the budget from an origin, nearest first.</summary>
/// <param name="From">The origin.</param>
/// <param name="Budget">The budget as written back (240h, 5000usd).</param>
/// <param name="Objective">What each path minimises.</param>
/// <param name="Commodity">The cargo.</param>
/// <param name="Unit">Unit the figures are per.</param>
/// <param name="Places">Places within the budget, by the budget's figure.</param>
public sealed record ReachDocument(PlaceDocument From, string Budget, string Objective, string Commodity, string Unit, IReadOnlyList<ReachPlace> Places);

/// <summary>
/// Reach: from one origin, every place whose best path fits a budget. One one-to-all search (a one-row skim); the
/// path minimises the budget's own criterion unless another objective is given.
/// </summary>
public static class Reach
{
    /// <summary>The objective a budget implies: time for hours, cost for USD, CO2e for kg.</summary>
    public static Objective ObjectiveFor(ReachBudget budget) => budget.Kind switch
    {
        BudgetKind.Hours => Objective.Time,
        BudgetKind.CostUsd => Objective.Cost,
        _ => Objective.Co2,
    };

    /// <summary>Computes the places within the budget (the origin excluded).</summary>
    public static ReachDocument Compute(RoutingGraph graph, int origin, ReachBudget budget, SkimRequest template)
    {
        var network = graph.Network;
        var all = Enumerable.Range(0, network.Places.Count).ToArray();
        var request = template with { Origins = [origin], Destinations = all };
        var m = new SkimBuilder(graph).Build(request);
        var places = new List<ReachPlace>();
        var figure = budget.Kind switch { BudgetKind.Hours => m.Hours, BudgetKind.CostUsd => m.CostUsd, _ => m.Co2eKg };
        for (var j = 0; j < all.Length; j++)
        {
            if (j == origin || double.IsNaN(figure[j]) || figure[j] > budget.Limit)
            {
                continue;
            }
            places.Add(new ReachPlace(RouteDocuments.Place(network, j), R(m.Hours[j]), R(m.P90Hours[j]), R(m.CostUsd[j]), R(m.Co2eKg[j]), Math.Round(m.DistanceKm[j], 1), m.Corridor[j] ?? "domestic"));
        }
        places.Sort((a, b) => Figure(a, budget.Kind).CompareTo(Figure(b, budget.Kind)));
        return new ReachDocument(RouteDocuments.Place(network, origin), budget.ToString(), request.Objective.ToString().ToLowerInvariant(),
            request.Commodity.Name(), network.InfoOf(request.Commodity).Unit, places);
    }

    private static double Figure(ReachPlace p, BudgetKind kind) => kind switch { BudgetKind.Hours => p.Hours, BudgetKind.CostUsd => p.CostUsd, _ => p.Co2eKg };

    private static double R(double v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);
}
