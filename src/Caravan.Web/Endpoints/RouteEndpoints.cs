using Caravan.Export;
using Caravan.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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
            .WithQuery<RoutePlanQuery>("scenario")
            .WithDescription("The non-dominated options over time, cost, CO2e and reliability (p50/p90, on-time probability with a deadline, dated legs with a departure), the best route per corridor; the engine's recommended option (or the asked objective's) first. Answers the `caravan route --json` document; 400 for bad input (unknown parameters and places with suggestions), 422 when no route exists (naming the blocking constraints) or the search exceeds its limits, 429 when the server is saturated.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimitPolicy);
        api.MapGet("/route/single", Single)
            .WithName("RouteSingle")
            .WithSummary("One route by a single criterion (fast path)")
            .WithQuery<RouteQuery>("scenario")
            .WithDescription("The one best route for the objective (default: recommended generalized cost), without the Pareto search and reliability sampling; the same document shape with one entry in `routes`.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimitPolicy);
        api.MapGet("/route/itinerary/{format}", Itinerary)
            .WithName("RouteItinerary")
            .WithSummary("The itinerary of a planned option as CSV or XLSX")
            .WithQuery<RoutePlanQuery>("scenario", "option")
            .WithDescription("Plans as `/api/route` does and answers the legs of option `option` (1-based, default 1: the engine's chosen one) as a spreadsheet, `format` csv or xlsx: the bytes `caravan route --csv`/`--xlsx` write, from the one writer (dated legs in local time with their offset).")
            .Produces<string>(StatusCodes.Status200OK, "text/csv", ItineraryXlsxType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimitPolicy);
        return api;
    }

    /// <summary>The media type of an XLSX workbook.</summary>
    public const string ItineraryXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Handles an itinerary download: the plan, then one option's legs through the CLI's spreadsheet writer.</summary>
    /// <param name="state">The served network.</param>
    /// <param name="format">csv or xlsx.</param>
    /// <param name="query">The plan query, as for <c>/api/route</c>.</param>
    /// <param name="scenario">Scenario whose network to plan on (default: the served network).</param>
    /// <param name="option">Which option, 1-based (default 1, the engine's chosen one).</param>
    /// <param name="cancellation">Request aborted.</param>
    /// <param name="fields">The fields it shares with <c>/api/route/single</c>.</param>
    public static Results<FileContentHttpResult, ProblemHttpResult> Itinerary(NetworkState state, [FromRoute] string format, [AsParameters] RouteQuery fields, [AsParameters] RoutePlanQuery query, string? scenario = null, string? option = null, CancellationToken cancellation = default)
    {
        query = Merged(fields, query);
        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        if (!xlsx && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.InvalidParameter("format", "expected csv or xlsx");
        }
        if (!state.TryGet(scenario, out var net, out var problem))
        {
            return problem!;
        }
        var result = net.Plan(query, cancellation);
        if (!result.IsValid)
        {
            return Problems.From(result.Errors);
        }
        var document = result.Value!.Document;
        if (RouteService.Option(option, document, out var index) is { } badOption)
        {
            return Problems.From([badOption]);
        }
        var name = $"itinerary-{document.From.Code}-{document.To.Code}-{index + 1}.{(xlsx ? "xlsx" : "csv")}";
        if (!xlsx)
        {
            return TypedResults.File(new System.Text.UTF8Encoding(false).GetBytes(ItinerarySheet.Csv(document.Routes[index])), "text/csv; charset=utf-8", name);
        }
        using var bytes = new MemoryStream();
        ItinerarySheet.WriteXlsx(document.Routes[index], bytes);
        return TypedResults.File(bytes.ToArray(), ItineraryXlsxType, name);
    }

    /// <summary>Handles a plan query: the same as <c>caravan route --json</c>.</summary>
    /// <param name="state">The served network.</param>
    /// <param name="query">The query, bound by name from the query string.</param>
    /// <param name="scenario">Scenario whose network to plan on (default: the served network; <c>base</c> is always the base; see <c>GET /api/scenarios</c>).</param>
    /// <param name="cancellation">Request aborted.</param>
    /// <param name="fields">The fields it shares with <c>/api/route/single</c>.</param>
    public static Results<PlanJsonResult, ProblemHttpResult> Plan(NetworkState state, [AsParameters] RouteQuery fields, [AsParameters] RoutePlanQuery query, string? scenario = null, CancellationToken cancellation = default)
    {
        query = Merged(fields, query);
        if (!state.TryGet(scenario, out var net, out var problem))
        {
            return problem!;
        }
        var result = net.Plan(query, cancellation);
        return result.IsValid ? new PlanJsonResult(result.Value!) : Problems.From(result.Errors);
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

    /// <summary>
    /// The plan query with the fields of its base type. The Request Delegate Generator binds an <c>[AsParameters]</c>
    /// type's own properties only, not inherited ones, so a plan handler binds the base <see cref="RouteQuery"/> as its
    /// own parameter and its fields are copied in here (the engine's field list: none can be forgotten).
    /// </summary>
    public static RoutePlanQuery Merged(RouteQuery fields, RoutePlanQuery plan)
    {
        foreach (var f in QueryFields.Of<RouteQuery>())
        {
            f.Property.SetValue(plan, f.Property.GetValue(fields));
        }
        return plan;
    }
}
