using Caravan.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Web.Endpoints;

/// <summary><c>GET /api/places?q=</c>: autocomplete over codes, names and aliases in any script.</summary>
public static class PlacesEndpoints
{
    /// <summary>Maps the endpoint.</summary>
    public static RouteGroupBuilder MapPlaces(this RouteGroupBuilder api)
    {
        api.MapGet("/places", Places)
            .WithName("Places")
            .WithSummary("Search places")
            .WithQuery<PlaceQuery>("scenario")
            .WithDescription("Places whose code, name or alias matches `q` (case, accents and punctuation ignored; near misses included), best first. Without `q`, places in name order.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>Handles a search: the engine's place service, as <c>caravan places --json</c>.</summary>
    /// <param name="state">The served network.</param>
    /// <param name="query">Text and limit, bound by name.</param>
    /// <param name="scenario">Scenario whose places to search (default: the served network).</param>
    public static Results<Ok<IReadOnlyList<PlaceHit>>, ProblemHttpResult> Places(NetworkState state, [AsParameters] PlaceQuery query, string? scenario = null)
    {
        if (!state.TryGet(scenario, out var net, out var problem))
        {
            return problem!;
        }
        var result = net.Places.Search(query);
        return result.IsValid ? TypedResults.Ok(result.Value!) : Problems.From(result.Errors);
    }
}
