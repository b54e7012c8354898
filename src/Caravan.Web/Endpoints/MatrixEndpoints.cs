using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Caravan.Export;
using Caravan.Skims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Web.Endpoints;

/// <summary>The body of <c>POST /api/matrix</c>.</summary>
/// <param name="From">Origins: codes, names or aliases; <c>["all"]</c> for every place.</param>
/// <param name="To">Destinations; <c>["all"]</c> for every place.</param>
/// <param name="Objective">recommended (default), time, cost or co2.</param>
/// <param name="Cargo">container (default), air-cargo, dry-bulk, liquid-bulk, gas.</param>
/// <param name="Avoid">Countries to avoid, ISO alpha-2.</param>
/// <param name="AvoidModes">Modes to avoid.</param>
/// <param name="Year">Year of travel.</param>
/// <param name="Scenario">Scenario (default base).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MatrixBody(
    IReadOnlyList<string>? From,
    IReadOnlyList<string>? To,
    string? Objective = null,
    string? Cargo = null,
    IReadOnlyList<string>? Avoid = null,
    IReadOnlyList<string>? AvoidModes = null,
    int? Year = null,
    string? Scenario = null);

/// <summary><c>POST /api/matrix</c>: skim matrices, the same document as <c>caravan matrix --json</c>.</summary>
public static class MatrixEndpoints
{
    /// <summary>Maps the endpoint.</summary>
    public static RouteGroupBuilder MapMatrix(this RouteGroupBuilder api)
    {
        api.MapPost("/matrix", Matrix)
            .WithName("Matrix")
            .WithSummary("Skim matrix: hours, p90 hours, USD, kg CO2e, km and corridor for every pair")
            .WithDescription($"Body: {{\"from\": [\"Xi'an\", \"Almaty\"], \"to\": [\"all\"], \"objective\": \"time\"}}. One one-to-many search per origin; rows are origins, columns destinations, null where no path exists. At most {SkimQueryParser.MaxCells:N0} cells. 400 for a bad body (unknown places with suggestions).")
            .Accepts<MatrixBody>("application/json")
            .Produces<SkimDocument>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireRateLimiting(RouteEndpoints.RateLimitPolicy);
        return api;
    }

    /// <summary>Handles a matrix request.</summary>
    public static async Task<Results<Ok<SkimDocument>, ProblemHttpResult>> Matrix(HttpRequest request, NetworkState state)
    {
        var body = await StrictJson.ReadAsync<MatrixBody>(request, "{\"from\": [\"Xi'an\"], \"to\": [\"all\"]}");
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var b = body.Value!;
        if (!state.TryGet(b.Scenario, out var net, out var problem))
        {
            return problem!;
        }
        var parser = new SkimQueryParser(net.Network, net.Routes.Parser);
        var parsed = parser.Parse(new SkimQuery
        {
            From = b.From is null ? null : string.Join(',', b.From),
            To = b.To is null ? null : string.Join(',', b.To),
            Objective = b.Objective,
            Cargo = b.Cargo,
            Avoid = b.Avoid is null ? null : string.Join(',', b.Avoid),
            AvoidModes = b.AvoidModes is null ? null : string.Join(',', b.AvoidModes),
            Year = b.Year?.ToString(CultureInfo.InvariantCulture),
        }, state.DefaultYear);
        if (parsed.Request is null)
        {
            return Problems.From(parsed.Errors);
        }
        var matrix = new SkimBuilder(net.Router.Graph).Build(parsed.Request, request.HttpContext.RequestAborted);
        return TypedResults.Ok(SkimDocuments.Document(net.Network, matrix));
    }
}

/// <summary>Reads a JSON request body strictly: unknown properties, wrong types and empty bodies are 400s.</summary>
public static class StrictJson
{
    /// <summary>The body, or the problem to answer.</summary>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, string example)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync(request.Body, (JsonTypeInfo<T>)WebJson.Options.GetTypeInfo(typeof(T)), request.HttpContext.RequestAborted);
            return value is null ? (null, Problems.InvalidParameter("body", $"must be a JSON object such as {example}")) : (value, null);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 1 } p ? $" (at {p})" : "";
            return (null, Problems.InvalidParameter("body", $"is not valid{where}: {e.Message.Split(". Path:")[0]}; expected a JSON object such as {example}"));
        }
    }
}
