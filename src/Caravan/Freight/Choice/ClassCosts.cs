using Caravan.Costs;
using Caravan.Model;
using Caravan.Routing;

namespace Caravan.Freight.Choice;

/// <summary>
/// The generalized cost each class pays per tonne on each routing edge: its own tariff (containers per FEU divided by
/// the tonnes in one, bulk and pipeline cargo per tonne), its value of time on the expected hours, and the reliability
/// ratio times the value of time on the p90 − expected spread. Also which edges each mode group of the class may use.
/// </summary>
public sealed class ClassCosts
{
    /// <summary>Builds the costs of one class.</summary>
    /// <param name="graph">Routing graph.</param>
    /// <param name="commodity">The class.</param>
    /// <param name="parameters">Its choice parameters.</param>
    /// <param name="year">Year of the network.</param>
    /// <param name="tariffFactor">Per routing edge, a factor on the tariff (null = 1 everywhere): price scenarios and elasticities.</param>
    public ClassCosts(RoutingGraph graph, Commodity commodity, ClassChoiceParameters parameters, int year, double[]? tariffFactor = null)
    {
        Commodity = commodity;
        Profile = new QueryProfile(graph, commodity, new RouteConstraints { Year = year });
        var info = Profile.Info;
        var tonnesPerUnit = Math.Max(info.TonnesPerUnit, 1e-9);
        ValueOfTimeUsdPerTonneHour = parameters.ValueOfTimeUsdPerTonneHour ?? (GeneralizedWeights.For(info).ValueOfTimeUsdPerHour / tonnesPerUnit);
        var n = graph.EdgeCount;
        TariffUsdPerTonne = new double[n];
        CostUsdPerTonne = new double[n];
        for (var e = 0; e < n; e++)
        {
            TariffUsdPerTonne[e] = Profile.CostUsd[e] / tonnesPerUnit * (tariffFactor?[e] ?? 1);
            var spread = Math.Max(0, Profile.P90Hours[e] - Profile.Hours[e]);
            CostUsdPerTonne[e] = TariffUsdPerTonne[e] + (ValueOfTimeUsdPerTonneHour * (Profile.Hours[e] + (parameters.ReliabilityRatio * spread)));
        }
        Allowed = new bool[ModeGroups.Count][];
        foreach (var g in ModeGroups.All)
        {
            var allowed = new bool[n];
            if (parameters.Groups.Contains(g))
            {
                for (var e = 0; e < n; e++)
                {
                    allowed[e] = Profile.Allowed[e] && Fits(graph, g, e, commodity);
                }
            }
            Allowed[(int)g] = allowed;
        }
    }

    /// <summary>The class.</summary>
    public Commodity Commodity { get; }

    /// <summary>The routing profile of the class (hours, p90, tariffs per unit, permissions).</summary>
    public QueryProfile Profile { get; }

    /// <summary>Value of time, USD per tonne-hour (the class's parameter, else the commodity's per unit divided by the tonnes in a unit).</summary>
    public double ValueOfTimeUsdPerTonneHour { get; }

    /// <summary>Tariff per tonne on each edge, USD.</summary>
    public double[] TariffUsdPerTonne { get; }

    /// <summary>Generalized cost per tonne on each edge, USD.</summary>
    public double[] CostUsdPerTonne { get; }

    /// <summary>Per mode group, the edges its routes may use.</summary>
    public bool[][] Allowed { get; }

    /// <summary>True when the edge stands for a link (a move or a border crossing), not a transfer or a stay at a place.</summary>
    public static bool IsLink(RoutingGraph graph, int e) => graph.Kind[e] is EdgeKind.Move or EdgeKind.Border;

    /// <summary>True when the edge is a deep-sea move (a sea link of the <c>sea</c> corridor), not a Caspian or Black Sea crossing.</summary>
    public static bool IsOceanSea(RoutingGraph graph, int e) =>
        IsLink(graph, e) && graph.EdgeMode[e] == Mode.Sea && graph.Network.Links[graph.Ref[e]].Corridor.Equals("sea", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when a move on <paramref name="e"/> is a ship leg of the sea group for this class: any deep-sea move, and
    /// for bulk and oil also a Caspian or Black Sea ship (a wagon-load transloaded to a ship is a sea shipment; a box
    /// on a Caspian feeder between two trains stays a rail shipment).
    /// </summary>
    public static bool IsSeaLeg(RoutingGraph graph, int e, Commodity commodity) =>
        IsOceanSea(graph, e) || (commodity != Commodity.Container && IsLink(graph, e) && graph.EdgeMode[e] == Mode.Sea);

    private static bool Fits(RoutingGraph graph, ModeGroup g, int e, Commodity commodity)
    {
        var tailMode = graph.VertexMode[graph.Tail[e]];
        var headMode = graph.VertexMode[graph.Head[e]];
        if (!g.Uses(tailMode) || !g.Uses(headMode))
        {
            return false;
        }
        if (!IsLink(graph, e))
        {
            return true;
        }
        // Ship legs belong to the sea group only; the other groups cross the Caspian and the Black Sea on ferries
        // (and, for boxes, on container feeders).
        if (IsSeaLeg(graph, e, commodity) && g != ModeGroup.Sea && g != ModeGroup.Pipeline)
        {
            return false;
        }
        // Air cargo takes the road only to and from an airport.
        if (g == ModeGroup.Air && graph.EdgeMode[e] == Mode.Road)
        {
            var net = graph.Network;
            return net.Places[graph.VertexPlace[graph.Tail[e]]].Kind == PlaceKind.Airport || net.Places[graph.VertexPlace[graph.Head[e]]].Kind == PlaceKind.Airport;
        }
        return true;
    }
}
