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

/// <summary>
/// Source-generated JSON metadata for the web API's own shapes (bodies, answers, server-sent events, problem
/// extension members). The HTTP JSON options resolve this context first, then the engine's
/// <see cref="Caravan.Json.CaravanJsonContext"/>, so the API serializes without reflection (native AOT).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AssignmentRequest))]
[JsonSerializable(typeof(AssignmentStarted))]
[JsonSerializable(typeof(BatchBody))]
[JsonSerializable(typeof(MatrixBody))]
[JsonSerializable(typeof(MetaDocument))]
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
