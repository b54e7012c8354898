using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Caravan.Export;

/// <summary>The JSON settings every Caravan document uses: camelCase, nulls omitted, readable Unicode.</summary>
public static class JsonDefaults
{
    /// <summary>Indented output for files and the CLI.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(true);

    /// <summary>Compact output for the web API.</summary>
    public static JsonSerializerOptions Compact { get; } = Create(false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }
}
