using System.Globalization;
using System.Text.Json;
using Caravan.Comparison;
using Caravan.Data;
using Caravan.Export;
using Caravan.Routing;
using Caravan.Scenarios;
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
        if (string.IsNullOrWhiteSpace(b))
        {
            return Problems.InvalidParameter("b", "give the scenario to compare with, e.g. b=northern-closed (see /api/scenarios)");
        }
        var objective = Objective.Generalized;
        if (!string.IsNullOrWhiteSpace(optimize) && !Caravan.Services.RouteQueryParser.TryParseObjective(optimize, out objective))
        {
            return Problems.InvalidParameter("optimize", "expected recommended, time, cost or co2");
        }
        var y = state.DefaultYear;
        if (!string.IsNullOrWhiteSpace(year) && (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out y) || y < 1990 || y > 2100))
        {
            return Problems.InvalidParameter("year", "must be a year from 1990 to 2100");
        }
        if (!Scenario(state, a, out var sa, out var problem) || !Scenario(state, b, out var sb, out problem))
        {
            return problem!;
        }
        var key = $"{sa!.Name}|{sb!.Name}|{objective}|{y}";
        if (state.Comparisons.TryGetValue(key, out var cached))
        {
            return TypedResults.Text(cached, "application/json");
        }
        var pairsPath = PairsFile(state);
        if (pairsPath is null)
        {
            return Problems.NotFound("od-pairs", "no scenarios/od-pairs.csv in the data folder");
        }
        var bag = new DiagnosticBag();
        var pairs = OdPairReader.Read(pairsPath, "od-pairs.csv", bag);
        if (bag.HasErrors || pairs.Count == 0)
        {
            return TypedResults.Problem(detail: "the OD pairs file cannot be read", statusCode: StatusCodes.Status422UnprocessableEntity, title: "No OD pairs", type: Problems.TypeBase + "no-pairs");
        }
        var result = ScenarioComparer.Compare(sa, sb, pairs, new ComparisonOptions(objective, y), cancellation);
        if (result.Routes.Count == 0)
        {
            return TypedResults.Problem(
                detail: "no OD pair could be routed under both scenarios: " + string.Join("; ", result.Skipped.Take(5).Select(s => $"{s.From} → {s.To}: {s.Reason}")),
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Nothing to compare",
                type: Problems.TypeBase + "no-pairs");
        }
        var json = JsonSerializer.Serialize(result, JsonDefaults.Compact);
        if (state.Comparisons.Count < NetworkState.MaxComparisons)
        {
            state.Comparisons.TryAdd(key, json);
        }
        return TypedResults.Text(json, "application/json");
    }

    private static bool Scenario(NetworkState state, string? name, out ScenarioNetwork? scenario, out ProblemHttpResult? problem)
    {
        scenario = null;
        if (!state.TryGet(name, out var net, out problem))
        {
            return false;
        }
        scenario = net.Scenario ?? state.BaseScenario;
        if (scenario is null)
        {
            problem = TypedResults.Problem(detail: "the base network cannot be read from the data folder", statusCode: StatusCodes.Status422UnprocessableEntity, title: "Scenario cannot be loaded", type: Problems.TypeBase + "scenario-unloadable");
            return false;
        }
        return true;
    }

    private static string? PairsFile(NetworkState state)
    {
        foreach (var folder in new[] { string.IsNullOrEmpty(state.Options.DataFolder) ? null : ScenarioLoader.ScenariosFolder(state.Options.DataFolder), state.Options.ScenariosFallbackFolder })
        {
            if (folder is not null && File.Exists(Path.Combine(folder, "od-pairs.csv")))
            {
                return Path.Combine(folder, "od-pairs.csv");
            }
        }
        return null;
    }
}
