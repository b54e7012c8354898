using Caravan.Reliability;
using Caravan.Routing;

namespace Caravan.Planning;

/// <summary>When a leg starts and ends for a shipment leaving at a given time.</summary>
/// <param name="Departs">Start of the leg (UTC).</param>
/// <param name="Arrives">End of the leg (UTC).</param>
/// <param name="FromTimetable">True when a wait ends at a real timetabled departure rather than an expected wait.</param>
public readonly record struct DatedLeg(DateTimeOffset Departs, DateTimeOffset Arrives, bool FromTimetable);

/// <summary>Dates the legs of an itinerary: median dwell, real next departures where timetables exist, else expected waits.</summary>
public static class LegDating
{
    /// <summary>One dated entry per leg, in order.</summary>
    public static IReadOnlyList<DatedLeg> Date(Itinerary itinerary, RoutingGraph graph, DateTimeOffset depart)
    {
        var result = new List<DatedLeg>(itinerary.Legs.Count);
        var t = depart.ToUniversalTime();
        var start = TransitSimulator.HourOfWeek(t);
        var elapsed = 0.0;
        foreach (var leg in itinerary.Legs)
        {
            var hours = leg.Hours;
            var timetabled = false;
            if (leg.Kind == LegKind.Wait && TransitSimulator.Timetable(graph.Network, graph.Ref[leg.Edge], graph.IsForward(leg.Edge)) is { Length: > 0 } table)
            {
                hours = TransitSimulator.WaitForNext(table, start + elapsed);
                timetabled = true;
            }
            var departs = t.AddHours(elapsed);
            elapsed += hours;
            result.Add(new DatedLeg(departs, t.AddHours(elapsed), timetabled));
        }
        return result;
    }
}
