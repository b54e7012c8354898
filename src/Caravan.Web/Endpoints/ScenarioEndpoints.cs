using Caravan.Data;
using Caravan.Scenarios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Web.Endpoints;

/// <summary>A scenario the server can plan on.</summary>
/// <param name="Name">Its name, the value of <c>scenario=</c>.</param>
/// <param name="Description">What it represents.</param>
/// <param name="BasedOn">The scenario it builds on, if any.</param>
/// <param name="Sources">Source ids (data/sources.csv) it rests on.</param>
/// <param name="Changes">Number of changes in its own file.</param>
public sealed record ScenarioSummary(string Name, string Description, string? BasedOn, IReadOnlyList<string> Sources, int Changes);

/// <summary>One change of a scenario as applied to the served network.</summary>
/// <param name="Scenario">The overlay it belongs to (a basedOn chain has several).</param>
/// <param name="Index">1-based position in that overlay.</param>
/// <param name="Change">What it does, in a sentence, with its sources.</param>
/// <param name="Operation">set, scale, open, close, add or remove.</param>
/// <param name="Matched">How many elements it selected; 0 means the selector missed the data.</param>
/// <param name="Touched">Links, transfers and places it touched.</param>
public sealed record ScenarioChange(string Scenario, int Index, string Change, string Operation, int Matched, IReadOnlyList<string> Touched);

/// <summary>A scenario with what it changes.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it represents.</param>
/// <param name="Chain">The overlays applied, base-most first.</param>
/// <param name="ContentHash">Identity of the data and overlays.</param>
/// <param name="Sources">Source ids it rests on.</param>
/// <param name="Changes">Each change with what it touched.</param>
/// <param name="Warnings">Warnings found while applying it.</param>
public sealed record ScenarioDetail(string Name, string Description, IReadOnlyList<string> Chain, string ContentHash, IReadOnlyList<string> Sources, IReadOnlyList<ScenarioChange> Changes, IReadOnlyList<string> Warnings);

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
    public static Ok<ScenarioSummary[]> List(NetworkState state)
    {
        var list = new List<ScenarioSummary> { new(ScenarioLoader.BaseName, "the unmodified base network", null, [], 0) };
        foreach (var name in state.ScenarioNames.Skip(1))
        {
            var bag = new DiagnosticBag();
            var overlay = OverlayReader.ReadFile(state.ScenarioFiles[name], name + ".json", bag);
            list.Add(overlay is null
                ? new ScenarioSummary(name, "(unreadable: " + (bag.Items.FirstOrDefault()?.Message ?? "invalid file") + ")", null, [], 0)
                : new ScenarioSummary(name, overlay.Description, overlay.BasedOn, overlay.SourceIds, overlay.Changes.Count));
        }
        return TypedResults.Ok(list.ToArray());
    }

    /// <summary>Shows one scenario.</summary>
    /// <param name="state">The served networks.</param>
    /// <param name="name">Scenario name.</param>
    public static Results<Ok<ScenarioDetail>, ProblemHttpResult> Get(NetworkState state, string name)
    {
        if (!state.TryGet(name, out var net, out var problem))
        {
            return problem!;
        }
        if (net.Scenario is not { } s)
        {
            return TypedResults.Ok(new ScenarioDetail(ScenarioLoader.BaseName, "the unmodified base network", [], state.BaseScenario?.ContentHash ?? "", [], [], []));
        }
        var changes = s.Log.Entries.Select(e => new ScenarioChange(
            e.Scenario,
            e.Change.Index + 1,
            e.Change.Describe(),
            e.Change.Operation.ToString().ToLowerInvariant(),
            e.Matched,
            e.LinkIds.Concat(e.TransferKeys).Concat(e.PlaceCodes).Distinct(StringComparer.Ordinal).ToList())).ToList();
        return TypedResults.Ok(new ScenarioDetail(
            s.Name,
            s.Description,
            s.Chain.Select(o => o.Name).ToList(),
            s.ContentHash,
            s.Chain.SelectMany(o => o.SourceIds).Distinct(StringComparer.Ordinal).ToList(),
            changes,
            s.Diagnostics.Where(d => d.Severity == Severity.Warning).Select(d => d.Message).ToList()));
    }
}
