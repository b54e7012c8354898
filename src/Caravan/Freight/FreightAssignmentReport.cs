using Caravan.Assignment;
using Caravan.Model;
using Caravan.Routing;

namespace Caravan.Freight;

/// <summary>Flow on one network link in one direction at equilibrium.</summary>
/// <param name="Edge">Routing edge.</param>
/// <param name="Id">Link id, or the transfer's place and kind.</param>
/// <param name="Kind">move, border or transfer.</param>
/// <param name="Mode">Mode.</param>
/// <param name="From">From place code.</param>
/// <param name="To">To place code.</param>
/// <param name="Corridor">Corridor label.</param>
/// <param name="FlowTonnes">Flow, tonnes per year.</param>
/// <param name="CapacityTonnes">Capacity, tonnes per year (null if none published).</param>
/// <param name="Utilisation">Flow over capacity (null if uncapacitated).</param>
/// <param name="FreeFlowHours">Hours at zero flow.</param>
/// <param name="CongestedHours">Hours at the equilibrium flow.</param>
/// <param name="FlowByCommodity">Tonnes per year by commodity.</param>
/// <param name="GeneralizedCostUsdPerTonne">Cost of the link at equilibrium: hours × value of time + tariff, USD per tonne.</param>
public sealed record LinkFlow(int Edge, string Id, string Kind, Mode Mode, string From, string To, string Corridor, double FlowTonnes, double? CapacityTonnes, double? Utilisation, double FreeFlowHours, double CongestedHours, IReadOnlyDictionary<string, double> FlowByCommodity, double GeneralizedCostUsdPerTonne);

/// <summary>Volume carried by a corridor.</summary>
/// <param name="Corridor">Corridor label.</param>
/// <param name="TonneKm">Tonne-km per year on its links.</param>
/// <param name="MaxLinkTonnes">Largest flow on any of its links (a proxy for the tonnes it carries end to end).</param>
/// <param name="Share">Share of all tonne-km.</param>
public sealed record CorridorVolume(string Corridor, double TonneKm, double MaxLinkTonnes, double Share);

/// <summary>An origin–destination flow's time and price under congestion.</summary>
/// <param name="Row">The demand row.</param>
/// <param name="FreeFlowHours">Shortest door-to-door hours on the empty network.</param>
/// <param name="CongestedHours">Shortest hours at the equilibrium.</param>
/// <param name="CostUsdPerUnit">Tariff along the congested path, per FEU or tonne.</param>
/// <param name="Corridor">Main corridor of the congested path.</param>
public sealed record OdCongestion(DemandRow Row, double FreeFlowHours, double CongestedHours, double CostUsdPerUnit, string Corridor);

/// <summary>What an assignment says: convergence, bottlenecks, corridor volumes and OD times under congestion.</summary>
public sealed class FreightAssignmentReport
{
    /// <summary>How the equilibrium ended.</summary>
    public required FreightEquilibrium Result { get; init; }

    /// <summary>Flow per routing edge (network links and transfers), connectors excluded.</summary>
    public required IReadOnlyList<LinkFlow> Links { get; init; }

    /// <summary>Capacitated links by utilisation, highest first.</summary>
    public required IReadOnlyList<LinkFlow> Bottlenecks { get; init; }

    /// <summary>Volumes by corridor, largest first.</summary>
    public required IReadOnlyList<CorridorVolume> Corridors { get; init; }

    /// <summary>Per demand row.</summary>
    public required IReadOnlyList<OdCongestion> OdPairs { get; init; }

    internal static FreightAssignmentReport Create(FreightModel model, AssignmentResult result)
    {
        var g = model.Graph;
        var net = model.Network;
        var links = new List<LinkFlow>();
        for (var a = 0; a < model.EdgeOfLink.Length; a++)
        {
            var e = model.EdgeOfLink[a];
            if (e < 0 || g.Kind[e] == EdgeKind.Stay)
            {
                continue;
            }
            var flow = result.LinkFlow[a];
            var cap = model.CapacityTonnes[a] >= FreightAssignment.UncapacitatedTonnes ? (double?)null : model.CapacityTonnes[a];
            var byCommodity = new Dictionary<string, double>();
            for (var k = 0; k < model.Problem.Classes.Count; k++)
            {
                var c = model.Problem.Classes[k];
                var f = result.ClassLinkFlow[k][a];
                if (f > 1e-9)
                {
                    byCommodity[c.Name] = f;
                }
            }
            var from = net.Places[g.VertexPlace[g.Tail[e]]].Code;
            var to = net.Places[g.VertexPlace[g.Head[e]]].Code;
            string id, corridor;
            if (g.Kind[e] == EdgeKind.Transfer)
            {
                var t = net.Transfers[g.Ref[e]];
                id = $"{from}:{t.Kind}";
                corridor = "";
            }
            else
            {
                var l = net.Links[g.Ref[e]];
                id = l.Id;
                corridor = l.Corridor;
            }
            var freeHours = model.Problem.Network.Costs.FreeFlowTime[a] / model.ValueOfTimeUsdPerTonneHour;
            links.Add(new LinkFlow(e, id, g.Kind[e].ToString().ToLowerInvariant(), g.EdgeMode[e], from, to, corridor, flow, cap, cap is { } c2 ? flow / c2 : null, freeHours, model.HoursAt(a, result.LinkCost[a]), byCommodity, result.LinkCost[a]));
        }
        var bottlenecks = links.Where(l => l.Utilisation is not null && l.FlowTonnes > 0).OrderByDescending(l => l.Utilisation).ToList();
        var corridors = CorridorVolumes(g, links);
        var od = OdTimes(model, result);
        return new FreightAssignmentReport { Result = new FreightEquilibrium(result.Converged, result.StopReason.ToString(), result.RelativeGap, result.Objective, result.TotalSystemTravelTime, result.Iterations, result.Elapsed), Links = links, Bottlenecks = bottlenecks, Corridors = corridors, OdPairs = od };
    }

