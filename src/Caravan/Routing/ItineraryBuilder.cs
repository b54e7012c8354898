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
        for (var i = 0; i < edges.Count; i++)
        {
            var e = edges[i];
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
                            var boarded = Boarded(g, edges, i);
                            var name = boarded is { Name.Length: > 0 } ? boarded.Name : $"{link.Mode} service";
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

    /// <summary>
    /// The service a shipment boards at path position <paramref name="at"/>: of the services running over that link,
    /// the one that carries it furthest along the path's next links in the same vehicle (ties: one that starts here, then the first in
    /// the data). A wait is never labelled with a service the route then leaves (a Xi'an–Baku train named on a path
    /// that turns to Duisburg).
    /// </summary>
    private static Service? Boarded(RoutingGraph g, IReadOnlyList<int> edges, int at)
    {
        var net = g.Network;
        var link = g.Ref[edges[at]];
        var starting = net.BoardingServices(link, g.IsForward(edges[at]));
        var vehicle = Vehicle(net.Links[link].Mode);
        Service? best = null;
        var bestRun = 0;
        var bestStarts = false;
        foreach (var s in net.ServicesOn(link))
        {
            var run = 0;
            for (var j = at; j < edges.Count; j++)
            {
                var e = edges[j];
                if (g.Kind[e] is not EdgeKind.Move)
                {
                    // A gauge change, a border or a stay does not end a block train's run (services list the links
                    // between them); a link the service does not run on does.
                    continue;
                }
                var l = net.Links[g.Ref[e]];
                if (Vehicle(l.Mode) != vehicle || !Runs(s, l.Id))
                {
                    break;
                }
                run++;
            }
            var starts = Contains(starting, s);
            if (best is null || run > bestRun || (run == bestRun && starts && !bestStarts))
            {
                (best, bestRun, bestStarts) = (s, run, starts);
            }
        }
        return best ?? (starting.Count > 0 ? starting[0] : null);
    }

    /// <summary>The kind of vehicle a mode boards: a block train keeps its run across a gauge change, a ferry's run
    /// ends where the boxes go on to rail.</summary>
    private static Mode Vehicle(Mode m) => m == Mode.Rail1520 ? Mode.Rail1435 : m;

    private static bool Runs(Service s, string linkId)
    {
        foreach (var id in s.LinkIds)
        {
            if (string.Equals(id, linkId, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Contains(IReadOnlyList<Service> list, Service s)
    {
        foreach (var x in list)
        {
            if (ReferenceEquals(x, s))
            {
                return true;
            }
        }
        return false;
    }

    private static string Gauge(Mode m) => m == Mode.Rail1435 ? "1435" : m == Mode.Rail1520 ? "1520" : m.ToString();
}
