using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Caravan.Appraisal;

/// <summary>
/// Source generation for the sweep's own run records, so Appraisal serializes without reflection (native AOT) and
/// without reaching up to the engine's top folder Json/ (whose context names every document, these included).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunRequest))]
[JsonSerializable(typeof(RunResult))]
internal sealed partial class AppraisalJsonContext : JsonSerializerContext;

/// <summary>Run requests and results as JSON (the settings of every Caravan document; doubles round-trip exactly).</summary>
public static class RunJson
{
    // The same settings as Json/JsonDefaults.Compact: camelCase, nulls omitted, readable Unicode.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = AppraisalJsonContext.Default,
    };

    /// <summary>A request as JSON.</summary>
    public static string Json(RunRequest request) => JsonSerializer.Serialize(request, Info<RunRequest>());

    /// <summary>A result as JSON.</summary>
    public static string Json(RunResult result) => JsonSerializer.Serialize(result, Info<RunResult>());

    /// <summary>A request from JSON.</summary>
    public static RunRequest Request(string json) => Read<RunRequest>(json);

    /// <summary>A result from JSON.</summary>
    public static RunResult Result(string json) => Read<RunResult>(json);

    private static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static T Read<T>(string json) =>
        JsonSerializer.Deserialize(json, Info<T>()) ?? throw new JsonException($"empty {typeof(T).Name}");
}
