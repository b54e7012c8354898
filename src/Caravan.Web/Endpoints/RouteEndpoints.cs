using Caravan.Export;
using Caravan.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Web.Endpoints;

/// <summary>
/// <c>GET /api/route</c> and <c>/api/route/single</c>: bind the query string into the engine's query, call the route
/// service, render its document or its errors. The same service and document as <c>caravan route --json</c>.
/// </summary>
public static class RouteEndpoints
{
    /// <summary>Name of the rate-limiting policy of the route endpoint.</summary>
    public const string RateLimitPolicy = "route";

    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapRoute(this RouteGroupBuilder api)
    {
        api.MapGet("/route", Plan)
            .WithName("Route")
            .WithSummary("Plan a shipment: the Pareto options")
            .WithDescription("The non-dominated options over time, cost, CO2e and reliability (p50/p90, on-time probability with a deadline, dated legs with a departure), the best route per corridor; the engine's recommended option (or the asked objective's) first. Answers the `caravan route --json` document; 400 for bad input (unknown parameters and places with suggestions), 422 when no route exists (naming the blocking constraints) or the search exceeds its limits, 429 when the server is saturated.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimitPolicy);
        api.MapGet("/route/single", Single)
            .WithName("RouteSingle")
            .WithSummary("One route by a single criterion (fast path)")
            .WithDescription("The one best route for the objective (default: recommended generalized cost), without the Pareto search and reliability sampling; the same document shape with one entry in `routes`.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimitPolicy);
        return api;
    }

    /// <summary>Handles a plan query: the same as <c>caravan route --json</c>.</summary>
    /// <param name="state">The served network.</param>
    /// <param name="query">The query, bound by name from the query string.</param>
    /// <param name="scenario">Scenario whose network to plan on (default: the served network; <c>base</c> is always the base; see <c>GET /api/scenarios</c>).</param>
    /// <param name="cancellation">Request aborted.</param>
    public static Results<Ok<RouteResponse>, ProblemHttpResult> Plan(NetworkState state, [AsParameters] RoutePlanQuery query, string? scenario = null, CancellationToken cancellation = default)
    {
        if (!state.TryGet(scenario, out var net, out var problem))
        {
            return problem!;
        }
        var result = net.Routes.Plan(query, cancellation);
        return result.IsValid ? TypedResults.Ok(result.Value!.Document) : Problems.From(result.Errors);
    }

    /// <summary>Handles a single-route query.</summary>
    /// <param name="state">The served network.</param>
    /// <param name="query">The query, bound by name from the query string.</param>
    /// <param name="scenario">Scenario whose network to route on (default: the served network).</param>
    public static Results<Ok<RouteResponse>, ProblemHttpResult> Single(NetworkState state, [AsParameters] RouteQuery query, string? scenario = null)
    {
        if (!state.TryGet(scenario, out var net, out var problem))
        {
            return problem!;
        }
        var result = net.Routes.Single(query);
        return result.IsValid ? TypedResults.Ok(result.Value!.Document) : Problems.From(result.Errors);
    }
}
