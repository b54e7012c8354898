using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Web.Endpoints;

/// <summary>A place found by <c>GET /api/places</c>.</summary>
/// <param name="Code">Place code (UN/LOCODE where one exists).</param>
/// <param name="Name">English name.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country.</param>
/// <param name="Lat">Latitude.</param>
/// <param name="Lon">Longitude.</param>
/// <param name="Kind">city, port, border-station…</param>
/// <param name="Matched">The code, name or alias that matched the query.</param>
public sealed record PlaceHit(string Code, string Name, string Country, double Lat, double Lon, string Kind, string Matched);

/// <summary><c>GET /api/places?q=</c>: autocomplete over codes, names and aliases in any script.</summary>
public static class PlacesEndpoints
{
    /// <summary>Most places one answer lists.</summary>
    public const int MaxLimit = 50;

    /// <summary>Maps the endpoint.</summary>
    public static RouteGroupBuilder MapPlaces(this RouteGroupBuilder api)
    {
        api.MapGet("/places", Places)
            .WithName("Places")
            .WithSummary("Search places")
            .WithDescription("Places whose code, name or alias matches `q` (case, accents and punctuation ignored; near misses included), best first. Without `q`, places in name order.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>Handles a search.</summary>
    /// <param name="state">The served network.</param>
    /// <param name="q">Text typed so far.</param>
    /// <param name="limit">At most this many places (1–50, default 10).</param>
    /// <param name="scenario">Scenario whose places to search (default base).</param>
    public static Results<Ok<PlaceHit[]>, ProblemHttpResult> Places(NetworkState state, string? q = null, string? limit = null, string? scenario = null)
    {
        if (!state.TryGet(scenario, out var net, out var problem))
        {
            return problem!;
        }
        var n = 10;
        if (!string.IsNullOrWhiteSpace(limit) && (!int.TryParse(limit, NumberStyles.Integer, CultureInfo.InvariantCulture, out n) || n < 1 || n > MaxLimit))
        {
            return Problems.InvalidParameter("limit", $"must be a whole number from 1 to {MaxLimit}, not '{limit}'");
        }
        if (q is { Length: > 200 })
        {
            return Problems.InvalidParameter("q", $"is {q.Length} characters long; at most 200 are accepted");
        }
        var network = net.Network;
        PlaceHit Hit(int i, string matched)
        {
            var p = network.Places[i];
            return new PlaceHit(p.Code, p.Name, p.Country, p.Latitude, p.Longitude, p.Kind.ToString(), matched);
        }
        if (string.IsNullOrWhiteSpace(q))
        {
            return TypedResults.Ok(Enumerable.Range(0, network.Places.Count)
                .OrderBy(i => network.Places[i].Name, StringComparer.Ordinal)
                .Take(n)
                .Select(i => Hit(i, network.Places[i].Name))
                .ToArray());
        }
        return TypedResults.Ok(net.Search.Search(q, n).Select(m => Hit(m.Place, m.MatchedText)).ToArray());
    }
}
