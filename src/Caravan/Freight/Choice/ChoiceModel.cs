using Caravan.Data;
using Caravan.Model;
using Caravan.Routing;

namespace Caravan.Freight.Choice;

/// <summary>
/// The freight choice model built for one network and demand: per class its edge costs, per OD row its choice set of
/// competitive routes, per routing edge its capacity in tonnes per year. Solve it with <see cref="ChoiceEquilibrium"/>.
/// </summary>
public sealed class ChoiceModel
{
    private ChoiceModel(Network network, RoutingGraph graph, IReadOnlyList<DemandRow> demand, ChoiceParameters parameters, ChoiceOptions options, ClassCosts?[] costs, double[] capacity, bool[] containersOnly, List<ChoiceRoute>[] routes)
    {
        CapacityBindsContainersOnly = containersOnly;
        Network = network;
        Graph = graph;
        Demand = demand;
        Parameters = parameters;
        Options = options;
        Costs = costs;
        CapacityTonnes = capacity;
        Routes = routes;
        Units = new FreightUnits(network);
    }

    /// <summary>The network.</summary>
    public Network Network { get; }

    /// <summary>Its routing graph.</summary>
    public RoutingGraph Graph { get; }

    /// <summary>The OD rows.</summary>
    public IReadOnlyList<DemandRow> Demand { get; }

    /// <summary>The choice parameters.</summary>
    public ChoiceParameters Parameters { get; }

    /// <summary>The settings.</summary>
    public ChoiceOptions Options { get; }

    /// <summary>Edge costs per class, indexed by <see cref="Commodity"/> (null for a class without demand).</summary>
    public IReadOnlyList<ClassCosts?> Costs { get; }

    /// <summary>Capacity of each routing edge, tonnes per year (+∞ where none is published).</summary>
    public double[] CapacityTonnes { get; }

    /// <summary>
    /// Per routing edge, true when its capacity is counted in containers (TEU, FEU): a container terminal or feeder
    /// service, whose capacity binds container flows only (a tanker does not queue for the container feeder).
    /// </summary>
    public bool[] CapacityBindsContainersOnly { get; }

    /// <summary>True when flow of <paramref name="commodity"/> on <paramref name="edge"/> counts against its capacity.</summary>
    public bool Binds(int edge, Commodity commodity) => !CapacityBindsContainersOnly[edge] || commodity == Commodity.Container;

    /// <summary>Choice set of each demand row (grows during the equilibrium by column generation).</summary>
    public IReadOnlyList<List<ChoiceRoute>> Routes { get; }

    /// <summary>The mode groups demand row <paramref name="row"/> chooses between: its own (a market served by one mode by definition), else its class's.</summary>
    public IReadOnlyList<ModeGroup> GroupsOf(int row) => Demand[row].Groups ?? Parameters.For(Demand[row].Commodity).Groups;

    /// <summary>Unit conversions.</summary>
    public FreightUnits Units { get; }

    /// <summary>Builds the model; a demand row with no option in any of its class's groups is an error naming its line.</summary>
    public static ChoiceModel Build(Network network, IReadOnlyList<DemandRow> demand, ChoiceParameters parameters, ChoiceOptions options, string demandFile = "demand.csv")
    {
        var graph = new RoutingGraph(network);
        return Build(graph, demand, parameters, options, demandFile);
    }

