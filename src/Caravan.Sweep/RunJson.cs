using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Caravan.Appraisal;
using Caravan.Json;

namespace Caravan.Sweep;

/// <summary>Run requests and results as JSON (the engine's source-generated context; doubles round-trip exactly).</summary>
public static class RunJson
{
    /// <summary>A request as JSON.</summary>
    public static string Json(RunRequest request) => JsonDefaults.Serialize(request, JsonDefaults.Compact);

    /// <summary>A result as JSON.</summary>
    public static string Json(RunResult result) => JsonDefaults.Serialize(result, JsonDefaults.Compact);

    /// <summary>A request from JSON.</summary>
    public static RunRequest Request(string json) => Read<RunRequest>(json);

    /// <summary>A result from JSON.</summary>
    public static RunResult Result(string json) => Read<RunResult>(json);

    private static T Read<T>(string json) =>
        JsonSerializer.Deserialize(json, (JsonTypeInfo<T>)JsonDefaults.Compact.GetTypeInfo(typeof(T))) ?? throw new JsonException($"empty {typeof(T).Name}");
}
