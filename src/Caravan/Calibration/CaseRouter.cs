using Caravan.Model;
using Caravan.Routing;

namespace Caravan.Calibration;

/// <summary>A reference case's route, or why there is none.</summary>
/// <param name="Itinerary">The route found.</param>
/// <param name="Problem">Why no route was found (unknown place, no route through the corridor, the router's explanation).</param>
public readonly record struct CaseRoute(Itinerary? Itinerary, string? Problem);

/// <summary>
/// Routes a reference case (a calibration shipment or a published rate) the one way both calibrations share:
/// resolve the two places, keep only the modes the case used, avoid its countries, take its year, and force its
/// corridor when it names one.
/// </summary>
public sealed class CaseRouter
{
    private readonly RoutingGraph _graph;
    private readonly PlaceSearch _search;
    private readonly Router _router;
    private readonly CorridorForcedSearch _forced;

    /// <summary>Builds the routing graph and search indexes once for all cases.</summary>
    public CaseRouter(Network network)
    {
        _graph = new RoutingGraph(network);
        _search = new PlaceSearch(network);
        _router = new Router(_graph);
        _forced = new CorridorForcedSearch(_graph);
    }

    /// <summary>The best route for one unit under the case's constraints and the given objective.</summary>
    public CaseRoute Route(string from, string to, Commodity commodity, IReadOnlySet<Mode> allowedModes, string corridor, IReadOnlySet<string> avoidCountries, int year, Objective objective)
    {
        if (!_search.TryResolve(from, out var a, out _))
        {
            return new CaseRoute(null, $"unknown place '{from}'");
        }
        if (!_search.TryResolve(to, out var b, out _))
        {
            return new CaseRoute(null, $"unknown place '{to}'");
        }
        var avoidModes = new HashSet<Mode>();
        if (allowedModes.Count > 0)
        {
            foreach (var m in Modes.All)
            {
                if (!allowedModes.Contains(m))
                {
                    avoidModes.Add(m);
                }
            }
        }
        var constraints = new RouteConstraints { AvoidCountries = avoidCountries, AvoidModes = avoidModes, Year = year };
        var request = new RouteRequest(a, b, commodity, 1, objective, constraints);
        var profile = new QueryProfile(_graph, commodity, constraints);
        var path = corridor.Length > 0
            ? _forced.Run(a, b, corridor, profile.Weights(objective, null), profile.Allowed)
            : _router.FindPath(request, profile);
        if (path is null)
        {
            return new CaseRoute(null, corridor.Length > 0 ? $"no route through corridor {corridor}" : _router.Explain(request).Message);
        }
        return new CaseRoute(ItineraryBuilder.Build(request, profile, path), null);
    }
}
