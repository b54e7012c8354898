using Caravan.Geography;
using Caravan.Skims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Web.Endpoints;

/// <summary><c>GET /api/reach</c> (places within a budget) and <c>GET /api/places/nearest</c> (places near a point).</summary>
public static class ReachEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapReach(this RouteGroupBuilder api)
    {
        api.MapGet("/reach", ReachFrom)
            .WithName("Reach")
            .WithSummary("Every place reachable within a budget")
            .WithQuery("from", "within", "objective", "cargo", "avoid", "avoidModes", "year", "scenario")
            .WithDescription("From one origin, the places whose best path fits `within` (10d, 240h, 5000usd or 3000kg CO2e), with hours, p90 hours, USD, kg CO2e and corridor; the same document as `caravan reach --json`. The path minimises the budget's criterion unless `objective` says otherwise.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireRateLimiting(RouteEndpoints.RateLimitPolicy);
        api.MapGet("/places/nearest", Nearest)
            .WithName("NearestPlaces")
            .WithSummary("The places nearest a point")
            .WithQuery("lat", "lon", "mode", "limit", "scenario")
            .WithDescription($"Places by great-circle distance from `lat`,`lon` (WGS 84 degrees), nearest first; with `mode`, only places that handle it. `limit` 1–{NearestPlaces.MaxLimit} (default {NearestPlaces.DefaultLimit}).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>Handles a reach query.</summary>
    /// <param name="state">The served network.</param>
    /// <param name="from">Origin: code, name or alias.</param>
    /// <param name="within">Budget: 10d, 240h, 5000usd or 3000kg.</param>
    /// <param name="objective">time, cost, co2 or recommended (default: the budget's criterion).</param>
    /// <param name="cargo">container (default), air-cargo, dry-bulk, liquid-bulk, gas.</param>
    /// <param name="avoid">Countries to avoid.</param>
    /// <param name="avoidModes">Modes to avoid.</param>
    /// <param name="year">Year of travel.</param>
    /// <param name="scenario">Scenario (default base).</param>
    public static Results<Ok<ReachDocument>, ProblemHttpResult> ReachFrom(
        NetworkState state, string? from = null, string? within = null, string? objective = null, string? cargo = null,
        string? avoid = null, string? avoidModes = null, string? year = null, string? scenario = null)
    {
        if (!state.TryGet(scenario, out var net, out var problem))
        {
            return problem!;
        }
        var parsed = new ReachQueryParser(new SkimQueryParser(net.Network, net.Routes.Parser)).Parse(
            new ReachQuery { From = from, Within = within, Objective = objective, Cargo = cargo, Avoid = avoid, AvoidModes = avoidModes, Year = year },
            state.DefaultYear);
        if (parsed.Template is null)
        {
            return Problems.From(parsed.Errors);
        }
        return TypedResults.Ok(Reach.Compute(net.Router.Graph, parsed.Origin, parsed.Budget, parsed.Template));
    }

    /// <summary>Handles a nearest-places query.</summary>
    /// <param name="state">The served network.</param>
    /// <param name="lat">Latitude, degrees.</param>
    /// <param name="lon">Longitude, degrees.</param>
    /// <param name="mode">Only places that handle this mode (Rail1435, Sea, Air, …).</param>
    /// <param name="limit">Most places listed.</param>
    /// <param name="scenario">Scenario (default base).</param>
    public static Results<Ok<NearPlaceDocument[]>, ProblemHttpResult> Nearest(
        NetworkState state, string? lat = null, string? lon = null, string? mode = null, string? limit = null, string? scenario = null)
    {
        if (!state.TryGet(scenario, out var net, out var problem))
        {
            return problem!;
        }
        var parsed = NearQuery.Parse(lat, lon, mode, limit);
        if (parsed.Errors.Count > 0)
        {
            return Problems.From(parsed.Errors);
        }
        return TypedResults.Ok(NearPlaceDocument.Of(net.Network, NearestPlaces.Find(net.Router.Graph, parsed.Lat, parsed.Lon, parsed.Mode, parsed.Limit)));
    }
}
