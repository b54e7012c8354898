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
        api.MapGet("/route", Plan)
            .WithName("Route")
            .WithSummary("Plan a shipment: the Pareto options")
            .WithDescription("The non-dominated options over time, cost, CO2e and reliability (p50/p90, on-time probability with a deadline, dated legs with a departure), the best route per corridor; the chosen option first. Answers the `caravan route --json` document; 400 for bad input (unknown places with suggestions), 422 when no route exists (naming the blocking constraints) or the search exceeds its limits, 429 when the server is saturated.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimitPolicy);
        api.MapGet("/route/single", Route)
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

    /// <summary>Most options a request may ask for.</summary>
    public const int MaxOptionsLimit = 20;

    /// <summary>Handles a plan query: the same as <c>caravan route --json</c>.</summary>
    /// <param name="state">The served network.</param>
    /// <param name="from">Origin: code, name or alias.</param>
    /// <param name="to">Destination: code, name or alias.</param>
    /// <param name="cargo">container (FEU), air-cargo, dry-bulk, liquid-bulk, gas (tonnes).</param>
    /// <param name="quantity">FEU for containers, tonnes otherwise.</param>
    /// <param name="avoid">Countries to avoid: RU,BY.</param>
    /// <param name="avoidModes">Modes to avoid.</param>
    /// <param name="avoidPlaces">Places to avoid.</param>
    /// <param name="optimize">recommended (default), time, cost or co2: which option is listed first.</param>
    /// <param name="year">Year of travel.</param>
    /// <param name="maxTransfers">Maximum number of transfers.</param>
    /// <param name="valueOfTime">USD per hour per unit (default 20 per FEU, 1 per tonne).</param>
    /// <param name="carbonPrice">USD per kg CO2e (default 0.07).</param>
    /// <param name="maxOptions">Most options to list (1–20, default 8).</param>
    /// <param name="depart">Departure, ISO 8601 (UTC unless an offset is given).</param>
    /// <param name="deadline">Arrival deadline, ISO 8601.</param>
    /// <param name="scenario">Scenario whose network to plan on (default base; see <c>GET /api/scenarios</c>).</param>
    /// <param name="cancellation">Request aborted.</param>
    public static Results<Ok<RouteResponse>, ProblemHttpResult> Plan(
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
        string? carbonPrice = null,
        string? maxOptions = null,
        string? depart = null,
        string? deadline = null,
        string? scenario = null,
        CancellationToken cancellation = default)
    {
        if (!state.TryGet(scenario, out var net, out var problem))
        {
            return problem!;
        }
        var parsed = net.Parser.Parse(Query(from, to, cargo, quantity, avoid, avoidModes, avoidPlaces, optimize, year, maxTransfers, valueOfTime, carbonPrice), state.DefaultYear);
        var errors = new List<RouteQueryError>(parsed.Errors);
        var options = 8;
        if (!string.IsNullOrWhiteSpace(maxOptions) && (!int.TryParse(maxOptions, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out options) || options < 1 || options > MaxOptionsLimit))
        {
            errors.Add(RouteQueryError.Invalid("maxOptions", $"must be a whole number from 1 to {MaxOptionsLimit}"));
        }
        var departAt = Instant(depart, "depart", errors);
        var deadlineAt = Instant(deadline, "deadline", errors);
        if (departAt is { } d && deadlineAt is { } dl && dl <= d)
        {
            errors.Add(RouteQueryError.Invalid("deadline", "must be after depart"));
        }
        if (errors.Count > 0 || parsed.Request is null)
        {
            return Problems.InvalidQuery(errors);
        }
        // The server's own ceilings: a request cannot lift them.
        var limits = new Caravan.Routing.ParetoLimits(500_000, TimeSpan.FromSeconds(5), 0);
        var plan = net.ShipmentPlanner.Plan(new Caravan.Planning.PlanRequest(parsed.Request, options, departAt, deadlineAt, Limits: limits), cancellation);
        if (plan.LimitExceeded is not null)
        {
            return TypedResults.Problem(
                detail: $"the search hit its {plan.LimitExceeded}; narrow the query (avoid, avoidModes, maxTransfers)",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Search limit exceeded",
                type: Problems.TypeBase + "search-limit");
        }
        if (plan.Options.Count == 0)
        {
            return Problems.NoRoute(plan.NoRoute!);
        }
        return TypedResults.Ok(PlanDocuments.Response(net.Network, plan));
    }

    /// <summary>The query text both route handlers parse with the shared parser.</summary>
    private static RouteQuery Query(
        string? from, string? to, string? cargo, string? quantity, string? avoid, string? avoidModes, string? avoidPlaces,
        string? optimize, string? year, string? maxTransfers, string? valueOfTime, string? carbonPrice) => new()
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

    private static DateTimeOffset? Instant(string? text, string field, List<RouteQueryError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (Caravan.Planning.PlanDates.TryParse(text, out var value, out var error))
        {
            return value;
        }
        errors.Add(RouteQueryError.Invalid(field, error));
        return null;
    }

    /// <summary>Handles a single-route query.</summary>
    /// <param name="state">The served network.</param>
    /// <param name="from">Origin: code, name or alias ("Xi'an", xian, 西安, CNSIA).</param>
    /// <param name="to">Destination: code, name or alias.</param>
    /// <param name="cargo">container (quantity in FEU, default), air-cargo, dry-bulk, liquid-bulk, gas (tonnes).</param>
    /// <param name="quantity">FEU for containers, tonnes otherwise; default 1.</param>
    /// <param name="avoid">Countries to avoid, ISO alpha-2 separated by commas: RU,BY.</param>
    /// <param name="avoidModes">Modes to avoid: Rail1435, Rail1520, Road, Sea, Ferry, Air, PipelineOil, PipelineGas, or Rail.</param>
    /// <param name="avoidPlaces">Places to avoid, separated by commas.</param>
    /// <param name="optimize">recommended (default: generalized cost), time, cost or co2.</param>
    /// <param name="year">Year of travel; planned links count from their opening year.</param>
    /// <param name="maxTransfers">Maximum number of transfers, gauge changes included.</param>
    /// <param name="valueOfTime">USD per hour per unit, for generalized cost (default 20 per FEU, 1 per tonne).</param>
    /// <param name="carbonPrice">USD per kg CO2e, for generalized cost (default 0.07).</param>
    /// <param name="scenario">Scenario whose network to route on (default base).</param>
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
        string? carbonPrice = null,
        string? scenario = null)
    {
        if (!state.TryGet(scenario, out var net, out var problem))
        {
            return problem!;
        }
        var parsed = net.Parser.Parse(Query(from, to, cargo, quantity, avoid, avoidModes, avoidPlaces, optimize, year, maxTransfers, valueOfTime, carbonPrice), state.DefaultYear);
        if (!parsed.IsValid)
        {
            return Problems.InvalidQuery(parsed.Errors);
        }
        var request = parsed.Request!;
        var outcome = net.Planner.Route(request);
        if (!outcome.Found)
        {
            return Problems.NoRoute(outcome.NoRoute!);
        }
        var network = net.Network;
        return TypedResults.Ok(new RouteResponse(
            RouteDocuments.Place(network, request.From),
            RouteDocuments.Place(network, request.To),
            [RouteDocuments.Route(network, outcome.Itinerary!)]));
    }
}
