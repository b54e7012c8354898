using System.Text.Json;
using Caravan.Export;
using Caravan.Scenarios;
using Caravan.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Web.Endpoints;

/// <summary><c>GET /api/compare?a=&amp;b=</c>: the shipped OD pairs under two scenarios, the <c>caravan compare --json</c> document.</summary>
public static class CompareEndpoints
{
    /// <summary>Maps the endpoint.</summary>
    public static RouteGroupBuilder MapCompare(this RouteGroupBuilder api)
    {
        api.MapGet("/compare", Compare)
            .WithName("Compare")
            .WithSummary("Compare two scenarios on the OD pairs")
            .WithQuery("a", "b", "optimize", "year")
            .WithDescription("Routes the OD pairs of data/scenarios/od-pairs.csv under scenarios `a` and `b` (default base) and explains each change in days, USD, CO2e and corridor: the same JSON as `caravan compare A B --json`. 404 with suggestions for an unknown scenario, 400 for a bad parameter.")
            .Produces<string>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RouteEndpoints.RateLimitPolicy);
        return api;
    }

    /// <summary>Handles a comparison.</summary>
    /// <param name="state">The served networks.</param>
    /// <param name="a">Scenario A (default base).</param>
    /// <param name="b">Scenario B (required).</param>
    /// <param name="optimize">recommended (default, generalized cost), time, cost or co2.</param>
    /// <param name="year">Year of travel (default the server's).</param>
    /// <param name="cancellation">Request aborted.</param>
    public static Results<ContentHttpResult, ProblemHttpResult> Compare(NetworkState state, string? a = null, string? b = null, string? optimize = null, string? year = null, CancellationToken cancellation = default)
    {
        var key = $"{a?.Trim().ToLowerInvariant()}|{b?.Trim().ToLowerInvariant()}|{optimize?.Trim().ToLowerInvariant()}|{year?.Trim()}";
        if (state.Comparisons.TryGetValue(key, out var cached))
        {
            return TypedResults.Text(cached, "application/json");
        }
        var pairs = ComparisonService.Pairs(null, state.Options.DataFolder, state.Options.ScenariosFallbackFolder);
        if (!pairs.IsValid)
        {
            return Problems.From(pairs.Errors);
        }
        var query = new ComparisonQuery { A = a, B = b, Optimize = optimize, Year = year };
        var compared = new ComparisonService(state.Options.Engine).Compare(query, pairs.Value!, (field, name) => Scenario(state, field, name), cancellation);
        if (!compared.IsValid)
        {
            return Problems.From(compared.Errors);
        }
        var json = JsonDefaults.Serialize(compared.Value!, JsonDefaults.Compact);
        if (state.Comparisons.Count < state.Options.Engine.MaxComparisonDocuments)
        {
            state.Comparisons.TryAdd(key, json);
        }
        return TypedResults.Text(json, "application/json");
    }

    /// <summary>A served scenario by name (the server's compiled ones); <c>base</c> is always the unmodified base network.</summary>
    private static ServiceResult<ScenarioNetwork> Scenario(NetworkState state, string field, string name)
    {
        if (!ScenarioLoader.IsBase(name) && !state.ScenarioNames.Contains(name, StringComparer.OrdinalIgnoreCase) && !string.Equals(name, state.Options.Scenario, StringComparison.OrdinalIgnoreCase))
        {
            return ServiceResult<ScenarioNetwork>.Fail([ScenarioCatalog.Unknown(field, name, state.ScenarioNames)]);
        }
        if (state.TryGet(name, out var context, out var problem) && context.Scenario is null && !ScenarioLoader.IsBase(name) && !string.IsNullOrEmpty(state.Options.DataFolder))
        {
            // The scenario `serve --scenario` chose is served without its change log; read it as a scenario once.
            return ScenarioCatalog.Load(field, name, state.Options.DataFolder, state.Options.ScenariosFallbackFolder);
        }
        if (problem is null && (context.Scenario ?? state.BaseScenario) is { } scenario)
        {
            return ServiceResult<ScenarioNetwork>.Ok(scenario);
        }
        var detail = problem?.ProblemDetails.Detail ?? "the base network cannot be read from the data folder";
        return ServiceResult<ScenarioNetwork>.Fail([new EngineError(ErrorCode.ScenarioUnloadable, field, detail)]);
    }
}
