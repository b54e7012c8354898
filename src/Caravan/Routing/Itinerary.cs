using Caravan.Model;

namespace Caravan.Routing;

/// <summary>What a leg of an itinerary is.</summary>
public enum LegKind : byte
{
    /// <summary>Moving along a link.</summary>
    Move,
    /// <summary>Handling at a place between two modes (gauge change, rail→ferry…).</summary>
    Transfer,
    /// <summary>Border formalities and the crossing itself.</summary>
    Border,
    /// <summary>Waiting for a scheduled departure (ferry, block train, flight).</summary>
    Wait,
}

/// <summary>One leg of an itinerary, with totals for the whole shipment quantity.</summary>
/// <param name="Kind">Move, transfer, border or wait.</param>
/// <param name="Mode">Mode of the leg (for transfers: the mode transferred to).</param>
/// <param name="From">Place index where the leg starts.</param>
/// <param name="To">Place index where it ends (same as From for transfers and waits).</param>
/// <param name="DistanceKm">Distance, km.</param>
/// <param name="Hours">Expected hours.</param>
/// <param name="P90Hours">90th-percentile hours.</param>
/// <param name="CostUsd">Price for the shipment, USD.</param>
/// <param name="Co2eKg">Emissions for the shipment, kg CO2e.</param>
/// <param name="Description">What happens (e.g. "gauge change 1435→1520", "Caspian ferry wait").</param>
/// <param name="LinkId">The link id for moves and borders; the transfer kind for transfers.</param>
/// <param name="Corridor">Corridor label of the link, if any.</param>
/// <param name="Edge">The routing-graph edge the leg came from (-1 for synthetic legs).</param>
public sealed record Leg(
    LegKind Kind,
    Mode Mode,
    int From,
    int To,
    double DistanceKm,
    double Hours,
    double P90Hours,
    double CostUsd,
    double Co2eKg,
    string Description,
    string LinkId,
    string Corridor,
    int Edge);

/// <summary>Totals of an itinerary.</summary>
/// <param name="DistanceKm">Total distance.</param>
/// <param name="Hours">Expected door-to-door hours.</param>
/// <param name="CostUsd">Total price.</param>
/// <param name="Co2eKg">Total CO2e.</param>
public sealed record Totals(double DistanceKm, double Hours, double CostUsd, double Co2eKg);

/// <summary>A routed shipment: legs and totals.</summary>
/// <param name="Request">The request it answers.</param>
/// <param name="Legs">The legs in order.</param>
/// <param name="Totals">Totals for the shipment.</param>
/// <param name="Edges">The routing-graph edges of the path.</param>
public sealed record Itinerary(RouteRequest Request, IReadOnlyList<Leg> Legs, Totals Totals, IReadOnlyList<int> Edges)
{
    /// <summary>Number of transfers (gauge changes included).</summary>
    public int Transfers => Legs.Count(l => l.Kind == LegKind.Transfer);

    /// <summary>The corridor the itinerary mostly runs on (by distance among labelled legs).</summary>
    public string Corridor
    {
        get
        {
            var byCorridor = new Dictionary<string, double>();
            foreach (var l in Legs)
            {
                if (l.Corridor.Length > 0 && l.Corridor != "domestic" && l.Corridor != "europe")
                {
                    byCorridor[l.Corridor] = byCorridor.GetValueOrDefault(l.Corridor) + l.DistanceKm;
                }
            }
            return byCorridor.Count == 0 ? "domestic" : byCorridor.MaxBy(kv => kv.Value).Key;
        }
    }
}
