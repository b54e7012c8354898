using Caravan.Costs;
using Caravan.Model;

namespace Caravan.Routing;

/// <summary>
/// Per-query edge view: which edges a shipment may use (commodity, year, avoidances) and each edge's time, price and
/// CO2e for one unit of it. Constraints become an edge filter here, so searches stay plain graph searches.
/// </summary>
public sealed class QueryProfile
{
    /// <summary>Graph the profile applies to.</summary>
    public RoutingGraph Graph { get; }

    /// <summary>True where the edge may be used.</summary>
    public bool[] Allowed { get; }

    /// <summary>Expected hours on the edge (move + wait + median dwell).</summary>
    public double[] Hours { get; }

    /// <summary>90th-percentile hours (move + p90 wait + p90 dwell), for reliability labels.</summary>
    public double[] P90Hours { get; }

    /// <summary>Variance of the edge's time (log-normal dwell, uniform wait for a departure), hours².</summary>
    public double[] VarianceHours2 { get; }

    /// <summary>Price for one unit (FEU or tonne), USD.</summary>
    public double[] CostUsd { get; }

    /// <summary>CO2e for one unit, kg.</summary>
    public double[] Co2eKg { get; }

    /// <summary>The commodity the profile is for.</summary>
    public CommodityInfo Info { get; }

    /// <summary>The commodity's rule for the order of modes (road only before or after the main haul, air cargo flies).</summary>
    public ModeSequence Sequence { get; }

    /// <summary>Number of edges the commodity could use at all (before avoidances and year).</summary>
    public int CommodityEdges { get; }

    /// <summary>Builds the profile for a commodity and constraints.</summary>
    public QueryProfile(RoutingGraph graph, Commodity commodity, RouteConstraints constraints)
    {
        Graph = graph;
        var info = graph.Network.InfoOf(commodity);
        Info = info;
        Sequence = ModeSequence.For(graph, info);
        var n = graph.EdgeCount;
        Allowed = new bool[n];
        Hours = new double[n];
        P90Hours = new double[n];
        CostUsd = new double[n];
        Co2eKg = new double[n];
        VarianceHours2 = new double[n];
        var avoidCountry = new bool[graph.Countries.Count];
        for (var c = 0; c < graph.Countries.Count; c++)
        {
            avoidCountry[c] = constraints.AvoidCountries.Contains(graph.Countries[c]);
        }
        var modeAllowed = new bool[Modes.Count];
        foreach (var m in Modes.All)
        {
            modeAllowed[(int)m] = info.AllowedModes.Contains(m);
        }
        var modeAvoided = new bool[Modes.Count];
        foreach (var m in constraints.AvoidModes)
        {
            modeAvoided[(int)m] = true;
        }
        var tonnes = info.TonnesPerUnit;
        var commodityEdges = 0;
        for (var e = 0; e < n; e++)
        {
            var tail = graph.Tail[e];
            var head = graph.Head[e];
            var tailPlace = graph.VertexPlace[tail];
            var headPlace = graph.VertexPlace[head];
            var ok = modeAllowed[(int)graph.VertexMode[tail]] && modeAllowed[(int)graph.VertexMode[head]];
            if (ok)
            {
                commodityEdges++;
            }
            // Local pre- and on-carriage inside a locality stays open when road is avoided as a mode.
            var local = graph.IsLocalCarriage[e];
            var tailMode = graph.VertexMode[tail];
            var headMode = graph.VertexMode[head];
            ok = ok
                && (!modeAvoided[(int)tailMode] || (local && tailMode == Mode.Road))
                && (!modeAvoided[(int)headMode] || (local && headMode == Mode.Road))
                && graph.OpenFromYear[e] <= constraints.Year
                && !avoidCountry[graph.PlaceCountry[tailPlace]] && !avoidCountry[graph.PlaceCountry[headPlace]]
                && !constraints.AvoidPlaces.Contains(tailPlace) && !constraints.AvoidPlaces.Contains(headPlace);
            // Air cargo reaches and leaves its airports by road, and goes no further by truck.
            if (ok && info.RoadRule == RoadRule.Access && graph.EdgeMode[e] == Mode.Road && graph.IsLinkEdge(e)
                && graph.Network.Places[tailPlace].Kind != PlaceKind.Airport && graph.Network.Places[headPlace].Kind != PlaceKind.Airport)
            {
                ok = false;
            }
            Allowed[e] = ok;
            var wait = graph.WaitHours[e];
            Hours[e] = graph.MoveHours[e] + wait + graph.DwellHours[e];
            // The wait for a departure is uniform over the headway: its p90 is 0.9 × headway = 1.8 × the mean wait.
            P90Hours[e] = graph.MoveHours[e] + (1.8 * wait) + graph.DwellP90Hours[e];
            var headway = 2 * wait;
            VarianceHours2[e] = (headway * headway / 12.0) + new LogNormalDwell(graph.DwellHours[e], Math.Max(graph.DwellHours[e], graph.DwellP90Hours[e])).Variance;
            var link = graph.IsLinkEdge(e) ? graph.Network.Links[graph.Ref[e]] : null;
            CostUsd[e] = CommodityTariff.UsdPerUnit(info, link, graph.Kind[e] == EdgeKind.Move, graph.DistanceKm[e], graph.CostUsdPerFeu[e], graph.CostUsdPerTonne[e]);
            Co2eKg[e] = graph.Co2eKgPerTonne[e] * tonnes;
        }
        CommodityEdges = commodityEdges;
    }

    /// <summary>The scalar weight of each edge for an objective (a tiny tie-break on the other criteria keeps answers stable).</summary>
    public double[] Weights(Objective objective, GeneralizedWeights? weights)
    {
        var n = Graph.EdgeCount;
        var w = new double[n];
        var g = weights ?? GeneralizedWeights.For(Info);
        for (var e = 0; e < n; e++)
        {
            w[e] = ObjectiveCost.Of(objective, g, Hours[e], CostUsd[e], Co2eKg[e]);
        }
        return w;
    }
}
