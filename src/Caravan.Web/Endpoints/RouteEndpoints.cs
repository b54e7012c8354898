using Caravan.Export;
using Caravan.Routing.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Web.Endpoints;

/// <summary><c>GET /api/route</c>: plans one shipment; the same options and JSON as <c>caravan route --json</c>.</summary>
public static class RouteEndpoints
{
    /// <summary>Name of the rate-limiting policy of the route endpoint.</summary>
    public const string RateLimitPolicy = "route";

    /// <summary>Maps the endpoint.</summary>
    public static RouteGroupBuilder MapRoute(this RouteGroupBuilder api)
    {
        api.MapGet("/route", Route)
            .WithName("Route")
            .WithSummary("Plan a shipment")
            .WithDescription("Fastest, cheapest, lowest-CO2e or generalized-cost route under constraints. Answers the `caravan route --json` document; 400 for bad input (unknown places with suggestions), 422 when no route exists (naming the blocking constraints), 429 when the server is saturated.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimitPolicy);
        return api;
    }

    /// <summary>Handles a route query.</summary>
    /// <param name="state">The served network.</param>
    /// <param name="from">Origin: code, name or alias ("Xi'an", xian, 西安, CNXIY).</param>
    /// <param name="to">Destination: code, name or alias.</param>
    /// <param name="cargo">container (quantity in FEU, default), air-cargo, dry-bulk, liquid-bulk, gas (tonnes).</param>
    /// <param name="quantity">FEU for containers, tonnes otherwise; default 1.</param>
    /// <param name="avoid">Countries to avoid, ISO alpha-2 separated by commas: RU,BY.</param>
    /// <param name="avoidModes">Modes to avoid: Rail1435, Rail1520, Road, Sea, Ferry, Air, PipelineOil, PipelineGas, or Rail.</param>
    /// <param name="avoidPlaces">Places to avoid, separated by commas.</param>
    /// <param name="optimize">time (default), cost, co2 or generalized.</param>
    /// <param name="year">Year of travel; planned links count from their opening year.</param>
    /// <param name="maxTransfers">Maximum number of transfers, gauge changes included.</param>
    /// <param name="valueOfTime">USD per hour per unit, for generalized cost (default 10).</param>
    /// <param name="carbonPrice">USD per kg CO2e, for generalized cost (default 0.1).</param>
    public static Results<Ok<RouteResponse>, ProblemHttpResult> Route(
        NetworkState state,
        string? from = null,
        string? to = null,
        string? cargo = null,
        string? quantity = null,
        string? avoid = null,
        string? avoidModes = null,
        string? avoidPlaces = null,
        string? optimize = null,
        string? year = null,
        string? maxTransfers = null,
        string? valueOfTime = null,
        string? carbonPrice = null)
    {
        var query = new RouteQuery
        {
            From = from,
            To = to,
            Cargo = cargo,
            Quantity = quantity,
            Avoid = avoid,
            AvoidModes = avoidModes,
            AvoidPlaces = avoidPlaces,
            Optimize = optimize,
            Year = year,
            MaxTransfers = maxTransfers,
            ValueOfTime = valueOfTime,
            CarbonPrice = carbonPrice,
        };
        var parsed = state.Parser.Parse(query, state.DefaultYear);
        if (!parsed.IsValid)
        {
            return Problems.InvalidQuery(parsed.Errors);
        }
        var request = parsed.Request!;
        var outcome = state.Planner.Route(request);
        if (!outcome.Found)
        {
            return Problems.NoRoute(outcome.NoRoute!);
        }
        var network = state.Network;
        return TypedResults.Ok(new RouteResponse(
            RouteDocuments.Place(network, request.From),
            RouteDocuments.Place(network, request.To),
            [RouteDocuments.Route(network, outcome.Itinerary!)]));
    }
}
