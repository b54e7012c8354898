using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Caravan.Model;

namespace Caravan.Routing;

/// <summary>
/// Single-criterion routing on a compiled graph: fastest, cheapest, lowest CO2e or generalized cost, under
/// constraints. The one single-route pipeline (profile → search → itinerary, or the explanation of why none exists)
/// every door and every engine part uses. It keeps the per-query edge view (<see cref="QueryProfile"/> and its
/// weights) of the constraint sets it has seen: a server answers the same few (cargo, avoidances, year, objective)
/// combinations again and again, and building that view allocates several edge-sized arrays. Thread-safe: each
/// thread gets its own search object.
/// </summary>
public sealed class Router
{
    /// <summary>Most constraint sets whose edge view is kept.</summary>
    public const int MaxProfiles = 256;

    private readonly ThreadLocal<ShortestPathSearch> _search;
    private readonly ConcurrentDictionary<string, (QueryProfile Profile, double[] Weights)> _profiles = new(StringComparer.Ordinal);
    private int _kept;

    /// <summary>Creates a router over a compiled graph.</summary>
    public Router(RoutingGraph graph)
    {
        Graph = graph;
        _search = new ThreadLocal<ShortestPathSearch>(() => new ShortestPathSearch(graph));
    }

    /// <summary>Creates a router, compiling the network.</summary>
    public Router(Network network)
        : this(new RoutingGraph(network))
    {
    }

    /// <summary>The compiled graph.</summary>
    public RoutingGraph Graph { get; }

    /// <summary>Number of edge views kept (for tests).</summary>
    public int ProfilesKept => Volatile.Read(ref _kept);

    /// <summary>Routes a shipment; when no route exists, explains which constraint cut every path.</summary>
    public RouteOutcome Route(RouteRequest request)
    {
        var (profile, weights) = ProfileFor(request);
        var path = _search.Value!.Run(request.From, request.To, weights, profile.Allowed, request.Constraints.MaxTransfers, out _, profile.Sequence, null, request.FromLocality, request.ToLocality);
        return path is not null
            ? new RouteOutcome(ItineraryBuilder.Build(request, profile, path), null)
            : new RouteOutcome(null, Explain(request));
    }

    /// <summary>
    /// The request's edge view and its objective's weights, built once per constraint set and kept (so shared:
    /// never write to them; <see cref="QueryProfile.Weights"/> gives a fresh array to change).
    /// </summary>
    public (QueryProfile Profile, double[] Weights) ProfileFor(RouteRequest request)
    {
        var key = Key(request);
        if (_profiles.TryGetValue(key, out var known))
        {
            return known;
        }
        var profile = new QueryProfile(Graph, request.Commodity, request.Constraints);
        var entry = (profile, profile.Weights(request.Objective, request.Weights));
        if (Volatile.Read(ref _kept) < MaxProfiles && _profiles.TryAdd(key, entry))
        {
            Interlocked.Increment(ref _kept);
        }
        return entry;
    }

