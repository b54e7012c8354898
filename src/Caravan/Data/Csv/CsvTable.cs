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
    public const long MaxFileBytes = DataFile.MaxBytes;

    /// <summary>Reads every record of <paramref name="path"/>; returns an empty list when the file cannot be read.</summary>
    /// <param name="path">File to read (a regular file, at most <see cref="MaxFileBytes"/>; see <see cref="DataFile"/>).</param>
    /// <param name="displayName">Name used in diagnostics (e.g. <c>data/links.csv</c>).</param>
    /// <param name="required">Columns that must be present in the header.</param>
    /// <param name="optional">Columns that may be present; any other column is reported as a warning.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public static IReadOnlyList<CsvRecord> Read(string path, string displayName, IReadOnlyList<string> required, IReadOnlyList<string> optional, DiagnosticBag diagnostics) =>
        Read(path, displayName, required, optional, diagnostics, out _);

    /// <summary>Reads every record (see above); <paramref name="unreadable"/> tells that the file as a whole was rejected (missing, not a regular file, too large, not UTF-8, malformed, header without a required column), so a caller can skip checks against its content instead of reporting follow-on errors.</summary>
    public static IReadOnlyList<CsvRecord> Read(string path, string displayName, IReadOnlyList<string> required, IReadOnlyList<string> optional, DiagnosticBag diagnostics, out bool unreadable)
    {
        var records = new List<CsvRecord>();
        ReadEach(path, displayName, required, optional, diagnostics, records.Add, out unreadable);
        return unreadable ? [] : records;
    }

    /// <summary>
    /// Streams the records of <paramref name="path"/> to <paramref name="row"/> one at a time, holding none: a
    /// reader builds its own rows as the file goes by, so a large file is never held twice (as records, then as
    /// what they become). When the file turns out unreadable part-way (<paramref name="unreadable"/>), the rows
    /// already passed must not be used; an error is in <paramref name="diagnostics"/> then.
    /// </summary>
    public static void ReadEach(string path, string displayName, IReadOnlyList<string> required, IReadOnlyList<string> optional, DiagnosticBag diagnostics, Action<CsvRecord> row, out bool unreadable)
    {
        unreadable = true;
        using var stream = DataFile.Open(path, displayName, diagnostics, MaxFileBytes);
        if (stream is null)
        {
            return;
        }
        // Strict UTF-8: a file in another encoding is reported, not silently turned into replacement characters.
        // UTF-16 with a byte order mark is read as such. The file is streamed, never held whole as text.
        using var text = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        ParseEach(text, displayName, required, optional, diagnostics, row, out unreadable);
    }

    /// <summary>Parses CSV text (see <see cref="Read(string, string, IReadOnlyList{string}, IReadOnlyList{string}, DiagnosticBag)"/>).</summary>
    public static IReadOnlyList<CsvRecord> Parse(string text, string displayName, IReadOnlyList<string> required, IReadOnlyList<string> optional, DiagnosticBag diagnostics)
    {
        using var reader = new StringReader(text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text);
        return Parse(reader, displayName, required, optional, diagnostics, out _);
    }

    /// <summary>Most unknown column names quoted in the one warning about them.</summary>
    public const int MaxUnknownColumnsNamed = 10;

    /// <summary>Parses CSV from a reader (see <see cref="Read(string, string, IReadOnlyList{string}, IReadOnlyList{string}, DiagnosticBag)"/>); a file-level failure drops every record, so nothing half-read is used.</summary>
    public static IReadOnlyList<CsvRecord> Parse(TextReader text, string displayName, IReadOnlyList<string> required, IReadOnlyList<string> optional, DiagnosticBag diagnostics, out bool unreadable)
    {
        var records = new List<CsvRecord>();
        ParseEach(text, displayName, required, optional, diagnostics, records.Add, out unreadable);
        return unreadable ? [] : records;
    }

    private static void ParseEach(TextReader text, string displayName, IReadOnlyList<string> required, IReadOnlyList<string> optional, DiagnosticBag diagnostics, Action<CsvRecord> onRow, out bool unreadable)
    {
        unreadable = true;
        try
        {
            // The header is the first line that is neither blank nor a comment.
            var headerLine = 1;
            string? header;
            while ((header = text.ReadLine()) is not null && (header.Trim().Length == 0 || header.StartsWith('#')))
            {
                headerLine++;
            }
            if (header is null)
            {
                diagnostics.Error(displayName, 0, "", "file is empty: expected a header row with columns " + string.Join(",", required));
                return;
            }
            using var reader = Sep.Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true, Trim = SepTrim.Outer, CreateToString = SepToString.PoolPerCol(maximumStringLength: 64) }).From(new HeaderThenRest(header, text));
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
            // One warning for all unknown columns: a header of a million junk names is one message, not a million.
            var unknown = columns.Where(c => c.Length > 0 && !Contains(required, c) && !Contains(optional, c)).ToList();
            if (unknown.Count == 1)
            {
                diagnostics.Warning(displayName, headerLine, unknown[0], "unknown column is ignored");
            }
            else if (unknown.Count > 1)
            {
                var named = string.Join(", ", unknown.Take(MaxUnknownColumnsNamed).Select(CsvRecord.Clip));
                diagnostics.Warning(displayName, headerLine, "", $"{unknown.Count} unknown columns are ignored: {named}{(unknown.Count > MaxUnknownColumnsNamed ? ", …" : "")}; expected {string.Join(",", required.Concat(optional))}");
            }
            if (missing)
            {
                return;
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
                onRow(new CsvRecord(displayName, line, index, values, diagnostics));
            }
        }
        catch (DecoderFallbackException e)
        {
            diagnostics.Error(displayName, 0, "", $"cannot read: not valid UTF-8 (save the file as UTF-8): {e.Message}");
            return;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(displayName, 0, "", $"cannot read: {e.Message}");
            return;
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or FormatException or NotSupportedException or InvalidOperationException)
        {
            diagnostics.Error(displayName, 0, "", $"malformed CSV: {e.Message}");
            return;
        }
        unreadable = false;
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

    /// <summary>The header line (found past any leading comments) followed by the rest of the reader, for the CSV parser.</summary>
    private sealed class HeaderThenRest(string header, TextReader rest) : TextReader
    {
        private string? _header = header + "\n";
        private int _at;

        public override int Peek() => _header is not null ? _header[_at] : rest.Peek();

        public override int Read()
        {
            if (_header is null)
            {
                return rest.Read();
            }
            var c = _header[_at++];
            if (_at == _header.Length)
            {
                _header = null;
            }
            return c;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (_header is null)
            {
                return rest.Read(buffer);
            }
            var n = Math.Min(buffer.Length, _header.Length - _at);
            _header.AsSpan(_at, n).CopyTo(buffer);
            _at += n;
            if (_at == _header.Length)
            {
                _header = null;
            }
            return n;
        }
    }
}
