using System.Globalization;

namespace Caravan.Data.Text;

/// <summary>Writing CSV fields: RFC 4180 quoting, numbers in invariant round-trip form, empty for missing values.</summary>
public static class CsvText
{
    /// <summary>A text field, quoted when it holds a comma, quote, semicolon-free newline or leading/trailing space.</summary>
    public static string Field(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var quote = text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || text[0] == ' ' || text[^1] == ' ' || text[0] == '#';
        return quote ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>A number in its shortest round-trip form; empty when null.</summary>
    public static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    /// <summary>A whole number; empty when null.</summary>
    public static string Integer(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "";

    /// <summary>A <c>;</c>-separated list, as the Caravan CSV files write them.</summary>
    public static string List(IReadOnlyList<string> items) => Field(string.Join(';', items));

    /// <summary>Joins fields into one line (no line terminator).</summary>
    public static string Line(params string[] fields) => string.Join(',', fields);
}
