using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Caravan.Web.Protection;

/// <summary>
/// The one set of JSON options for request bodies: property names match exactly (camelCase, as documented),
/// a duplicate property, an unknown property or a nesting deeper than <see cref="MaxDepth"/> is an error, so a
/// body means one thing and a typo is reported instead of ignored.
/// </summary>
public static partial class RequestJson
{
    /// <summary>Deepest nesting accepted in a request body (the documented bodies are flat objects).</summary>
    public const int MaxDepth = 16;

    /// <summary>The options every endpoint reads its body with.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The metadata to read a body type with these options (source-generated: no reflection under native AOT).</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>What is wrong with a body, for a problem detail: the serializer's reason without .NET type names, and where.</summary>
    public static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }
        message = TypeName().Replace(message, "").Trim();
        if (message.Length > 200)
        {
            message = message[..Caravan.Data.Csv.CsvRecord.CutAt(message, 200)] + "…";
        }
        return e.Path is { Length: > 1 } path ? $"{message} (at {path})" : message;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*(?:(?:during deserialization of|to any \.NET member contained in|contained in|of|for|to) )?(?:type )?'?(?:Caravan|System)\.[^\s']*'?")]
    private static partial System.Text.RegularExpressions.Regex TypeName();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = false,
            AllowDuplicateProperties = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = MaxDepth,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(WebJsonContext.Default, CaravanJsonContext.Default),
        };
        o.MakeReadOnly();
        return o;
    }
}
