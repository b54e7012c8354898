using Caravan.Export;
using Caravan.Model;
using Caravan.Planning;
using Caravan.Routing;
using Caravan.Units;

namespace Caravan.Services;

/// <summary>A planned shipment: the parsed request, the engine's result and its document.</summary>
/// <param name="Request">What was asked, after parsing.</param>
/// <param name="Result">The planner's result (options, alternatives, corridors).</param>
/// <param name="Document">The documented JSON answer, the same through every door.</param>
public sealed record RoutePlan(PlanRequest Request, PlanResult Result, RouteResponse Document);

/// <summary>One route by a single criterion: the parsed request, the itinerary and its document.</summary>
/// <param name="Request">What was asked, after parsing.</param>
/// <param name="Itinerary">The route.</param>
/// <param name="Document">The documented JSON answer (one entry in <c>routes</c>).</param>
public sealed record RouteSingle(RouteRequest Request, Itinerary Itinerary, RouteResponse Document);

/// <summary>
/// The route use case, the one front door for it: plan (Pareto options, with alternatives and explanations on
/// request) and single (one route by one criterion). A text query and <see cref="EngineOptions"/> in, a typed
/// document or typed errors out; the CLI and the web host only bind and render. Thread-safe.
/// </summary>
public sealed class RouteService
{
    /// <summary>
    /// Compiles the network's routing graph once. With <paramref name="zones"/> (the data folder's
    /// <c>timezones.csv</c>), a departure without an offset is the origin's local time, a deadline the destination's,
    /// and every dated leg is shown in local time with its offset; without, dates are UTC.
    /// </summary>
    public RouteService(Network network, EngineOptions? options = null, PlaceSearch? search = null, TimeZoneTable? zones = null)
    {
        Zones = zones;
        Options = options ?? EngineOptions.Default;
        Network = network;
        Search = search ?? new PlaceSearch(network);
        Parser = new RouteQueryParser(network, Options, Search, zones);
        Planner = new ShipmentPlanner(new RoutingGraph(network));
    }

    /// <summary>The limits and defaults in force.</summary>
    public EngineOptions Options { get; }

    /// <summary>Each place's time zone, or null when the data have none (dates in UTC).</summary>
    public TimeZoneTable? Zones { get; }

    /// <summary>The network routed on.</summary>
    public Network Network { get; }

    /// <summary>Place resolution used for the query's places.</summary>
    public PlaceSearch Search { get; }

    /// <summary>The query parser.</summary>
    public RouteQueryParser Parser { get; }

    /// <summary>The shipment planner (Pareto search, reliability, corridors).</summary>
    public ShipmentPlanner Planner { get; }

    /// <summary>The single-route pipeline.</summary>
    public Router Router => Planner.Router;

    /// <summary>Plans a shipment: the non-dominated options, the engine's recommended (or the asked objective's) first.</summary>
    public ServiceResult<RoutePlan> Plan(RoutePlanQuery query, CancellationToken cancellation = default)
    {
        var parsed = Parser.Parse(query);
        if (!parsed.IsValid)
        {
            return ServiceResult<RoutePlan>.Fail(parsed.Errors, parsed.Warnings);
        }
        var request = parsed.Value!;
        var plan = Planner.Plan(request, cancellation);
        if (plan.LimitExceeded is { } limit)
        {
            var field = limit.StartsWith("time", StringComparison.Ordinal) ? "timeLimit" : "maxLabels";
            return ServiceResult<RoutePlan>.Fail([new EngineError(ErrorCode.LimitExceeded, field, $"the search hit its {limit} before finishing; narrow the query (avoid countries or modes, limit the transfers) or allow ε-dominance slack (0.01)")], parsed.Warnings);
        }
        if (plan.Options.Count == 0)
        {
            return ServiceResult<RoutePlan>.Fail([NoRoute(plan.NoRoute!)], parsed.Warnings);
        }
        var document = PlanDocuments.Response(Network, plan, Zones) with { Warnings = Warnings(parsed.Warnings) };
        return ServiceResult<RoutePlan>.Ok(new RoutePlan(request, plan, document), parsed.Warnings);
    }

    /// <summary>One route by one criterion (default: recommended generalized cost), without the Pareto search.</summary>
    public ServiceResult<RouteSingle> Single(RouteQuery query)
    {
        var parsed = Parser.Parse(query);
        if (!parsed.IsValid)
        {
            return ServiceResult<RouteSingle>.Fail(parsed.Errors, parsed.Warnings);
        }
        var request = parsed.Value!;
        var outcome = Router.Route(request);
        if (!outcome.Found)
        {
            return ServiceResult<RouteSingle>.Fail([NoRoute(outcome.NoRoute!)], parsed.Warnings);
        }
        var document = new RouteResponse(
            RouteDocuments.Place(Network, request.From),
            RouteDocuments.Place(Network, request.To),
            [RouteDocuments.Route(Network, outcome.Itinerary!)])
        { Warnings = Warnings(parsed.Warnings) };
        return ServiceResult<RouteSingle>.Ok(new RouteSingle(request, outcome.Itinerary!, document), parsed.Warnings);
    }

    /// <summary>
    /// Which option of a plan an itinerary is asked for (<c>/api/route/itinerary/{format}?option=</c>): 1-based as
    /// typed, default 1 (the engine's chosen one); <paramref name="index"/> is 0-based.
    /// </summary>
    /// <returns>Null, or the error naming the field <c>option</c>.</returns>
    public static EngineError? Option(string? text, RouteResponse plan, out int index)
    {
        ArgumentNullException.ThrowIfNull(plan);
        index = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= plan.Routes.Count)
        {
            index = n - 1;
            return null;
        }
        return EngineError.Invalid("option", $"must be from 1 to {plan.Routes.Count} (the options of this plan)");
    }

    /// <summary>The query field a blocking constraint belongs to, so each host can name it its own way.</summary>
    public static string FieldOf(string constraint) => constraint switch
    {
        "avoid-country" => "avoid",
        "avoid-mode" => "avoidModes",
        "avoid-place" => "avoidPlaces",
        "max-transfers" => "maxTransfers",
        "commodity" => "cargo",
        _ => constraint,
    };

    private static EngineError NoRoute(NoRouteReason reason) =>
        new(ErrorCode.NoRoute, "", reason.Message) { Blocking = reason.Blocking };

    private static IReadOnlyList<WarningDocument>? Warnings(IReadOnlyList<EngineWarning> warnings) =>
        warnings.Count > 0 ? warnings.Select(w => new WarningDocument(w.Field, w.Message)).ToList() : null;
}
