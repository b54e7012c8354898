using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Caravan.Json;

/// <summary>The JSON settings every Caravan document uses: camelCase, nulls omitted, readable Unicode.</summary>
public static class JsonDefaults
{
    /// <summary>Indented output for files and the CLI.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(true);

    /// <summary>Compact output for the web API.</summary>
    public static JsonSerializerOptions Compact { get; } = Create(false);

    /// <summary>
    /// Serializes through the options' resolver (the source-generated context first), never through reflection, so the
    /// call is the same under native AOT; a type the resolver does not know fails loudly.
    /// </summary>
    public static string Serialize<T>(T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));

    private static JsonSerializerOptions Create(bool indented)
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        o.TypeInfoResolver = Resolver();
        o.MakeReadOnly();
        return o;
    }

    // The engine's documents come from the source-generated context; other types (host-side shapes) fall back to
    // reflection where it is enabled. Under native AOT reflection is off, the fallback is trimmed away, and a type
    // missing from the context fails loudly instead of silently.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Reflection fallback only where JsonSerializer.IsReflectionEnabledByDefault.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Reflection fallback only where JsonSerializer.IsReflectionEnabledByDefault.")]
    private static IJsonTypeInfoResolver Resolver() =>
        JsonSerializer.IsReflectionEnabledByDefault
            ? JsonTypeInfoResolver.Combine(CaravanJsonContext.Default, new DefaultJsonTypeInfoResolver())
            : CaravanJsonContext.Default;
}
