using Caravan.Freight.Choice;
using Caravan.Model;
using Caravan.Routing;

namespace Caravan.Freight;

/// <summary>Totals of a freight run, per year.</summary>
/// <param name="GeneralizedCostUsd">Σ tonnes × generalized cost of the chosen routes (tariff, time, reliability and queue prices), USD.</param>
/// <param name="TariffUsd">Σ tonnes × tariff, USD.</param>
/// <param name="TonneHours">Σ tonnes × door-to-door hours.</param>
/// <param name="TonneKm">Σ tonnes × kilometres.</param>
/// <param name="Co2eKg">Σ tonnes × CO2e of the routes (well-to-wheel, as the router counts it), kg.</param>
public sealed record FreightTotals(double GeneralizedCostUsd, double TariffUsd, double TonneHours, double TonneKm, double Co2eKg);

/// <summary>The logsum of one OD flow's choice: what an appraisal differences between two runs for the user benefit.</summary>
/// <param name="Line">Line of the demand row.</param>
/// <param name="Origin">Origin code.</param>
/// <param name="Destination">Destination code.</param>
/// <param name="Commodity">Class.</param>
/// <param name="Tonnes">Tonnes per year.</param>
/// <param name="Logsum">ln Σ exp(V): expected maximum utility.</param>
/// <param name="CompositeCostUsdPerTonne">exp(−logsum / β): the logsum as a cost. User benefit of a change ≈ tonnes × (before − after).</param>
public sealed record OdLogsum(int Line, string Origin, string Destination, string Commodity, double Tonnes, double Logsum, double CompositeCostUsdPerTonne);

/// <summary>
/// One run of the freight model (nested-logit mode and route choice under binding capacities, <see cref="ChoiceEquilibrium"/>):
/// the solution and everything the doors report from it. Built by <c>Services.AssignmentService.Run</c>.
/// </summary>
public sealed class FreightRun
{
    private FreightRun(ChoiceSolution solution, ChoiceReport choice, FreightAssignmentReport report, IReadOnlyList<UnservedDemand> unserved, FreightTotals totals, IReadOnlyList<OdLogsum> logsums)
    {
        Solution = solution;
        Choice = choice;
        Report = report;
        Unserved = unserved;
        Totals = totals;
        Logsums = logsums;
    }

    /// <summary>The choice model.</summary>
    public ChoiceModel Model => Solution.Model;

    /// <summary>The network.</summary>
    public Network Network => Model.Network;

    /// <summary>Its routing graph.</summary>
    public RoutingGraph Graph => Model.Graph;

    /// <summary>The demand rows assigned.</summary>
    public IReadOnlyList<DemandRow> Demand => Model.Demand;

    /// <summary>The equilibrium.</summary>
    public ChoiceSolution Solution { get; }

    /// <summary>Elements, bottlenecks with shadow prices, modal split and corridor tonnes.</summary>
    public ChoiceReport Choice { get; }

    /// <summary>Link flows, bottlenecks, corridor tonne-km and OD times in the assignment report's form (compare, saved runs, maps).</summary>
    public FreightAssignmentReport Report { get; }

    /// <summary>Rows the network cannot carry (a scenario closes their only route).</summary>
    public IReadOnlyList<UnservedDemand> Unserved { get; }

    /// <summary>Cost, hours, tonne-km and CO2e per year.</summary>
    public FreightTotals Totals { get; }

    /// <summary>Per demand row, its logsum.</summary>
    public IReadOnlyList<OdLogsum> Logsums { get; }

    /// <summary>Total demand assigned, tonnes per year.</summary>
    public double DemandTonnes => Demand.Sum(d => d.Tonnes);

