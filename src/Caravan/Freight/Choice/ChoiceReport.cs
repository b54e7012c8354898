using Caravan.Model;
using Caravan.Routing;

namespace Caravan.Freight.Choice;

/// <summary>Flow on one capacitated or loaded element (a link direction, border crossing or transfer).</summary>
/// <param name="Edge">Routing edge.</param>
/// <param name="Id">Link id, or place and transfer kind.</param>
/// <param name="Kind">move, border or transfer.</param>
/// <param name="Mode">Mode.</param>
/// <param name="From">From place code.</param>
/// <param name="To">To place code.</param>
/// <param name="Corridor">Corridor label.</param>
/// <param name="Tonnes">Flow, tonnes per year.</param>
/// <param name="CapacityTonnes">Capacity, tonnes per year (null if none is published).</param>
/// <param name="Utilisation">Flow over capacity (null without capacity).</param>
/// <param name="ShadowUsdPerTonne">Shadow price of the capacity, USD per tonne: what a tonne would pay to get through.</param>
/// <param name="DelayHoursContainer">The shadow price as queue hours of a container tonne (shadow / value of time).</param>
public sealed record ElementFlow(int Edge, string Id, string Kind, Mode Mode, string From, string To, string Corridor, double Tonnes, double? CapacityTonnes, double? Utilisation, double ShadowUsdPerTonne, double DelayHoursContainer);

/// <summary>How one OD flow splits between mode groups and corridors.</summary>
/// <param name="Origin">Origin code.</param>
/// <param name="Destination">Destination code.</param>
/// <param name="Commodity">Class.</param>
/// <param name="Tonnes">Demand, tonnes per year.</param>
/// <param name="GroupShares">Share per mode group.</param>
/// <param name="CorridorShares">Share per corridor label.</param>
public sealed record ModalSplit(string Origin, string Destination, Commodity Commodity, double Tonnes, IReadOnlyDictionary<string, double> GroupShares, IReadOnlyDictionary<string, double> CorridorShares);

/// <summary>Tonnes routed on a corridor (a route counts for the corridor with most of its kilometres).</summary>
/// <param name="Corridor">Label.</param>
/// <param name="Tonnes">Tonnes per year, all classes.</param>
/// <param name="TonnesByClass">Per class.</param>
public sealed record CorridorFlow(string Corridor, double Tonnes, IReadOnlyDictionary<string, double> TonnesByClass);

/// <summary>What a corridor planner reads from the choice model.</summary>
public sealed class ChoiceReport
{
    /// <summary>Every element with flow or a positive shadow price, busiest first.</summary>
    public required IReadOnlyList<ElementFlow> Elements { get; init; }

    /// <summary>Capacitated elements by utilisation, highest first.</summary>
    public required IReadOnlyList<ElementFlow> Bottlenecks { get; init; }

    /// <summary>Every element above 100% of its capacity.</summary>
    public required IReadOnlyList<ElementFlow> OverCapacity { get; init; }

    /// <summary>Per demand row.</summary>
    public required IReadOnlyList<ModalSplit> ModalSplits { get; init; }

    /// <summary>Per corridor, largest first.</summary>
    public required IReadOnlyList<CorridorFlow> Corridors { get; init; }

    /// <summary>Builds the report of a solution.</summary>
    public static ChoiceReport Create(ChoiceSolution solution)
    {
        var model = solution.Model;
        var g = model.Graph;
        var net = model.Network;
        var vot = model.Costs[(int)Commodity.Container]?.ValueOfTimeUsdPerTonneHour ?? 1;
        var elements = new List<ElementFlow>();
        for (var e = 0; e < g.EdgeCount; e++)
        {
            var t = solution.EdgeTonnes[e];
            var shadow = solution.ShadowUsdPerTonne[e];
            if ((t <= 1e-6 && shadow <= 0) || g.Kind[e] == EdgeKind.Stay)
            {
                continue;
            }
            var cap = double.IsPositiveInfinity(model.CapacityTonnes[e]) ? (double?)null : model.CapacityTonnes[e];
            var from = net.Places[g.VertexPlace[g.Tail[e]]].Code;
            var to = net.Places[g.VertexPlace[g.Head[e]]].Code;
            string id, corridor;
            if (g.Kind[e] == EdgeKind.Transfer)
            {
                id = $"{from}:{net.Transfers[g.Ref[e]].Kind}";
                corridor = "";
            }
            else
            {
                var l = net.Links[g.Ref[e]];
                (id, corridor) = (l.Id, l.Corridor);
            }
            elements.Add(new ElementFlow(e, id, g.Kind[e].ToString().ToLowerInvariant(), g.EdgeMode[e], from, to, corridor, t, cap, cap is { } c ? solution.BindingTonnes(e) / c : null, shadow, shadow / vot));
        }
        elements.Sort((a, b) => b.Tonnes.CompareTo(a.Tonnes) is var k && k != 0 ? k : a.Edge.CompareTo(b.Edge));
        var bottlenecks = elements.Where(x => x.Utilisation is not null).OrderByDescending(x => x.Utilisation).ThenBy(x => x.Edge).ToList();
        var over = bottlenecks.Where(x => x.Utilisation > 1).ToList();
        var splits = new List<ModalSplit>();
        var corridorTonnes = new SortedDictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        for (var i = 0; i < model.Demand.Count; i++)
        {
            var row = model.Demand[i];
            var groups = new SortedDictionary<string, double>(StringComparer.Ordinal);
            var corridors = new SortedDictionary<string, double>(StringComparer.Ordinal);
            for (var r = 0; r < model.Routes[i].Count; r++)
            {
                var route = model.Routes[i][r];
                var p = solution.Probabilities[i][r];
                groups[route.Group.Name()] = groups.GetValueOrDefault(route.Group.Name()) + p;
                corridors[route.Corridor] = corridors.GetValueOrDefault(route.Corridor) + p;
                if (!corridorTonnes.TryGetValue(route.Corridor, out var byClass))
                {
                    corridorTonnes[route.Corridor] = byClass = new Dictionary<string, double>();
                }
                byClass[row.Commodity.Name()] = byClass.GetValueOrDefault(row.Commodity.Name()) + (p * row.Tonnes);
            }
            splits.Add(new ModalSplit(net.Places[row.Origin].Code, net.Places[row.Destination].Code, row.Commodity, row.Tonnes, groups, corridors));
        }
        var corridorFlows = corridorTonnes.Select(kv => new CorridorFlow(kv.Key, kv.Value.Values.Sum(), kv.Value)).OrderByDescending(c => c.Tonnes).ToList();
        return new ChoiceReport { Elements = elements, Bottlenecks = bottlenecks, OverCapacity = over, ModalSplits = splits, Corridors = corridorFlows };
    }
}
