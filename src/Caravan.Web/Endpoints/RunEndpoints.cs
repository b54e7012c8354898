using Caravan.Services;
using Caravan.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Web.Endpoints;

/// <summary>The run store given by <c>caravan serve --db</c>, opened on first use.</summary>
public sealed class RunStoreAccess(CaravanWebOptions options)
{
    // PublicationOnly: a failed open (a PostgreSQL server down for a moment) is tried again on the next request, not remembered.
    private readonly Lazy<IRunStore?> _store = new(() => string.IsNullOrWhiteSpace(options.DatabasePath) ? null : RunStores.OpenReadOnly(options.DatabasePath), LazyThreadSafetyMode.PublicationOnly);

    /// <summary>The store, or null when none was configured.</summary>
    public IRunStore? Store => _store.Value;
}

/// <summary><c>GET /api/runs</c> and <c>GET /api/runs/{id}</c>: the runs saved in the run store (<c>--save</c> of the CLI).</summary>
public static class RunEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapRuns(this RouteGroupBuilder api)
    {
        api.MapGet("/runs", List)
            .WithName("Runs")
            .WithSummary("Saved runs, newest first")
            .WithQuery("limit")
            .WithDescription("The runs in the run store given by `caravan serve --db`; 404 when the server has no store.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/runs/{id}", Get)
            .WithName("Run")
            .WithSummary("One saved run with its result rows")
            .WithDescription("A run's parameters, summary and result rows (at most 5000); 404 for an unknown id or when the server has no store.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>Lists runs, the document <c>caravan runs list --json</c> prints (the engine's run listing).</summary>
    /// <param name="access">The store.</param>
    /// <param name="limit">Most runs (1–1000, default 100).</param>
    /// <param name="state">The served network, for the engine's options.</param>
    public static Results<Ok<RunInfoDocument[]>, ProblemHttpResult> List(RunStoreAccess access, NetworkState state, string? limit = null)
    {
        // The limit is checked before the store is opened: a bad query is a 400 whatever the store's state.
        if (RunListing.Limit(limit, state.Options.Engine, out _) is { } error)
        {
            return Problems.From([error]);
        }
        if (!TryStore(access, out var store, out var problem))
        {
            return problem!;
        }
        try
        {
            var result = RunService.List(store!, limit, state.Options.Engine);
            return result.IsValid ? TypedResults.Ok(result.Value!) : Problems.From(result.Errors);
        }
        catch (RunStoreException)
        {
            return Unavailable();
        }
    }

    /// <summary>One run with its first rows, the document <c>caravan runs show --json</c> prints.</summary>
    /// <param name="access">The store.</param>
    /// <param name="id">Run id.</param>
    /// <param name="state">The served network, for the engine's options.</param>
    public static Results<Ok<RunDocument>, ProblemHttpResult> Get(RunStoreAccess access, NetworkState state, string id)
    {
        if (RunService.Id(id, out var runId) is { } error)
        {
            return Problems.From([error]);
        }
        if (!TryStore(access, out var store, out var problem))
        {
            return problem!;
        }
        try
        {
            var result = RunService.Show(store!, runId, state.Options.Engine);
            return result.IsValid ? TypedResults.Ok(result.Value!) : Problems.From(result.Errors);
        }
        catch (RunStoreException)
        {
            return Unavailable();
        }
    }

    // The reason (a path, a SQLite message) stays in the server's log side; the client learns only that it is unavailable.
    private static ProblemHttpResult Unavailable() =>
        TypedResults.Problem(detail: "the run store cannot be read", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Run store unavailable", type: Problems.TypeBase + "run-store-unavailable");

    private static bool TryStore(RunStoreAccess access, out IRunStore? store, out ProblemHttpResult? problem)
    {
        problem = null;
        try
        {
            store = access.Store;
        }
        catch (RunStoreException)
        {
            store = null;
            problem = Unavailable();
            return false;
        }
        if (store is null)
        {
            problem = Problems.NotFound("run store", "this server has no run store; start it with caravan serve --db runs.db");
            return false;
        }
        return true;
    }
}