    /// <summary>Tonne-km and the busiest link per corridor label, largest first (transfers left out).</summary>
    public static IReadOnlyList<CorridorVolume> CorridorVolumes(RoutingGraph graph, IReadOnlyList<LinkFlow> links)
    {
        var total = 0.0;
        var corridorKm = new Dictionary<string, (double TonneKm, double Max)>();
        foreach (var l in links)
        {
            if (l.Kind == "transfer" || l.FlowTonnes <= 0)
            {
                continue;
            }
            var km = graph.DistanceKm[l.Edge];
            var key = l.Corridor.Length == 0 ? "unlabelled" : l.Corridor;
            var (tk, max) = corridorKm.GetValueOrDefault(key);
            corridorKm[key] = (tk + (l.FlowTonnes * km), Math.Max(max, l.FlowTonnes));
            total += l.FlowTonnes * km;
        }
        return [.. corridorKm.Select(kv => new CorridorVolume(kv.Key, kv.Value.TonneKm, kv.Value.Max, total > 0 ? kv.Value.TonneKm / total : 0)).OrderByDescending(c => c.TonneKm).ThenBy(c => c.Corridor, StringComparer.Ordinal)];
    }

    private static List<OdCongestion> OdTimes(FreightModel model, AssignmentResult result)
    {
        var g = model.Graph;
        var congestedCost = new double[g.EdgeCount];
        var freeCost = new double[g.EdgeCount];
        var congestedHours = new double[g.EdgeCount];
        var freeHours = new double[g.EdgeCount];
        Array.Fill(congestedCost, double.PositiveInfinity);
        Array.Fill(freeCost, double.PositiveInfinity);
        var costs = model.Problem.Network.Costs;
        for (var a = 0; a < model.EdgeOfLink.Length; a++)
        {
            var e = model.EdgeOfLink[a];
            if (e >= 0)
            {
                congestedCost[e] = result.LinkCost[a];
                freeCost[e] = costs.FreeFlowTime[a] + costs.FixedCost[a];
                congestedHours[e] = model.HoursAt(a, result.LinkCost[a]);
                freeHours[e] = costs.FreeFlowTime[a] / model.ValueOfTimeUsdPerTonneHour;
            }
        }
        var search = new ShortestPathSearch(g);
        var list = new List<OdCongestion>();
        foreach (var row in model.Demand)
        {
            var profile = new QueryProfile(g, row.Commodity, new RouteConstraints { Year = 9999 });
            // The same permissions as the assignment (e.g. air cargo on roads only to and from airports).
            var allowed = new bool[g.EdgeCount];
            var bit = 1UL << (int)row.Commodity;
            var masks = model.Problem.Network.AllowedClasses;
            for (var a = 0; a < model.EdgeOfLink.Length; a++)
            {
                var e = model.EdgeOfLink[a];
                if (e >= 0)
                {
                    allowed[e] = masks is null || (masks[a] & bit) != 0;
                }
            }
            // Each path is the cheapest in generalized cost; its hours are reported.
            var freePath = search.Run(row.Origin, row.Destination, freeCost, allowed, null, out _);
            var freeTotal = freePath?.Sum(e => freeHours[e]) ?? double.NaN;
            var path = search.Run(row.Origin, row.Destination, congestedCost, allowed, null, out _);
            var hours = double.NaN;
            var cost = 0.0;
            var corridor = "";
            if (path is not null)
            {
                hours = 0;
                foreach (var e in path)
                {
                    cost += profile.CostUsd[e];
                    hours += congestedHours[e];
                }
                var it = ItineraryBuilder.Build(new RouteRequest(row.Origin, row.Destination, row.Commodity, 1, Objective.Time, new RouteConstraints()), profile, path);
                corridor = it.Corridor;
            }
            list.Add(new OdCongestion(row, freeTotal, hours, cost, corridor));
        }
        return list;
    }
}
