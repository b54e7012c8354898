using Caravan.Model;
using Caravan.Planning;
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
    private readonly ShipmentPlanner _planner;

    /// <summary>Builds the routing graph and search indexes once for all cases.</summary>
    public CaseRouter(Network network)
    {
        _graph = new RoutingGraph(network);
        _search = new PlaceSearch(network);
        _router = new Router(_graph);
        _forced = new CorridorForcedSearch(_graph);
        _planner = new ShipmentPlanner(_graph);
    }

    /// <summary>
    /// The option a user asking for this shipment is shown first: the planner's recommendation under the case's modes
    /// and avoidances; when the case names a corridor, the first recommended option in it, else that corridor's best
    /// by generalized cost.
    /// </summary>
    public CaseRoute Shown(string from, string to, Commodity commodity, IReadOnlySet<Mode> allowedModes, string corridor, IReadOnlySet<string> avoidCountries, int year)
    {
        if (Prepare(from, to, commodity, allowedModes, avoidCountries, year, Objective.Generalized) is not { } q)
        {
            return new CaseRoute(null, _search.TryResolve(from, out _, out _) ? $"unknown place '{to}'" : $"unknown place '{from}'");
        }
        var (request, profile) = q;
        var plan = _planner.Plan(new PlanRequest(request));
        foreach (var o in plan.Options)
        {
            if (corridor.Length == 0 || string.Equals(o.Itinerary.Corridor, corridor, StringComparison.OrdinalIgnoreCase))
            {
                return new CaseRoute(o.Itinerary, null);
            }
        }
        var path = corridor.Length > 0 ? _forced.Run(request.From, request.To, corridor, profile.Weights(Objective.Generalized, null), profile.Allowed, profile.Sequence) : null;
        return path is null
            ? new CaseRoute(null, corridor.Length > 0 ? $"no route through corridor {corridor}" : _router.Explain(request).Message)
            : new CaseRoute(ItineraryBuilder.Build(request, profile, path), null);
    }

    private (RouteRequest Request, QueryProfile Profile)? Prepare(string from, string to, Commodity commodity, IReadOnlySet<Mode> allowedModes, IReadOnlySet<string> avoidCountries, int year, Objective objective)
    {
        if (!_search.TryResolve(from, out var a, out _) || !_search.TryResolve(to, out var b, out _))
        {
            return null;
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
        return (new RouteRequest(a, b, commodity, 1, objective, constraints), new QueryProfile(_graph, commodity, constraints));
    }

    /// <summary>The best route for one unit under the case's constraints and the given objective.</summary>
    public CaseRoute Route(string from, string to, Commodity commodity, IReadOnlySet<Mode> allowedModes, string corridor, IReadOnlySet<string> avoidCountries, int year, Objective objective)
    {
        if (Prepare(from, to, commodity, allowedModes, avoidCountries, year, objective) is not { } q)
        {
            return new CaseRoute(null, _search.TryResolve(from, out _, out _) ? $"unknown place '{to}'" : $"unknown place '{from}'");
        }
        var (request, profile) = q;
        var (a, b) = (request.From, request.To);
        var path = corridor.Length > 0
            ? _forced.Run(a, b, corridor, profile.Weights(objective, null), profile.Allowed, profile.Sequence)
            : _router.FindPath(request, profile);
        if (path is null)
        {
            return new CaseRoute(null, corridor.Length > 0 ? $"no route through corridor {corridor}" : _router.Explain(request).Message);
        }
        return new CaseRoute(ItineraryBuilder.Build(request, profile, path), null);
    }
}
