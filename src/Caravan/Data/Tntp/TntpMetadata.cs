using System.Globalization;

namespace Caravan.Data.Tntp;

/// <summary>
/// The <c>&lt;TAG&gt; value</c> header of a TNTP file, up to <c>&lt;END OF METADATA&gt;</c>.
/// Tags are stored upper-case without brackets, e.g. <c>NUMBER OF ZONES</c>.
/// </summary>
public sealed class TntpMetadata
{
    private readonly Dictionary<string, (string Value, int Line)> _tags = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the header was closed by <c>&lt;END OF METADATA&gt;</c>.</summary>
    public bool HasEnd { get; private set; }

    /// <summary>1-based line of <c>&lt;END OF METADATA&gt;</c>, or of the last header line read.</summary>
    public int EndLine { get; private set; }

    /// <summary>All tags with their raw values, in no particular order.</summary>
    public IEnumerable<KeyValuePair<string, string>> Tags => _tags.Select(t => KeyValuePair.Create(t.Key, t.Value.Value));

    /// <summary>The raw value of a tag, or null.</summary>
    public string? this[string tag] => _tags.TryGetValue(tag, out var v) ? v.Value : null;

    /// <summary>
    /// Reads the header from <paramref name="reader"/>. Blank and <c>~</c> lines before and inside it are skipped.
    /// Stops after <c>&lt;END OF METADATA&gt;</c>, or at the first line that is not a tag (reported as a missing end).
    /// </summary>
    /// <returns>The metadata and, when the header ended without its end tag, the first data line (to be re-read).</returns>
    internal static TntpMetadata Read(LineSource reader, string file, DiagnosticBag bag)
    {
        var metadata = new TntpMetadata();
        while (reader.Next(out var line))
        {
            var text = line.Trim();
            if (text.Length == 0 || text[0] == '~')
            {
                continue;
            }
            if (text[0] != '<')
            {
                bag.Add(file, reader.LineNumber, "<END OF METADATA>", "header ended without <END OF METADATA> (missing or malformed header)");
                metadata.EndLine = reader.LineNumber;
                reader.PushBack();
                return metadata;
            }
            var close = text.IndexOf('>');
            if (close < 0)
            {
                bag.Add(file, reader.LineNumber, "metadata", $"tag '{TntpText.Shorten(text)}' has no closing '>'");
                continue;
            }
            var tag = text[1..close].Trim().ToUpperInvariant();
            var value = text[(close + 1)..];
            var comment = value.IndexOf('~');
            value = (comment >= 0 ? value[..comment] : value).Trim();
            if (tag == "END OF METADATA")
            {
                metadata.HasEnd = true;
                metadata.EndLine = reader.LineNumber;
                return metadata;
            }
            if (!metadata._tags.ContainsKey(tag))
            {
                metadata._tags[tag] = (value, reader.LineNumber);
            }
            else
            {
                bag.Add(file, reader.LineNumber, $"<{tag}>", "tag given twice; the first value is used");
            }
        }
        bag.Add(file, reader.LineNumber, "<END OF METADATA>", "file ended inside the metadata header");
        metadata.EndLine = reader.LineNumber;
        return metadata;
    }

    /// <summary>Reads an integer tag in [min, max]; reports a diagnostic if required and absent, or if malformed.</summary>
    internal int? GetInt(string tag, bool required, int min, int max, string file, DiagnosticBag bag)
    {
        if (!_tags.TryGetValue(tag, out var entry))
        {
            if (required)
            {
                bag.Add(file, 0, $"<{tag}>", "required metadata tag is missing");
            }
            return null;
        }
        if (!TntpText.TryParseInt(entry.Value, file, entry.Line, $"<{tag}>", bag, out var value))
        {
            return null;
        }
        if (value < min || value > max)
        {
            bag.Add(file, entry.Line, $"<{tag}>", $"{value} is outside the allowed range [{min}, {max}]");
            return null;
        }
        return value;
    }

    /// <summary>Reads a finite real tag; reports a diagnostic if malformed. Absent → null.</summary>
    internal double? GetDouble(string tag, string file, DiagnosticBag bag)
    {
        if (!_tags.TryGetValue(tag, out var entry))
        {
            return null;
        }
        return TntpText.TryParseFinite(entry.Value, file, entry.Line, $"<{tag}>", bag, out var value) ? value : null;
    }

    /// <summary>Line of a tag, 0 when absent.</summary>
    internal int LineOf(string tag) => _tags.TryGetValue(tag, out var v) ? v.Line : 0;

    /// <summary>Formats a metadata line.</summary>
    internal static string Line(string tag, double value) => $"<{tag}> {value.ToString("R", CultureInfo.InvariantCulture)}";
}