    /// <summary>Builds the model on an existing routing graph.</summary>
    public static ChoiceModel Build(RoutingGraph graph, IReadOnlyList<DemandRow> demand, ChoiceParameters parameters, ChoiceOptions options, string demandFile = "demand.csv")
    {
        var network = graph.Network;
        var factor = TariffFactors(graph, options);
        var costs = new ClassCosts?[Commodities.All.Count];
        foreach (var c in Commodities.All)
        {
            if (demand.Any(d => d.Commodity == c))
            {
                costs[(int)c] = new ClassCosts(graph, c, parameters.For(c), options.Year, factor);
            }
        }
        var units = new FreightUnits(network);
        var capacity = new double[graph.EdgeCount];
        var containersOnly = new bool[graph.EdgeCount];
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            capacity[e] = FreightAssignment.CapacityTonnes(network, graph, e, units) ?? double.PositiveInfinity;
            var unit = graph.Kind[e] switch
            {
                EdgeKind.Transfer => network.Transfers[graph.Ref[e]].CapacityUnit,
                EdgeKind.Stay => "",
                _ => network.Links[graph.Ref[e]].CapacityUnit,
            };
            containersOnly[e] = unit.Trim().ToLowerInvariant() is "teu" or "feu";
        }
        var builder = new ChoiceSetBuilder(graph);
        var bag = new DiagnosticBag();
        var routes = new List<ChoiceRoute>[demand.Count];
        for (var i = 0; i < demand.Count; i++)
        {
            var row = demand[i];
            var p = parameters.For(row.Commodity);
            routes[i] = [];
            var groups = row.Groups ?? p.Groups;
            foreach (var foreign in groups.Where(g => !p.Groups.Contains(g)))
            {
                bag.Error(demandFile, row.Line, "groups", $"mode group {foreign.Name()} is not one of {row.Commodity.Name()}'s groups ({string.Join('|', p.Groups.Select(g => g.Name()))})");
            }
            builder.Add(row.Origin, row.Destination, costs[(int)row.Commodity]!, groups, null, options.AlternativesPerGroup, routes[i]);
            if (routes[i].Count == 0)
            {
                bag.Error(demandFile, row.Line, "destination", $"no {row.Commodity.Name()} option from {network.Places[row.Origin].Code} to {network.Places[row.Destination].Code} in the groups {string.Join('|', groups.Select(g => g.Name()))} in {options.Year}");
            }
        }
        bag.ThrowIfErrors($"cannot build the choice model for {demandFile}");
        return new ChoiceModel(network, graph, demand, parameters, options, costs, capacity, containersOnly, routes);
    }

    /// <summary>The same network and demand with other parameters or options (choice sets rebuilt).</summary>
    public ChoiceModel With(ChoiceParameters parameters, ChoiceOptions? options = null) => Build(Graph, Demand, parameters, options ?? Options);

    /// <summary>
    /// The same choice sets with the tariffs of other options (corridor price factors): every route is re-priced, none
    /// added or dropped, so a price change moves shares and nothing else (the elasticities compare like with like).
    /// </summary>
    public ChoiceModel Repriced(ChoiceOptions options)
    {
        var factor = TariffFactors(Graph, options);
        var costs = new ClassCosts?[Costs.Count];
        for (var c = 0; c < costs.Length; c++)
        {
            costs[c] = Costs[c] is null ? null : new ClassCosts(Graph, (Commodity)c, Parameters.For((Commodity)c), options.Year, factor);
        }
        var routes = new List<ChoiceRoute>[Routes.Count];
        for (var i = 0; i < routes.Length; i++)
        {
            var k = costs[(int)Demand[i].Commodity]!;
            routes[i] = [.. Routes[i].Select(r => r with { BaseCostUsdPerTonne = Math.Max(Sum(r.Edges, k.CostUsdPerTonne), 1e-6), TariffUsdPerTonne = Sum(r.Edges, k.TariffUsdPerTonne) })];
        }
        return new ChoiceModel(Network, Graph, Demand, Parameters, options, costs, CapacityTonnes, CapacityBindsContainersOnly, routes);
    }

    private static double Sum(int[] edges, double[] values)
    {
        var s = 0.0;
        foreach (var e in edges)
        {
            s += values[e];
        }
        return s;
    }

    private static double[]? TariffFactors(RoutingGraph graph, ChoiceOptions options)
    {
        if (options.CorridorTariffFactor.Count == 0)
        {
            return null;
        }
        var factor = new double[graph.EdgeCount];
        for (var e = 0; e < factor.Length; e++)
        {
            factor[e] = ClassCosts.IsLink(graph, e) && options.CorridorTariffFactor.TryGetValue(graph.Network.Links[graph.Ref[e]].Corridor, out var f) ? f : 1;
        }
        return factor;
    }
}
