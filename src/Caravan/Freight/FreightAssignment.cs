using Caravan.Assignment;
using Caravan.Data;
using Caravan.Model;
using Caravan.Routing;

namespace Caravan.Freight;

/// <summary>Settings of a freight assignment on the Eurasian network.</summary>
public sealed record FreightAssignmentOptions
{
    /// <summary>Year of the network (planned links count from their opening year).</summary>
    public int Year { get; init; } = 2026;

    /// <summary>BPR α for line links.</summary>
    public double BprAlpha { get; init; } = 0.15;

    /// <summary>BPR power for line links.</summary>
    public double BprPower { get; init; } = 4;

    /// <summary>Conical steepness α for borders, ports and transfers (Spiess 1990 suggests about 4).</summary>
    public double ConicalAlpha { get; init; } = 4;

    /// <summary>
    /// Value of one tonne-hour in transit, USD: converts hours to money so that route choice weighs time against
    /// tariffs (otherwise the whole sea trade would take the faster land bridge). Estimate: 1 USD per tonne-hour
    /// (≈ 20 USD per FEU-day… per hour for a 20 t container), the order of magnitude of European freight values of time.
    /// </summary>
    public double ValueOfTimeUsdPerTonneHour { get; init; } = 1.0;

    /// <summary>The equilibrium solver's settings.</summary>
    public AssignmentOptions Solver { get; init; } = new() { TargetRelativeGap = 1e-5, MaxIterations = 500 };
}

/// <summary>
/// Multi-class user-equilibrium assignment of annual freight demand to the routing graph: each commodity a class
/// that may use only the modes that carry it; flows shared in tonnes per year; border crossings, ports, ferries and
/// transfers with conical delay at their capacity, lines with BPR. Route choice is by door-to-door hours
/// (moving, median dwell, expected waits) under congestion.
/// </summary>
public static class FreightAssignment
{
    /// <summary>A link without a published capacity: large enough never to delay.</summary>
    public const double UncapacitatedTonnes = 1e13;

