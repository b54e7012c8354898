using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Caravan.Model;

namespace Caravan.Services;

/// <summary>One field of a query type: its camelCase name and how to read and write it.</summary>
/// <param name="Name">The field's name in camelCase, as the web API spells it (<c>avoidModes</c>).</param>
/// <param name="Property">The property holding the text.</param>
/// <param name="Kind">The type the text must have.</param>
/// <param name="Description">What it means.</param>
/// <param name="Required">True when it must be given.</param>
public sealed record QueryField(string Name, PropertyInfo Property, FieldKind Kind, string Description, bool Required)
{
    /// <summary>The CLI's spelling: <c>--avoid-modes</c>.</summary>
    public string OptionName => "--" + Kebab(Name);

    /// <summary>camelCase to kebab-case.</summary>
    public static string Kebab(string camel)
    {
        var sb = new System.Text.StringBuilder(camel.Length + 4);
        foreach (var c in camel)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                sb.Append('-').Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}

/// <summary>The fields of the service query types, read once from their <see cref="QueryFieldAttribute"/>s.</summary>
public static class QueryFields
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<QueryField>> Known = new();

    /// <summary>Every field of a query type, in declaration order (base type first).</summary>
    public static IReadOnlyList<QueryField> Of([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type queryType) =>
        Known.TryGetValue(queryType, out var fields) ? fields : Known.GetOrAdd(queryType, Read(queryType));

    private static List<QueryField> Read([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type t) =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Field: p.GetCustomAttribute<QueryFieldAttribute>()))
            .Where(x => x.Field is not null)
            // Base type first; within a type, GetProperties' declaration order (a stable sort keeps it). Metadata
            // tokens would say the same but do not exist in a native AOT build.
            .OrderBy(x => Depth(x.Property.DeclaringType!))
            .Select(x => new QueryField(char.ToLowerInvariant(x.Property.Name[0]) + x.Property.Name[1..], x.Property, x.Field!.Kind, x.Field.Description, x.Field.Required))
            .ToList();

    /// <summary>Every field of a query type.</summary>
    public static IReadOnlyList<QueryField> Of<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>() => Of(typeof(T));

    /// <summary>The field's (name, text) pairs of a query.</summary>
    public static IEnumerable<(string Field, string? Value)> Values(RouteQuery query) =>
        Of(query.GetType()).Select(f => (f.Name, (string?)f.Property.GetValue(query)));

    /// <summary>
    /// The error for a name that is not a field: the nearest valid names (edit distance, or a shared prefix), so
    /// <c>avoidCountries</c> points at <c>avoid</c>.
    /// </summary>
    public static EngineError Unknown(string name, IEnumerable<string> valid)
    {
        var near = NearestNames.Of(name, valid);
        var shown = Diagnostic.Cut(name, 61);
        var hint = near.Count > 0 ? $"; did you mean {string.Join(", ", near)}?" : "";
        return new EngineError(ErrorCode.UnknownParameter, name, $"'{shown}' is not a parameter of this query{hint}") { Names = near };
    }

    private static int Depth(Type t)
    {
        var d = 0;
        for (var b = t.BaseType; b is not null; b = b.BaseType)
        {
            d++;
        }
        return d;
    }
}

/// <summary>The one "did you mean" over a list of names (parameters, scenarios, demands, commands).</summary>
public static class NearestNames
{
    /// <summary>The names nearest to <paramref name="text"/>, best first: small edit distance, a shared prefix or containment.</summary>
    public static IReadOnlyList<string> Of(string text, IEnumerable<string> names, int count = 3)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Length > 100)
        {
            return [];
        }
        return names
            .Select(n => (Name: n, Distance: PlaceSearch.EditDistance(t, n.ToLowerInvariant(), 64)))
            .Where(x => x.Distance <= Math.Max(2, x.Name.Length / 3)
                || (t.Length >= 3 && (x.Name.StartsWith(t, StringComparison.OrdinalIgnoreCase) || t.StartsWith(x.Name, StringComparison.OrdinalIgnoreCase) || x.Name.Contains(t, StringComparison.OrdinalIgnoreCase))))
            .OrderBy(x => t.StartsWith(x.Name.ToLowerInvariant(), StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.Name)
            .ToList();
    }
}
