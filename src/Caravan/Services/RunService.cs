using System.Globalization;
using System.Text.Json;
using Caravan.Store;

namespace Caravan.Services;

/// <summary>A saved run as <c>caravan runs list --json</c> prints it and <c>GET /api/runs</c> lists it.</summary>
/// <param name="Id">Run id.</param>
/// <param name="Kind">route, compare, assign…</param>
/// <param name="Created">When it was saved (UTC).</param>
/// <param name="ScenarioA">Its (first) scenario.</param>
/// <param name="ContentHashA">That scenario's content hash.</param>
/// <param name="ScenarioB">The second scenario of a comparison.</param>
/// <param name="ContentHashB">Its content hash.</param>
/// <param name="Parameters">The run's parameters as saved (null when unreadable).</param>
/// <param name="Summary">The run's summary as saved (null when unreadable).</param>
/// <param name="ResultCount">Result rows saved.</param>
public sealed record RunInfoDocument(
    long Id, string Kind, DateTimeOffset Created, string ScenarioA, string ContentHashA, string? ScenarioB, string? ContentHashB,
    JsonElement? Parameters, JsonElement? Summary, long ResultCount)
{
    /// <summary>The document of a stored run.</summary>
    public static RunInfoDocument Of(RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(
            run.Id, run.Kind.Name(), run.CreatedUtc, run.ScenarioA, run.ContentHashA, run.ScenarioB, run.ContentHashB,
            RunService.ParseJson(run.ParametersJson), RunService.ParseJson(run.SummaryJson), run.ResultCount);
    }
}

/// <summary>One result row of a saved run.</summary>
/// <param name="Kind">What the row is (od, link, corridor…).</param>
/// <param name="Key">Its key within the run.</param>
/// <param name="Data">Its figures as saved (null when unreadable).</param>
public sealed record RunResultDocument(string Kind, string Key, JsonElement? Data)
{
    /// <summary>The document of a stored row.</summary>
    public static RunResultDocument Of(RunResultRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Kind, row.Key, RunService.ParseJson(row.DataJson));
    }
}

/// <summary>
/// One saved run with its rows: what <c>caravan runs show --json</c> prints and <c>GET /api/runs/{id}</c> answers
/// (the first <see cref="EngineOptions.MaxRunResults"/> rows), and the shape <c>caravan runs export</c> writes with
/// every row.
/// </summary>
/// <param name="Run">The run.</param>
/// <param name="Results">Its rows (at most the engine's <c>MaxRunResults</c>; all of them in an export).</param>
public sealed record RunDocument(RunInfoDocument Run, IReadOnlyList<RunResultDocument> Results);

/// <summary>The run store's use cases, the same through every door: list the runs, show one with its rows.</summary>
public static class RunService
{
    /// <summary>The runs of a store, newest first; <paramref name="limit"/> as typed (<see cref="RunListing.Limit"/>).</summary>
    public static ServiceResult<RunInfoDocument[]> List(IRunStore store, string? limit, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (RunListing.Limit(limit, options, out var n) is { } error)
        {
            return ServiceResult<RunInfoDocument[]>.Fail([error]);
        }
        return ServiceResult<RunInfoDocument[]>.Ok([.. store.List(n).Select(RunInfoDocument.Of)]);
    }

    /// <summary>A run id as typed: a whole number.</summary>
    /// <returns>Null, or the error naming the field <c>id</c>.</returns>
    public static EngineError? Id(string? text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id)
            ? null
            : EngineError.Invalid("id", $"must be a run id, a whole number, not '{Diagnostic.Cut(text ?? "", 41)}'");

    /// <summary>One run with its first <see cref="EngineOptions.MaxRunResults"/> rows, or <see cref="ErrorCode.UnknownRun"/>.</summary>
    public static ServiceResult<RunDocument> Show(IRunStore store, long id, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        if (store.Get(id) is not { } run)
        {
            return ServiceResult<RunDocument>.Fail([Unknown(id)]);
        }
        var rows = store.Results(id).Take(options.MaxRunResults).Select(RunResultDocument.Of).ToList();
        return ServiceResult<RunDocument>.Ok(new RunDocument(RunInfoDocument.Of(run), rows));
    }

    /// <summary>The error of a run id the store does not hold.</summary>
    public static EngineError Unknown(long id) =>
        new(ErrorCode.UnknownRun, "id", string.Create(CultureInfo.InvariantCulture, $"no run {id} in the run store (see the list of saved runs)"));

    /// <summary>Stored JSON text as an element, or null when it does not parse.</summary>
    public static JsonElement? ParseJson(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
