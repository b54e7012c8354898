using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Caravan.Batch;
using Caravan.Freight;
using Caravan.Freight.Choice;
using Caravan.Services;
using Caravan.Store;
using Caravan.Web.Endpoints;

namespace Caravan.Web;

/// <summary>A run's summary and flows as <c>GET /api/assignments/{id}</c> answers it; figures are null until known.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="Demand">The demand set's name.</param>
/// <param name="Scenario">The scenario it runs on.</param>
/// <param name="Year">Year of travel.</param>
/// <param name="Status">running, done, failed or cancelled.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Started">When it started.</param>
/// <param name="Model">The assignment model (choice).</param>
/// <param name="Converged">Whether the equilibrium converged (once done).</param>
/// <param name="StopReason">Why the solver stopped (once done).</param>
/// <param name="Iterations">Iterations so far.</param>
/// <param name="RelativeGap">The last relative gap.</param>
/// <param name="Seconds">Solver time so far.</param>
/// <param name="MaxUtilisation">Highest flow / capacity of a link.</param>
/// <param name="DemandTonnes">Demand assigned, tonnes.</param>
/// <param name="Totals">Network totals.</param>
/// <param name="Bottlenecks">The most utilised links (at most the engine's <c>DefaultBottlenecks</c>).</param>
/// <param name="Corridors">Volumes per corridor.</param>
/// <param name="CorridorTonnes">Tonnes per corridor and class.</param>
/// <param name="Flows">Link flows as GeoJSON.</param>
public sealed record AssignmentDocument(
    string Id, string Demand, string Scenario, int Year, string Status, string? Error, DateTimeOffset Started, string Model,
    bool? Converged, string? StopReason, int Iterations, double? RelativeGap, double Seconds, double? MaxUtilisation,
    double? DemandTonnes, FreightTotals? Totals, IReadOnlyList<BottleneckSummary>? Bottlenecks,
    IReadOnlyList<CorridorVolume>? Corridors, IReadOnlyList<CorridorFlow>? CorridorTonnes, FlowFeatureCollection? Flows);

/// <summary>A <c>progress</c> server-sent event of an assignment.</summary>
/// <param name="Iteration">The iteration.</param>
/// <param name="RelativeGap">Its relative gap (null while not finite).</param>
/// <param name="ElapsedSeconds">Solver time so far.</param>
public sealed record AssignmentProgress(int Iteration, double? RelativeGap, double ElapsedSeconds);

/// <summary>The <c>done</c> server-sent event of an assignment.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="Status">done, failed or cancelled.</param>
/// <param name="Error">Why it failed.</param>
public sealed record AssignmentDone(string Id, string Status, string? Error);

/// <summary>A saved run as <c>GET /api/runs</c> lists it.</summary>
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
    public static RunInfoDocument Of(RunInfo r) => new(
        r.Id, r.Kind.Name(), r.CreatedUtc, r.ScenarioA, r.ContentHashA, r.ScenarioB, r.ContentHashB,
        ParseJson(r.ParametersJson), ParseJson(r.SummaryJson), r.ResultCount);

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

/// <summary>One result row of a saved run.</summary>
/// <param name="Kind">What the row is (od, link, corridor…).</param>
/// <param name="Key">Its key within the run.</param>
/// <param name="Data">Its figures as saved.</param>
public sealed record RunResultDocument(string Kind, string Key, JsonElement? Data);

/// <summary>One saved run with its rows, as <c>GET /api/runs/{id}</c> answers it.</summary>
/// <param name="Run">The run.</param>
/// <param name="Results">Its rows (at most the engine's <c>MaxRunResults</c>).</param>
public sealed record RunDocument(RunInfoDocument Run, IReadOnlyList<RunResultDocument> Results);

/// <summary>
/// Source-generated JSON metadata for the web API's own shapes (bodies, answers, server-sent events, problem
/// extension members). The HTTP JSON options resolve this context first, then the engine's
/// <see cref="Caravan.Json.CaravanJsonContext"/>, so the API serializes without reflection (native AOT).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AssignmentRequest))]
[JsonSerializable(typeof(AssignmentStarted))]
[JsonSerializable(typeof(AssignmentDocument))]
[JsonSerializable(typeof(AssignmentProgress))]
[JsonSerializable(typeof(AssignmentDone))]
[JsonSerializable(typeof(BatchBody))]
[JsonSerializable(typeof(MatrixBody))]
[JsonSerializable(typeof(MetaDocument))]
[JsonSerializable(typeof(RunInfoDocument[]))]
[JsonSerializable(typeof(RunDocument))]
[JsonSerializable(typeof(ScenarioSummary[]))]
[JsonSerializable(typeof(BatchResult[]))]
[JsonSerializable(typeof(List<BatchResult>))]
[JsonSerializable(typeof(List<PlaceHit>))]
[JsonSerializable(typeof(List<ScenarioSummary>))]
// Problem extension members are written as elements (Problems.Element), so one type covers them all.
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
public sealed partial class WebJsonContext : JsonSerializerContext;

/// <summary>The web's JSON settings for what it reads and writes itself: the engine's compact settings, resolving <see cref="WebJsonContext"/> first.</summary>
public static class WebJson
{
    /// <summary>Compact, camelCase, nulls omitted, readable Unicode; the web's shapes and the engine's documents.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The metadata of a type the contexts know (a type they do not know fails loudly under native AOT).</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonDefaults.Compact) { TypeInfoResolver = JsonTypeInfoResolver.Combine(WebJsonContext.Default, JsonDefaults.Compact.TypeInfoResolver) };
        o.MakeReadOnly();
        return o;
    }
}
