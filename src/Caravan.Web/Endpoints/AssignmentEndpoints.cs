using System.Globalization;
using System.Text.Json;
using Caravan.Export;
using Caravan.Freight;
using Caravan.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Web.Endpoints;

/// <summary>The body of <c>POST /api/assignments</c>.</summary>
/// <param name="Demand">Name of a demand file in the data folder's <c>demand/</c> (without <c>.csv</c>).</param>
/// <param name="Scenario">Scenario to assign on (default base).</param>
/// <param name="Year">Year of travel (default the server's).</param>
public sealed record AssignmentRequest(string? Demand, string? Scenario, int? Year);

/// <summary>A run as <c>POST /api/assignments</c> answers it.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="Status">running, done, failed or cancelled.</param>
/// <param name="Events">URL of its progress stream.</param>
/// <param name="Result">URL of its result.</param>
public sealed record AssignmentStarted(string Id, string Status, string Events, string Result);

/// <summary>
/// Freight assignment runs: <c>POST /api/assignments</c> starts one (202), <c>GET /api/assignments/{id}/events</c>
/// streams its progress as server-sent events, <c>GET /api/assignments/{id}</c> answers its summary and flows.
/// </summary>
public static class AssignmentEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapAssignments(this RouteGroupBuilder api)
    {
        api.MapGet("/demands", Demands)
            .WithName("Demands")
            .WithSummary("The demand sets that can be assigned")
            .WithDescription("Names of the CSV files in the data folder's demand/ folder, the values of `demand` for POST /api/assignments.");
        api.MapPost("/assignments", Start)
            .WithName("StartAssignment")
            .WithSummary("Start a freight assignment")
            .WithDescription("Body: {\"demand\": \"eurasia-2024\", \"scenario\": \"base\", \"year\": 2026}. The demand is a name of a file in the data folder's demand/ folder, never a path. Answers 202 with the run's id; 404 for an unknown demand or scenario, 400 for a bad body, 429 while another assignment is solving.")
            .Accepts<AssignmentRequest>("application/json")
            .Produces<AssignmentStarted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/assignments/{id}", Get)
            .WithName("Assignment")
            .WithSummary("An assignment's summary and flows")
            .WithDescription("The engine's document of a freight assignment run, the one `caravan assign --demand --json` prints: status, progress and, once done, convergence, the top bottlenecks, corridor volumes, every OD flow and a GeoJSON FeatureCollection of link flows (`flowTonnes`; `capacityTonnes` and `utilisation` only where a capacity is published). 404 for an unknown id.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/assignments/{id}/events", Events)
            .WithName("AssignmentEvents")
            .WithSummary("An assignment's progress (server-sent events)")
            .WithDescription("`progress` events (iteration, relativeGap, elapsedSeconds) while it solves, then one `done` event (status, and error when it failed).")
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .DisableRequestTimeout();
        return api;
    }

    /// <summary>The demand names available.</summary>
    public static Ok<string[]> Demands(NetworkState state) => TypedResults.Ok(AssignmentService.DemandSets(state.Options.DataFolder).Keys.Order(StringComparer.Ordinal).ToArray());

    /// <summary>Starts a run.</summary>
    public static async Task<Results<Accepted<AssignmentStarted>, ProblemHttpResult>> Start(HttpRequest request, NetworkState state, AssignmentRuns runs)
    {
        AssignmentRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, Protection.RequestJson.TypeInfo<AssignmentRequest>(), request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            return Problems.InvalidParameter("body", $"{Protection.RequestJson.Describe(e)}; expected a JSON object such as {{\"demand\": \"eurasia-2024\", \"scenario\": \"base\"}}");
        }
        if (body is null || string.IsNullOrWhiteSpace(body.Demand))
        {
            return Problems.InvalidParameter("demand", "give the name of a demand set (see /api/demands)");
        }
        if (body.Year is { } y && AssignmentService.CheckYear(state.Options.Engine, y) is { } yearError)
        {
            return Problems.From([yearError]);
        }
        var year = body.Year ?? state.Options.Engine.DefaultYear;
        var files = AssignmentService.DemandSets(state.Options.DataFolder);
        var name = body.Demand.Trim();
        if (!files.TryGetValue(name, out var path))
        {
            var shown = Diagnostic.Cut(name, 61);
            var near = NearestNames.Of(name, files.Keys);
            return Problems.NotFound(
                "demand",
                $"unknown demand '{shown}'" + (near.Count > 0 ? $"; did you mean {string.Join(", ", near)}?" : "") + $" Available: {(files.Count > 0 ? string.Join(", ", files.Keys.Order(StringComparer.Ordinal)) : "none (no CSV in the data folder's demand/)")}",
                near);
        }
        if (!state.TryGet(body.Scenario, out var net, out var problem))
        {
            return problem!;
        }
        var run = runs.TryStart(name, path, AssignmentService.ParametersPath(state.Options.DataFolder!), net, year);
        if (run is null)
        {
            request.HttpContext.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem(
                detail: "another assignment is solving; wait for it to finish (follow its events) and try again",
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests",
                type: Problems.TypeBase + "assignment-running");
        }
        var url = $"/api/assignments/{run.Id}";
        return TypedResults.Accepted(url, new AssignmentStarted(run.Id, "running", url + "/events", url));
    }

    /// <summary>A run's summary and flows, the document <c>caravan assign --demand --json</c> prints.</summary>
    public static Results<Ok<FreightAssignmentDocument>, ProblemHttpResult> Get(AssignmentRuns runs, NetworkState state, string id) =>
        runs.Get(id) is { } run ? TypedResults.Ok(run.Document(state.Options.Engine)) : UnknownRun(runs, id);

    /// <summary>Streams a run's progress as server-sent events until it ends or the client leaves.</summary>
    public static async Task<IResult> Events(HttpContext context, AssignmentRuns runs, string id)
    {
        if (runs.Get(id) is not { } run)
        {
            return UnknownRun(runs, id);
        }
        var response = context.Response;
        var aborted = context.RequestAborted;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var sent = 0;
        try
        {
            while (true)
            {
                var (progress, ended, changed) = run.Since(sent);
                foreach (var p in progress)
                {
                    var data = JsonSerializer.Serialize(AssignmentProgress.Of(p), WebJson.TypeInfo<AssignmentProgress>());
                    await response.WriteAsync($"event: progress\ndata: {data}\n\n", aborted);
                }
                sent += progress.Count;
                if (ended)
                {
                    var done = JsonSerializer.Serialize(AssignmentDone.Of(run.Header()), WebJson.TypeInfo<AssignmentDone>());
                    await response.WriteAsync($"event: done\ndata: {done}\n\n", aborted);
                    await response.Body.FlushAsync(aborted);
                    break;
                }
                await response.Body.FlushAsync(aborted);
                var woke = await Task.WhenAny(changed, Task.Delay(TimeSpan.FromSeconds(15), aborted));
                aborted.ThrowIfCancellationRequested();
                if (woke != changed)
                {
                    // A comment line keeps proxies from closing a quiet stream while a long iteration runs.
                    await response.WriteAsync(": keep-alive\n\n", aborted);
                }
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // the client left
        }
        return Results.Empty;
    }

    private static ProblemHttpResult UnknownRun(AssignmentRuns runs, string id) =>
        Problems.NotFound("assignment", $"no assignment '{Diagnostic.Cut(id, 41)}'; the server keeps the last {runs.MaxRuns} runs in memory");
}