    /// <summary>Everything the edge view depends on: cargo, year, avoidances, objective (and weights for generalized cost).</summary>
    private string Key(RouteRequest r)
    {
        var c = r.Constraints;
        var sb = new StringBuilder(64);
        sb.Append((int)r.Commodity).Append('|').Append(c.Year.ToString(CultureInfo.InvariantCulture)).Append('|').Append((int)r.Objective).Append('|');
        foreach (var country in c.AvoidCountries.Order(StringComparer.Ordinal))
        {
            sb.Append(country).Append(',');
        }
        sb.Append('|');
        foreach (var mode in c.AvoidModes.Order())
        {
            sb.Append((int)mode).Append(',');
        }
        sb.Append('|');
        foreach (var place in c.AvoidPlaces.Order())
        {
            sb.Append(place.ToString(CultureInfo.InvariantCulture)).Append(',');
        }
        if (r.Objective == Objective.Generalized)
        {
            var w = r.Weights ?? GeneralizedWeights.For(Graph.Network.InfoOf(r.Commodity));
            sb.Append('|').Append(w.ValueOfTimeUsdPerHour.ToString("R", CultureInfo.InvariantCulture))
              .Append('|').Append(w.CarbonPriceUsdPerKg.ToString("R", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>Finds the best path's edges under a profile, or null.</summary>
    public int[]? FindPath(RouteRequest request, QueryProfile profile)
    {
        var weights = profile.Weights(request.Objective, request.Weights);
        return _search.Value!.Run(request.From, request.To, weights, profile.Allowed, request.Constraints.MaxTransfers, out _, profile.Sequence, null, request.FromLocality, request.ToLocality);
    }

    private bool Reachable(RouteRequest request, RouteConstraints constraints)
    {
        var profile = ProfileFor(request with { Constraints = constraints }).Profile;
        return _search.Value!.Run(request.From, request.To, profile.Hours, profile.Allowed, constraints.MaxTransfers, out _, profile.Sequence, null, request.FromLocality, request.ToLocality) is not null;
    }

    /// <summary>Works out why a request has no route.</summary>
    public NoRouteReason Explain(RouteRequest request)
    {
        var net = Graph.Network;
        var c = request.Constraints;
        var from = request.FromLocality ? net.Localities[net.LocalityOf(request.From)].Name : net.Places[request.From].Name;
        var to = request.ToLocality ? net.Localities[net.LocalityOf(request.To)].Name : net.Places[request.To].Name;
        var open = new RouteConstraints { Year = 9999 };
        if (!Reachable(request, open))
        {
            foreach (var other in Commodities.All)
            {
                if (other != request.Commodity && net.CommodityInfos[(int)other] is not null && Reachable(request with { Commodity = other }, open))
                {
                    return new NoRouteReason(
                        $"{from} and {to} are not connected by any mode that carries {request.Commodity.Name()} (they are for {other.Name()})",
                        [new BlockingConstraint("commodity", request.Commodity.Name(), $"{request.Commodity.Name()} can only use {string.Join(", ", net.InfoOf(request.Commodity).AllowedModes)}")]);
                }
            }
            return new NoRouteReason($"{from} and {to} are not connected in the network, whatever the constraints", []);
        }
        var blocking = new List<BlockingConstraint>();
        foreach (var country in c.AvoidCountries)
        {
            var rest = new HashSet<string>(c.AvoidCountries, StringComparer.Ordinal);
            rest.Remove(country);
            if (Reachable(request, c with { AvoidCountries = rest }))
            {
                blocking.Add(new BlockingConstraint("avoid-country", country, $"every route passes through {country}"));
            }
        }
        foreach (var mode in c.AvoidModes)
        {
            var rest = new HashSet<Mode>(c.AvoidModes);
            rest.Remove(mode);
            if (Reachable(request, c with { AvoidModes = rest }))
            {
                blocking.Add(new BlockingConstraint("avoid-mode", mode.ToString(), $"every route uses {mode}"));
            }
        }
        foreach (var place in c.AvoidPlaces)
        {
            var rest = new HashSet<int>(c.AvoidPlaces);
            rest.Remove(place);
            if (Reachable(request, c with { AvoidPlaces = rest }))
            {
                blocking.Add(new BlockingConstraint("avoid-place", net.Places[place].Code, $"every route passes {net.Places[place].Name}"));
            }
        }
        if (Reachable(request, c with { Year = 9999 }))
        {
            var opening = EarliestOpeningYear(request);
            blocking.Add(new BlockingConstraint("year", c.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                opening is { } y ? $"a route opens in {y} (links planned or under construction)" : "a route exists only over links not yet open"));
        }
        if (c.MaxTransfers is { } k && Reachable(request, c with { MaxTransfers = null }))
        {
            blocking.Add(new BlockingConstraint("max-transfers", k.ToString(System.Globalization.CultureInfo.InvariantCulture), $"every route needs more than {k} transfer(s)"));
        }
        var message = blocking.Count switch
        {
            0 => $"no route from {from} to {to}: the constraints together cut every path (no single one of them does)",
            _ => $"no route from {from} to {to}: " + string.Join("; ", blocking.Select(b => $"{b.Message} ({b.Constraint} {b.Value})")),
        };
        return new NoRouteReason(message, blocking);
    }

    private int? EarliestOpeningYear(RouteRequest request)
    {
        var c = request.Constraints;
        for (var y = c.Year + 1; y <= c.Year + 100; y++)
        {
            if (Reachable(request, c with { Year = y }))
            {
                return y;
            }
        }
        return null;
    }
}
