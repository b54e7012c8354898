using System.Text;
using System.Text.Json;
using Caravan.Data;
using Caravan.Data.Csv;

namespace Caravan.Scenarios.Json;

/// <summary>
/// Parses JSON into <see cref="JNode"/> trees that keep line numbers and paths. Malformed input, nesting deeper
/// than <see cref="MaxDepth"/>, duplicate keys and oversized files become diagnostics, never exceptions.
/// </summary>
public static class LocatedJsonParser
{
    /// <summary>Deepest nesting accepted; an overlay needs about five levels.</summary>
    public const int MaxDepth = 32;

    /// <summary>Largest file accepted, bytes (1 MiB); an overlay is a hand-written page, not a data dump.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>Reads and parses a file; null (with diagnostics) when it cannot be read or parsed.</summary>
    public static JNode? ParseFile(string path, string displayName, DiagnosticBag bag)
    {
        var bytes = DataFile.ReadAllBytes(path, displayName, bag, MaxBytes);
        if (bytes is null)
        {
            return null;
        }
        return Parse(bytes, displayName, bag);
    }

    /// <summary>Parses UTF-8 JSON (a BOM is allowed; comments and trailing commas are accepted).</summary>
    public static JNode? Parse(ReadOnlySpan<byte> utf8, string displayName, DiagnosticBag bag)
    {
        if (utf8.Length > MaxBytes)
        {
            bag.Error(displayName, 0, "", $"input is {utf8.Length:N0} bytes; an overlay may be at most {MaxBytes:N0} bytes");
            return null;
        }
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }
        var lines = LineStarts(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = MaxDepth,
        });
        try
        {
            if (!reader.Read())
            {
                bag.Error(displayName, 0, "", "file is empty; expected a JSON object");
                return null;
            }
            var root = ReadValue(ref reader, "$", lines, displayName, bag);
            if (reader.Read())
            {
                bag.Error(displayName, LineOf(lines, reader.TokenStartIndex), "", "unexpected content after the end of the JSON value");
            }
            return root;
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? (int)l + 1 : 0;
            bag.Error(displayName, line, "", "malformed JSON: " + Clean(e.Message));
            return null;
        }
        catch (InvalidOperationException e)
        {
            bag.Error(displayName, LineOf(lines, reader.TokenStartIndex), "", "malformed JSON: " + Clean(e.Message));
            return null;
        }
    }

    private static JNode ReadValue(ref Utf8JsonReader reader, string path, int[] lines, string file, DiagnosticBag bag)
    {
        var line = LineOf(lines, reader.TokenStartIndex);
        var column = (int)Math.Min(reader.TokenStartIndex - lines[line - 1] + 1, int.MaxValue);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                {
                    var props = new List<KeyValuePair<string, JNode>>();
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var name = reader.GetString() ?? "";
                        var keyLine = LineOf(lines, reader.TokenStartIndex);
                        var keyColumn = (int)Math.Min(reader.TokenStartIndex - lines[keyLine - 1] + 1, int.MaxValue);
                        reader.Read();
                        var childPath = IsSimpleName(name) ? $"{path}.{name}" : $"{path}[\"{name.Replace("\"", "\\\"", StringComparison.Ordinal)}\"]";
                        var value = ReadValue(ref reader, childPath, lines, file, bag);
                        if (!seen.Add(name))
                        {
                            bag.Add(new Diagnostic(file, keyLine, childPath, $"duplicate key '{Clip(name)}'") { Column = keyColumn });
                            continue;
                        }
                        props.Add(new(name, value));
                    }
                    return new JNode(JKind.Object, line, path) { Column = column, Properties = props };
                }
            case JsonTokenType.StartArray:
                {
                    var items = new List<JNode>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        items.Add(ReadValue(ref reader, $"{path}[{items.Count}]", lines, file, bag));
                    }
                    return new JNode(JKind.Array, line, path) { Column = column, Items = items };
                }
            case JsonTokenType.String:
                return new JNode(JKind.String, line, path) { Column = column, Text = reader.GetString() ?? "" };
            case JsonTokenType.Number:
                {
                    var raw = Encoding.UTF8.GetString(reader.ValueSpan);
                    var ok = reader.TryGetDouble(out var d) && double.IsFinite(d);
                    if (!ok)
                    {
                        bag.Error(file, line, path, $"number {Clip(raw)} is out of range");
                    }
                    return new JNode(JKind.Number, line, path) { Column = column, Text = raw, Number = ok ? d : 0 };
                }
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new JNode(JKind.Boolean, line, path) { Column = column, Boolean = reader.TokenType == JsonTokenType.True };
            default:
                return new JNode(JKind.Null, line, path) { Column = column };
        }
    }

    private static bool IsSimpleName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-' && c != '$')
            {
                return false;
            }
        }
        return true;
    }

    private static int[] LineStarts(ReadOnlySpan<byte> utf8)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }
        return [.. starts];
    }

    private static int LineOf(int[] lineStarts, long offset)
    {
        var i = Array.BinarySearch(lineStarts, (int)Math.Min(offset, int.MaxValue));
        return (i >= 0 ? i : ~i - 1) + 1;
    }

    private static string Clean(string message)
    {
        // System.Text.Json appends "LineNumber: n | BytePositionInLine: m." — the diagnostic already has the line.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd() : message;
    }

    /// <summary>Shortens user text quoted in a message: the readers' one <see cref="CsvRecord.Clip"/>, which never cuts a surrogate pair.</summary>
    public static string Clip(string text) => CsvRecord.Clip(text);
}
