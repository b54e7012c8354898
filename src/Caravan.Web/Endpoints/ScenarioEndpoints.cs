using Caravan.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Web.Endpoints;

/// <summary><c>GET /api/scenarios</c> and <c>GET /api/scenarios/{name}</c>: what-if networks to plan on.</summary>
public static class ScenarioEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapScenarios(this RouteGroupBuilder api)
    {
        api.MapGet("/scenarios", List)
            .WithName("Scenarios")
            .WithSummary("The scenarios")
            .WithDescription("`base` and every shipped scenario: name, description, sources; pass the name as `scenario=` to /api/network, /api/route, /api/route/single and /api/places.");
        api.MapGet("/scenarios/{name}", Get)
            .WithName("Scenario")
            .WithSummary("What a scenario changes")
            .WithDescription("Each change of the scenario (and of those it is based on) as applied to the served network: how many elements it matched and which links it touched. 404 with suggestions for an unknown name.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    /// <summary>Lists the scenarios, base first.</summary>
    public static Ok<ScenarioSummary[]> List(NetworkState state) => TypedResults.Ok(ScenarioCatalog.Summaries(state.ScenarioFiles).ToArray());

    /// <summary>Shows one scenario.</summary>
    /// <param name="state">The served networks.</param>
    /// <param name="name">Scenario name.</param>
    public static Results<Ok<ScenarioDetail>, ProblemHttpResult> Get(NetworkState state, string name)
    {
        if (!state.TryGet(name, out var net, out var problem))
        {
            return problem!;
        }
        return TypedResults.Ok(ScenarioCatalog.Detail(net.Scenario, state.BaseScenario?.ContentHash ?? ""));
    }
}
