namespace Caravan.Scenarios.Json;

/// <summary>The kind of a JSON value.</summary>
public enum JKind : byte
{
    /// <summary>An object.</summary>
    Object,
    /// <summary>An array.</summary>
    Array,
    /// <summary>A string.</summary>
    String,
    /// <summary>A number.</summary>
    Number,
    /// <summary>true or false.</summary>
    Boolean,
    /// <summary>null.</summary>
    Null,
}

/// <summary>
/// A JSON value that remembers where it was written: its 1-based line and its JSON path (<c>$.changes[2].where</c>),
/// so diagnostics about an overlay can point into its file.
/// </summary>
public sealed class JNode
{
    private static readonly IReadOnlyList<KeyValuePair<string, JNode>> NoProperties = [];
    private static readonly IReadOnlyList<JNode> NoItems = [];

    internal JNode(JKind kind, int line, string path)
    {
        Kind = kind;
        Line = line;
        Path = path;
    }

    /// <summary>What kind of value this is.</summary>
    public JKind Kind { get; }

    /// <summary>1-based line where the value starts.</summary>
    public int Line { get; }

    /// <summary>1-based column (UTF-8 byte within the line) where the value starts; 0 when not known.</summary>
    public int Column { get; internal init; }

    /// <summary>JSON path of the value, from <c>$</c>.</summary>
    public string Path { get; }

    /// <summary>The string value, or the raw text of a number.</summary>
    public string Text { get; internal init; } = "";

    /// <summary>The value of a number.</summary>
    public double Number { get; internal init; }

    /// <summary>The value of a boolean.</summary>
    public bool Boolean { get; internal init; }

    /// <summary>Properties of an object, in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, JNode>> Properties { get; internal init; } = NoProperties;

    /// <summary>Items of an array.</summary>
    public IReadOnlyList<JNode> Items { get; internal init; } = NoItems;

    /// <summary>The property with this name (exact), or null.</summary>
    public JNode? Get(string name)
    {
        foreach (var p in Properties)
        {
            if (p.Key == name)
            {
                return p.Value;
            }
        }
        return null;
    }

    /// <summary>A short description of the kind for messages ("a string", "an array").</summary>
    public string KindName => Describe(Kind);

    /// <summary>A short description of a kind for messages.</summary>
    public static string Describe(JKind kind) => kind switch
    {
        JKind.Object => "an object",
        JKind.Array => "an array",
        JKind.String => "a string",
        JKind.Number => "a number",
        JKind.Boolean => "true/false",
        _ => "null",
    };
}
