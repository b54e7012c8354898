using System.Globalization;

namespace Caravan.Data.Csv;

/// <summary>
/// One CSV row with typed accessors. Each accessor reports a bad value as a diagnostic naming the file, line and
/// column, and returns a fallback so reading can go on and every problem is found in one pass.
/// </summary>
public sealed class CsvRecord
{
    private readonly IReadOnlyDictionary<string, int> _index;
    private readonly string[] _values;
    private readonly DiagnosticBag _diagnostics;

    internal CsvRecord(string file, int line, IReadOnlyDictionary<string, int> index, string[] values, DiagnosticBag diagnostics)
    {
        File = file;
        Line = line;
        _index = index;
        _values = values;
        _diagnostics = diagnostics;
    }

    /// <summary>File name used in diagnostics.</summary>
    public string File { get; }

    /// <summary>1-based line number of the row.</summary>
    public int Line { get; }

    /// <summary>Number of errors reported against this row so far.</summary>
    public int Errors { get; private set; }

    /// <summary>Reports an error on a field of this row.</summary>
    public void Error(string field, string message)
    {
        Errors++;
        _diagnostics.Error(File, Line, field, message);
    }

    /// <summary>Reports a warning on a field of this row.</summary>
    public void Warning(string field, string message) => _diagnostics.Warning(File, Line, field, message);

    /// <summary>The trimmed text of a column, empty when absent.</summary>
    public string Text(string column) => _index.TryGetValue(column, out var i) ? _values[i].Trim() : "";

    /// <summary>The text of a column that must not be empty.</summary>
    public string RequiredText(string column)
    {
        var t = Text(column);
        if (t.Length == 0)
        {
            Error(column, "required value is empty");
        }
        return t;
    }

    /// <summary>The message of a row that cites no source.</summary>
    public const string NoSource = "every row must cite a source id from sources.csv";

    /// <summary>
    /// Checks a row's source ids: at least one (else <paramref name="missing"/>), and each one in sources.csv when
    /// <paramref name="known"/> is given. The one check of every sourced file (network, demand, volumes, cases).
    /// </summary>
    public void CheckSources(string column, IReadOnlyList<string> ids, IReadOnlySet<string>? known, string missing = NoSource)
    {
        if (ids.Count == 0)
        {
            Error(column, missing);
        }
        if (known is null)
        {
            return;
        }
        foreach (var id in ids)
        {
            if (!known.Contains(id))
            {
                Error(column, $"unknown source id '{Clip(id)}' (not in sources.csv)");
            }
        }
    }

    /// <summary>A <c>;</c>-separated list; empty items are dropped.</summary>
    public IReadOnlyList<string> List(string column)
    {
        var t = Text(column);
        if (t.Length == 0)
        {
            return [];
        }
        var parts = t.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts;
    }

    /// <summary>A finite number within a shared field range (<see cref="FieldRanges"/>); null when empty and not required.</summary>
    public double? Number(string column, bool required, FieldRange range) => Number(column, required, range.Min, range.Max);

    /// <summary>A whole number within a shared field range; null when empty and not required.</summary>
    public int? Integer(string column, bool required, FieldRange range) => Integer(column, required, (int)range.Min, (int)range.Max);

    /// <summary>A finite number within [min, max]; null when empty and not required.</summary>
    public double? Number(string column, bool required, double min = double.MinValue, double max = double.MaxValue)
    {
        var t = Text(column);
        if (t.Length == 0)
        {
            if (required)
            {
                Error(column, "required number is empty");
            }
            return null;
        }
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
        {
            Error(column, $"'{Clip(t)}' is not a number");
            return null;
        }
        if (!double.IsFinite(v))
        {
            Error(column, $"'{Clip(t)}' is not a finite number");
            return null;
        }
        if (v < min || v > max)
        {
            Error(column, $"{v.ToString(CultureInfo.InvariantCulture)} is outside the allowed range {Range(min, max)}");
            return null;
        }
        return v;
    }

    /// <summary>A whole number within [min, max]; null when empty and not required.</summary>
    public int? Integer(string column, bool required, int min = int.MinValue, int max = int.MaxValue)
    {
        var t = Text(column);
        if (t.Length == 0)
        {
            if (required)
            {
                Error(column, "required whole number is empty");
            }
            return null;
        }
        if (!int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            Error(column, $"'{Clip(t)}' is not a whole number");
            return null;
        }
        if (v < min || v > max)
        {
            Error(column, $"{v} is outside the allowed range {Range(min, max)}");
            return null;
        }
        return v;
    }

    /// <summary>Shortens a value quoted in a message, so a megabyte-long field does not flood the terminal.</summary>
    public static string Clip(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, CutAt(text, 57)), "...");

    /// <summary>A length of at most <paramref name="length"/> at which <paramref name="text"/> can be cut without splitting a surrogate pair (see <see cref="Diagnostic.CutAt"/>).</summary>
    public static int CutAt(string text, int length) => Diagnostic.CutAt(text, length);

    private static string Range(double min, double max)
    {
        var lo = min == double.MinValue || min == int.MinValue ? "" : min.ToString(CultureInfo.InvariantCulture);
        var hi = max == double.MaxValue || max == int.MaxValue ? "" : max.ToString(CultureInfo.InvariantCulture);
        return (lo, hi) switch
        {
            ("", "") => "(any)",
            (_, "") => $"≥ {lo}",
            ("", _) => $"≤ {hi}",
            _ => $"[{lo}, {hi}]",
        };
    }
}
