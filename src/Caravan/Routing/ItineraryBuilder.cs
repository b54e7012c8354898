using Caravan.Model;

namespace Caravan.Routing;

/// <summary>Turns a path of routing-graph edges into legs a person can read, with totals for the quantity shipped.</summary>
public static class ItineraryBuilder
{
    /// <summary>Builds the itinerary of a path.</summary>
    public static Itinerary Build(RouteRequest request, QueryProfile profile, IReadOnlyList<int> edges)
    {
        var g = profile.Graph;
        var net = g.Network;
        var q = request.Quantity;
        var legs = new List<Leg>(edges.Count + 4);
        foreach (var e in edges)
        {
            var from = g.VertexPlace[g.Tail[e]];
            var to = g.VertexPlace[g.Head[e]];
            switch (g.Kind[e])
            {
                case EdgeKind.Stay:
                    // Carrying on through a place in the same mode is no leg of its own.
                    break;
                case EdgeKind.Transfer:
                    {
                        var t = net.Transfers[g.Ref[e]];
                        var fromMode = g.VertexMode[g.Tail[e]];
                        var toMode = g.VertexMode[g.Head[e]];
                        var what = t.IsGaugeChange
                            ? $"gauge change {Gauge(fromMode)}→{Gauge(toMode)} mm"
                            : $"{t.Kind}: {fromMode}→{toMode}";
                        legs.Add(new Leg(LegKind.Transfer, toMode, from, to, 0, profile.Hours[e], profile.P90Hours[e], profile.CostUsd[e] * q, profile.Co2eKg[e] * q, what, t.Kind, "", e));
                        break;
                    }
                case EdgeKind.Border:
                    {
                        var link = net.Links[g.Ref[e]];
                        var what = $"border {net.Places[from].Country}→{net.Places[to].Country}";
                        legs.Add(new Leg(LegKind.Border, link.Mode, from, to, g.DistanceKm[e], profile.Hours[e], profile.P90Hours[e], profile.CostUsd[e] * q, profile.Co2eKg[e] * q, what, link.Id, link.Corridor, e));
                        break;
                    }
                default:
                    {
                        var link = net.Links[g.Ref[e]];
                        var wait = g.WaitHours[e];
                        var moveHours = profile.Hours[e] - wait;
                        var moveP90 = profile.P90Hours[e] - (1.8 * wait);
                        if (wait > 0)
                        {
                            // Name the service boarded here in this direction, not whichever runs on the link.
                            var services = net.BoardingServices(g.Ref[e], g.IsForward(e));
                            var name = services.Count > 0 && services[0].Name.Length > 0 ? services[0].Name : $"{link.Mode} service";
                            var perWeek = net.DeparturesPerWeekOn(g.Ref[e]);
                            legs.Add(new Leg(LegKind.Wait, link.Mode, from, from, 0, wait, 1.8 * wait, 0, 0, $"wait for {name} ({perWeek:0.#}/week)", link.Id, link.Corridor, e));
                        }
                        legs.Add(new Leg(LegKind.Move, link.Mode, from, to, g.DistanceKm[e], moveHours, moveP90, profile.CostUsd[e] * q, profile.Co2eKg[e] * q, link.Mode.ToString(), link.Id, link.Corridor, e));
                        break;
                    }
            }
        }
        double km = 0, hours = 0, usd = 0, co2 = 0;
        foreach (var l in legs)
        {
            km += l.DistanceKm;
            hours += l.Hours;
            usd += l.CostUsd;
            co2 += l.Co2eKg;
        }
        return new Itinerary(request, legs, new Totals(km, hours, usd, co2), [.. edges]);
    }

    private static string Gauge(Mode m) => m == Mode.Rail1435 ? "1435" : m == Mode.Rail1520 ? "1520" : m.ToString();
}