    /// <summary>Builds the assignment problem, checking first that every demand row has a route (diagnostics name the line).</summary>
    public static FreightModel Build(Network network, IReadOnlyList<DemandRow> demand, FreightAssignmentOptions options, string demandFile = "demand.csv")
    {
        var graph = new RoutingGraph(network);
        var router = new Router(graph);
        var bag = new DiagnosticBag();
        foreach (var row in demand)
        {
            if (DemandReach.NoRoute(router, row, options.Year) is { } reason)
            {
                bag.Error(demandFile, row.Line, "destination", reason);
            }
        }
        bag.ThrowIfErrors($"cannot assign {demandFile}");

        var units = new FreightUnits(network);
        var zones = new List<int>();
        var zoneOf = new Dictionary<int, int>();
        foreach (var row in demand)
        {
            foreach (var p in new[] { row.Origin, row.Destination })
            {
                if (!zoneOf.ContainsKey(p))
                {
                    zoneOf[p] = zones.Count;
                    zones.Add(p);
                }
            }
        }
        var v = graph.VertexCount;
        var nodeCount = v + zones.Count;
        var tail = new List<int>();
        var head = new List<int>();
        var edgeOf = new List<int>();
        var free = new List<double>();
        var fixedCost = new List<double>();
        var hours = new List<double>();
        var vot = options.ValueOfTimeUsdPerTonneHour;
        var tonnesPerFeu = units.TonnesPerFeu;
        var containerModes = network.InfoOf(Commodity.Container).AllowedModes;
        var capacity = new List<double>();
        var kind = new List<VolumeDelayKind>();
        var masks = new List<ulong>();
        var commodities = Commodities.All;
        ulong MaskFor(Mode a, Mode b)
        {
            ulong m = 0;
            foreach (var c in commodities)
            {
                if (network.CommodityInfos[(int)c] is { } info && info.AllowedModes.Contains(a) && info.AllowedModes.Contains(b))
                {
                    m |= 1UL << (int)c;
                }
            }
            return m;
        }
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            if (graph.OpenFromYear[e] > options.Year)
            {
                continue;
            }
            var mask = MaskFor(graph.VertexMode[graph.Tail[e]], graph.VertexMode[graph.Head[e]]);
            // The commodities' road rules (air cargo flies) in the form a class mask can hold.
            var tailKind = network.Places[graph.VertexPlace[graph.Tail[e]]].Kind;
            var headKind = network.Places[graph.VertexPlace[graph.Head[e]]].Kind;
            for (var i = 0; i < commodities.Count; i++)
            {
                var c = commodities[i];
                if ((mask & (1UL << (int)c)) != 0 && network.CommodityInfos[(int)c] is { } info
                    && !info.MayUseLinkWithoutPhases(graph.EdgeMode[e], tailKind, headKind))
                {
                    mask &= ~(1UL << (int)c);
                }
            }
            if (mask == 0)
            {
                continue;
            }
            tail.Add(graph.Tail[e]);
            head.Add(graph.Head[e]);
            edgeOf.Add(e);
            var h = Math.Max(1e-3, graph.MoveHours[e] + graph.WaitHours[e] + graph.DwellHours[e]);
            hours.Add(h);
            free.Add(h * vot);
            // One tariff per link for all classes: per tonne of a 20 t container where containers may go, else the bulk rate.
            var containerLink = containerModes.Contains(graph.VertexMode[graph.Tail[e]]) && containerModes.Contains(graph.VertexMode[graph.Head[e]]);
            fixedCost.Add(containerLink ? graph.CostUsdPerFeu[e] / tonnesPerFeu : graph.CostUsdPerTonne[e]);
            capacity.Add(CapacityTonnes(network, graph, e, units) ?? UncapacitatedTonnes);
            kind.Add(graph.Kind[e] == EdgeKind.Move && network.Links[graph.Ref[e]].Mode is not (Mode.Ferry) ? VolumeDelayKind.Bpr : VolumeDelayKind.Conical);
            masks.Add(mask);
        }
        // Connectors: each zone's centroid to and from every vertex of its place, free and unlimited.
        for (var z = 0; z < zones.Count; z++)
        {
            foreach (var mode in Modes.All)
            {
                var departure = graph.DepartureOf(zones[z], mode);
                if (departure < 0)
                {
                    continue;
                }
                var mask = MaskFor(mode, mode);
                foreach (var (a, b) in new[] { (v + z, departure), (graph.ArrivalOf(zones[z], mode), v + z) })
                {
                    tail.Add(a);
                    head.Add(b);
                    edgeOf.Add(-1);
                    free.Add(1e-6);
                    hours.Add(0);
                    fixedCost.Add(0);
                    capacity.Add(UncapacitatedTonnes);
                    kind.Add(VolumeDelayKind.Bpr);
                    masks.Add(mask);
                }
            }
        }
        var n = tail.Count;
        var alpha = new double[n];
        var power = new double[n];
        for (var a = 0; a < n; a++)
        {
            alpha[a] = kind[a] == VolumeDelayKind.Bpr ? options.BprAlpha : options.ConicalAlpha;
            power[a] = kind[a] == VolumeDelayKind.Bpr ? options.BprPower : 0;
        }
        var costs = new LinkCostModel([.. free], [.. capacity], alpha, power, [.. fixedCost], [.. kind]);
        var blocks = new bool[nodeCount];
        for (var z = 0; z < zones.Count; z++)
        {
            blocks[v + z] = true;
        }
        var zoneNode = new int[zones.Count];
        for (var z = 0; z < zones.Count; z++)
        {
            zoneNode[z] = v + z;
        }
        var assignmentNetwork = new AssignmentNetwork(nodeCount, [.. tail], [.. head], costs, zoneNode, blocks, [.. masks]);
        var classes = new List<DemandClass>();
        foreach (var c in commodities)
        {
            var entries = demand.Where(d => d.Commodity == c).Select(d => (zoneOf[d.Origin], zoneOf[d.Destination], d.Tonnes)).ToList();
            if (entries.Count > 0)
            {
                classes.Add(new DemandClass(c.Name(), (int)c, new OdMatrix(zones.Count, entries)));
            }
        }
        return new FreightModel(network, graph, new AssignmentProblem(assignmentNetwork, classes), [.. edgeOf], [.. capacity], zones, demand, units, vot);
    }

    /// <summary>Capacity of a routing edge in tonnes per year, or null when the data gives none.</summary>
    public static double? CapacityTonnes(Network network, RoutingGraph graph, int edge, FreightUnits units)
    {
        double? value;
        string unit;
        if (graph.Kind[edge] == EdgeKind.Stay)
        {
            return null;
        }
        if (graph.Kind[edge] == EdgeKind.Transfer)
        {
            var t = network.Transfers[graph.Ref[edge]];
            (value, unit) = (t.CapacityPerYear, t.CapacityUnit);
        }
        else
        {
            var l = network.Links[graph.Ref[edge]];
            (value, unit) = (l.CapacityPerYear, l.CapacityUnit);
        }
        return value is { } q && q > 0 ? units.ToTonnes(q, unit) : null;
    }

    /// <summary>Solves the equilibrium and summarises it.</summary>
    public static FreightAssignmentReport Solve(FreightModel model, FreightAssignmentOptions options, Action<IterationReport>? progress = null, CancellationToken cancellation = default)
    {
        var result = TrafficAssignment.Solve(model.Problem, options.Solver, progress, cancellation);
        return FreightAssignmentReport.Create(model, result);
    }
}

/// <summary>The assignment problem built from the network, with the mapping back to routing edges.</summary>
/// <param name="Network">The network.</param>
/// <param name="Graph">Its routing graph.</param>
/// <param name="Problem">The assignment problem.</param>
/// <param name="EdgeOfLink">Routing edge of each assignment link (-1 for zone connectors).</param>
/// <param name="CapacityTonnes">Capacity of each assignment link in tonnes per year.</param>
/// <param name="Zones">Place of each zone.</param>
/// <param name="Demand">The demand rows.</param>
/// <param name="Units">The unit converter.</param>
/// <param name="ValueOfTimeUsdPerTonneHour">The value of time the costs were built with.</param>
public sealed record FreightModel(Network Network, RoutingGraph Graph, AssignmentProblem Problem, int[] EdgeOfLink, double[] CapacityTonnes, IReadOnlyList<int> Zones, IReadOnlyList<DemandRow> Demand, FreightUnits Units, double ValueOfTimeUsdPerTonneHour)
{
    /// <summary>Hours on assignment link <paramref name="link"/> at a given generalized cost (the tariff taken out).</summary>
    public double HoursAt(int link, double cost) => (cost - Problem.Network.Costs.FixedCost[link]) / ValueOfTimeUsdPerTonneHour;
}
