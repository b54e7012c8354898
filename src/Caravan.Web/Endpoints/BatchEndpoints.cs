using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Caravan.Batch;
using Caravan.Export;
using Caravan.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Web.Endpoints;

/// <summary>One query of a batch: the fields of <c>GET /api/route/single</c>.</summary>
/// <param name="From">Origin.</param>
/// <param name="To">Destination.</param>
/// <param name="Cargo">Cargo.</param>
/// <param name="Quantity">FEU or tonnes.</param>
/// <param name="Avoid">Countries to avoid (RU,BY).</param>
/// <param name="AvoidModes">Modes to avoid.</param>
/// <param name="AvoidPlaces">Places to avoid.</param>
/// <param name="Optimize">recommended, time, cost or co2.</param>
/// <param name="Year">Year of travel.</param>
/// <param name="MaxTransfers">Transfer limit.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record BatchQuery(
    string? From, string? To, string? Cargo = null, double? Quantity = null, string? Avoid = null, string? AvoidModes = null,
    string? AvoidPlaces = null, string? Optimize = null, int? Year = null, int? MaxTransfers = null);

/// <summary>The body of <c>POST /api/route/batch</c>.</summary>
/// <param name="Queries">The queries, answered in order.</param>
/// <param name="Scenario">Scenario (default base).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record BatchBody(IReadOnlyList<BatchQuery>? Queries, string? Scenario = null);

/// <summary><c>POST /api/route/batch</c>: many single-criterion routes in one call, in order, each with its route or problem.</summary>
public static class BatchEndpoints
{
    /// <summary>The NDJSON media type.</summary>
    public const string Ndjson = "application/x-ndjson";

    /// <summary>Maps the endpoint.</summary>
    public static RouteGroupBuilder MapBatch(this RouteGroupBuilder api)
    {
        api.MapPost("/route/batch", Batch)
            .WithName("RouteBatch")
            .WithSummary("Many routes in one call")
            .WithDescription($"Body: {{\"queries\": [{{\"from\": \"Xi'an\", \"to\": \"Duisburg\", \"optimize\": \"time\"}}, …]}}, at most {RouteBatch.MaxQueries}. Each query is answered as `GET /api/route/single` would (index, and route, errors or noRoute), in order; one bad query does not stop the others. With `Accept: {Ndjson}` the results stream one JSON object per line.")
            .Accepts<BatchBody>("application/json")
            .Produces<BatchResult[]>()
            .Produces<BatchResult>(StatusCodes.Status200OK, Ndjson)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireRateLimiting(RouteEndpoints.RateLimitPolicy);
        return api;
    }

    /// <summary>Handles a batch.</summary>
    public static async Task<IResult> Batch(HttpRequest request, NetworkState state)
    {
        var body = await StrictJson.ReadAsync<BatchBody>(request, "{\"queries\": [{\"from\": \"Xi'an\", \"to\": \"Duisburg\"}]}");
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var b = body.Value!;
        if (b.Queries is null || b.Queries.Count == 0)
        {
            return Problems.InvalidParameter("queries", "give at least one query");
        }
        if (b.Queries.Count > RouteBatch.MaxQueries)
        {
            return Problems.InvalidParameter("queries", $"lists {b.Queries.Count} queries; at most {RouteBatch.MaxQueries} are answered in one batch");
        }
        if (!state.TryGet(b.Scenario, out var net, out var problem))
        {
            return problem!;
        }
        var queries = b.Queries.Select(q => q is null ? new RouteQuery() : ToQuery(q)).ToArray();
        var accept = request.Headers.Accept.ToString();
        if (!accept.Contains(Ndjson, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Ok(RouteBatch.AnswerAll(queries, net.Routes.Parser, net.Router));
        }
        var response = request.HttpContext.Response;
        response.ContentType = Ndjson;
        var cancel = request.HttpContext.RequestAborted;
        for (var i = 0; i < queries.Length && !cancel.IsCancellationRequested; i++)
        {
            var result = RouteBatch.Answer(i, queries[i], net.Routes.Parser, net.Router);
            await JsonSerializer.SerializeAsync(response.Body, result, (JsonTypeInfo<BatchResult>)JsonDefaults.Compact.GetTypeInfo(typeof(BatchResult)), cancel);
            await response.Body.WriteAsync("\n"u8.ToArray(), cancel);
            await response.Body.FlushAsync(cancel);
        }
        return TypedResults.Empty;
    }

    private static RouteQuery ToQuery(BatchQuery q) => new()
    {
        From = q.From,
        To = q.To,
        Cargo = q.Cargo,
        Quantity = q.Quantity?.ToString("R", CultureInfo.InvariantCulture),
        Avoid = q.Avoid,
        AvoidModes = q.AvoidModes,
        AvoidPlaces = q.AvoidPlaces,
        Optimize = q.Optimize,
        Year = q.Year?.ToString(CultureInfo.InvariantCulture),
        MaxTransfers = q.MaxTransfers?.ToString(CultureInfo.InvariantCulture),
    };
}