    /// <summary>Builds the run's reports from a solution.</summary>
    public static FreightRun Create(ChoiceSolution solution, IReadOnlyList<UnservedDemand> unserved, TimeSpan elapsed)
    {
        var model = solution.Model;
        var choice = ChoiceReport.Create(solution);
        var totals = Totalise(solution, out var od);
        var result = new FreightEquilibrium(solution.Converged, solution.Converged ? "Converged" : "MaxIterations", Math.Max(0, solution.MaxUtilisation() - 1), totals.GeneralizedCostUsd, totals.TonneHours, solution.Iterations, elapsed);
        var links = Links(solution, choice);
        var report = new FreightAssignmentReport
        {
            Result = result,
            Links = links,
            Bottlenecks = [.. links.Where(l => l.Utilisation is not null && l.FlowTonnes > 0).OrderByDescending(l => l.Utilisation).ThenBy(l => l.Edge)],
            Corridors = FreightAssignmentReport.CorridorVolumes(model.Graph, links),
            OdPairs = od,
        };
        var net = model.Network;
        var logsums = new OdLogsum[model.Demand.Count];
        for (var i = 0; i < logsums.Length; i++)
        {
            var d = model.Demand[i];
            logsums[i] = new OdLogsum(d.Line, net.Places[d.Origin].Code, net.Places[d.Destination].Code, d.Commodity.Name(), d.Tonnes, solution.Logsums[i], solution.CompositeCostUsdPerTonne(i));
        }
        return new FreightRun(solution, choice, report, unserved, totals, logsums);
    }

    private static List<LinkFlow> Links(ChoiceSolution solution, ChoiceReport choice)
    {
        var model = solution.Model;
        // Hours and costs as a container sees them (the class that queues); any class with demand otherwise.
        var costs = model.Costs[(int)Commodity.Container] ?? model.Costs.First(c => c is not null)!;
        var links = new List<LinkFlow>(choice.Elements.Count);
        foreach (var x in choice.Elements)
        {
            var byClass = new SortedDictionary<string, double>(StringComparer.Ordinal);
            for (var c = 0; c < solution.EdgeTonnesByClass.Length; c++)
            {
                var t = solution.EdgeTonnesByClass[c][x.Edge];
                if (t > 1e-9)
                {
                    byClass[((Commodity)c).Name()] = t;
                }
            }
            var free = costs.Profile.Hours[x.Edge];
            links.Add(new LinkFlow(x.Edge, x.Id, x.Kind, x.Mode, x.From, x.To, x.Corridor, x.Tonnes, x.CapacityTonnes, x.Utilisation, free, free + x.DelayHoursContainer, byClass, costs.CostUsdPerTonne[x.Edge] + x.ShadowUsdPerTonne));
        }
        return links;
    }

    /// <summary>The totals, and per row its share-weighted hours, tariff per unit and main corridor.</summary>
    private static FreightTotals Totalise(ChoiceSolution solution, out List<OdCongestion> od)
    {
        var model = solution.Model;
        od = new List<OdCongestion>(model.Demand.Count);
        double cost = 0, tariff = 0, hours = 0, km = 0, co2e = 0;
        for (var i = 0; i < model.Demand.Count; i++)
        {
            var row = model.Demand[i];
            var k = model.Costs[(int)row.Commodity]!;
            var tonnesPerUnit = Math.Max(k.Profile.Info.TonnesPerUnit, 1e-9);
            var vot = Math.Max(k.ValueOfTimeUsdPerTonneHour, 1e-9);
            double rowHours = 0, rowTariff = 0, bestBase = double.PositiveInfinity, freeHours = double.NaN;
            var corridorShare = new SortedDictionary<string, double>(StringComparer.Ordinal);
            for (var r = 0; r < model.Routes[i].Count; r++)
            {
                var route = model.Routes[i][r];
                var p = solution.Probabilities[i][r];
                double queue = 0, routeCo2e = 0;
                foreach (var e in route.Edges)
                {
                    if (model.Binds(e, row.Commodity))
                    {
                        queue += solution.ShadowUsdPerTonne[e];
                    }
                    routeCo2e += k.Profile.Co2eKg[e] / tonnesPerUnit;
                }
                if (route.BaseCostUsdPerTonne < bestBase)
                {
                    (bestBase, freeHours) = (route.BaseCostUsdPerTonne, route.Hours);
                }
                var t = row.Tonnes * p;
                cost += t * (route.BaseCostUsdPerTonne + queue);
                tariff += t * route.TariffUsdPerTonne;
                hours += t * (route.Hours + (queue / vot));
                km += t * route.DistanceKm;
                co2e += t * routeCo2e;
                rowHours += p * (route.Hours + (queue / vot));
                rowTariff += p * route.TariffUsdPerTonne;
                corridorShare[route.Corridor] = corridorShare.GetValueOrDefault(route.Corridor) + p;
            }
            var main = corridorShare.Count == 0 ? "" : corridorShare.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
            od.Add(new OdCongestion(row, freeHours, rowHours, rowTariff * tonnesPerUnit, main));
        }
        return new FreightTotals(cost, tariff, hours, km, co2e);
    }
}
