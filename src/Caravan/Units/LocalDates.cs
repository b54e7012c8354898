using Caravan.Export;
using Caravan.Model;
using Caravan.Planning;

namespace Caravan.Units;

/// <summary>Shows a plan's dated legs in local time: each departure at its from-place's zone, each arrival at its to-place's, with the offset.</summary>
public static class LocalDates
{
    /// <summary>The response with every dated leg's <c>departs</c>/<c>arrives</c> in local time (<c>2026-12-01T16:00+08:00</c>).</summary>
    public static RouteResponse Localize(RouteResponse response, PlanResult plan, Network network, TimeZoneTable? zones) => zones is null ? response : response with
    {
        Routes = [.. response.Routes.Select((r, i) => Localize(r, plan.Options[i], network, zones))],
        Alternatives = response.Alternatives is null ? null : [.. response.Alternatives.Select((r, i) => Localize(r, plan.Alternatives[i], network, zones))],
        Corridors = response.Corridors is null ? null : [.. response.Corridors.Select((c, i) => c.Route is not null && plan.Corridors[i].Best is { } best ? c with { Route = Localize(c.Route, best, network, zones) } : c)],
    };

    /// <summary>One route document with local dates.</summary>
    public static RouteDocument Localize(RouteDocument route, RouteOption option, Network network, TimeZoneTable zones)
    {
        if (option.DatedLegs is not { } dated)
        {
            return route;
        }
        var legs = new List<LegDocument>(route.Legs.Count);
        for (var i = 0; i < route.Legs.Count; i++)
        {
            var leg = option.Itinerary.Legs[i];
            legs.Add(route.Legs[i] with
            {
                Departs = zones.Local(dated[i].Departs, leg.From),
                Arrives = zones.Local(dated[i].Arrives, leg.To),
            });
        }
        return route with { Legs = legs };
    }
}
