using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Caravan.Routing;

namespace Caravan.Web;

/// <summary>
/// Routes requests for the web host exactly as <see cref="Router.Route"/> does, but keeps the per-query edge view
/// (<see cref="QueryProfile"/> and its weights) of the constraint sets it has seen: a server answers the same few
/// (cargo, avoidances, year, objective) combinations again and again, and on a large network building that view
/// allocates several edge-sized arrays per request. Thread-safe: one search object per thread.
/// </summary>
public sealed class RoutePlanner
{
    /// <summary>Most constraint sets whose edge view is kept.</summary>
    public const int MaxProfiles = 256;

    private readonly Router _router;
    private readonly ThreadLocal<ShortestPathSearch> _search;
    private readonly ConcurrentDictionary<string, (QueryProfile Profile, double[] Weights)> _profiles = new(StringComparer.Ordinal);
    private int _kept;

    /// <summary>Creates a planner over a router (whose compiled graph it shares).</summary>
    public RoutePlanner(Router router)
    {
        _router = router;
        _search = new ThreadLocal<ShortestPathSearch>(() => new ShortestPathSearch(router.Graph));
    }

    /// <summary>Number of edge views kept (for tests).</summary>
    public int ProfilesKept => Volatile.Read(ref _kept);

    /// <summary>Routes a shipment; the same answer as <see cref="Router.Route"/>.</summary>
    public RouteOutcome Route(RouteRequest request)
    {
        var (profile, weights) = ProfileFor(request);
        var path = _search.Value!.Run(request.From, request.To, weights, profile.Allowed, request.Constraints.MaxTransfers, out _, profile.Sequence);
        return path is not null
            ? new RouteOutcome(ItineraryBuilder.Build(request, profile, path), null)
            : new RouteOutcome(null, _router.Explain(request));
    }

    private (QueryProfile Profile, double[] Weights) ProfileFor(RouteRequest request)
    {
        var key = Key(request);
        if (_profiles.TryGetValue(key, out var known))
        {
            return known;
        }
        var profile = new QueryProfile(_router.Graph, request.Commodity, request.Constraints);
        var entry = (profile, profile.Weights(request.Objective, request.Weights));
        if (Volatile.Read(ref _kept) < MaxProfiles && _profiles.TryAdd(key, entry))
        {
            Interlocked.Increment(ref _kept);
        }
        return entry;
    }

    /// <summary>Everything the edge view depends on: cargo, year, avoidances, objective (and weights for generalized cost).</summary>
    private static string Key(RouteRequest r)
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
            var w = r.Weights ?? new GeneralizedWeights();
            sb.Append('|').Append(w.ValueOfTimeUsdPerHour.ToString("R", CultureInfo.InvariantCulture))
              .Append('|').Append(w.CarbonPriceUsdPerKg.ToString("R", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
