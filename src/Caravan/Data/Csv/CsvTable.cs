using System.Text;
using nietras.SeparatedValues;

namespace Caravan.Data.Csv;

/// <summary>
/// Reads a CSV file with a header into records that know their file and line, reporting problems
/// (missing file, missing columns, ragged rows, broken quoting) as diagnostics instead of throwing.
/// Lines starting with <c>#</c> and blank lines are skipped.
/// </summary>
public static class CsvTable
{
    /// <summary>Files larger than this are refused: the default network is a few hundred kilobytes.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>Reads every record of <paramref name="path"/>; returns an empty list when the file cannot be read.</summary>
    /// <param name="path">File to read.</param>
    /// <param name="displayName">Name used in diagnostics (e.g. <c>data/links.csv</c>).</param>
    /// <param name="required">Columns that must be present in the header.</param>
    /// <param name="optional">Columns that may be present; any other column is reported as a warning.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public static IReadOnlyList<CsvRecord> Read(string path, string displayName, IReadOnlyList<string> required, IReadOnlyList<string> optional, DiagnosticBag diagnostics)
    {
        if (!File.Exists(path))
        {
            diagnostics.Error(displayName, 0, "", "file not found");
            return [];
        }
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            diagnostics.Error(displayName, 0, "", $"file is {length / (1024 * 1024)} MiB; the limit is {MaxFileBytes / (1024 * 1024)} MiB");
            return [];
        }
        string text;
        try
        {
            text = ReadText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            diagnostics.Error(displayName, 0, "", $"cannot read: {e.Message}");
            return [];
        }
        return Parse(text, displayName, required, optional, diagnostics);
    }

    /// <summary>Parses CSV text (see <see cref="Read"/>).</summary>
    public static IReadOnlyList<CsvRecord> Parse(string text, string displayName, IReadOnlyList<string> required, IReadOnlyList<string> optional, DiagnosticBag diagnostics)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        // The header is the first line that is neither blank nor a comment.
        var headerLine = 1;
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var line = (end < 0 ? text[start..] : text[start..end]).TrimEnd('\r');
            if (line.Trim().Length > 0 && !line.StartsWith('#'))
            {
                break;
            }
            if (end < 0)
            {
                start = text.Length;
                break;
            }
            start = end + 1;
            headerLine++;
        }
        if (start >= text.Length)
        {
            diagnostics.Error(displayName, 0, "", "file is empty: expected a header row with columns " + string.Join(",", required));
            return [];
        }
        var body = text[start..];
        var records = new List<CsvRecord>();
        try
        {
            using var reader = Sep.Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true, Trim = SepTrim.Outer }).FromText(body);
            var columns = new List<string>();
            foreach (var name in reader.Header.ColNames)
            {
                columns.Add(name.Trim());
            }
            var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].Length == 0)
                {
                    diagnostics.Error(displayName, headerLine, $"column {i + 1}", "empty column name in header");
                }
                else if (!index.TryAdd(columns[i], i))
                {
                    diagnostics.Error(displayName, headerLine, columns[i], "column appears twice in header");
                }
            }
            var missing = false;
            foreach (var r in required)
            {
                if (!index.ContainsKey(r))
                {
                    diagnostics.Error(displayName, headerLine, r, "required column missing from header");
                    missing = true;
                }
            }
            foreach (var c in columns)
            {
                if (c.Length > 0 && !Contains(required, c) && !Contains(optional, c))
                {
                    diagnostics.Warning(displayName, headerLine, c, "unknown column is ignored");
                }
            }
            if (missing)
            {
                return [];
            }
            foreach (var row in reader)
            {
                var line = headerLine + row.LineNumberFrom - 1;
                var raw = row.Span;
                if (raw.IsWhiteSpace() || raw.TrimStart().StartsWith("#"))
                {
                    continue;
                }
                if (row.ColCount != columns.Count)
                {
                    diagnostics.Error(displayName, line, "", $"row has {row.ColCount} fields but the header has {columns.Count}");
                    continue;
                }
                var values = new string[row.ColCount];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = row[i].ToString();
                }
                records.Add(new CsvRecord(displayName, line, index, values, diagnostics));
            }
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or FormatException or NotSupportedException or InvalidOperationException)
        {
            diagnostics.Error(displayName, 0, "", $"malformed CSV: {e.Message}");
        }
        return records;
    }

    private static bool Contains(IReadOnlyList<string> list, string name)
    {
        foreach (var s in list)
        {
            if (s.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static string ReadText(string path)
    {
        // Strict UTF-8: a file in another encoding is reported, not silently turned into replacement characters.
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true).ReadToEnd();
        }
        return utf8.GetString(bytes);
    }
}
