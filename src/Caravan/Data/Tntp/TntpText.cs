using System.Globalization;
using Caravan.Data.Csv;

namespace Caravan.Data.Tntp;

/// <summary>
/// The lexical layer shared by every TNTP reader: line iteration with 1-based numbers, <c>~</c> comments,
/// <c>;</c> and <c>:</c> as separate tokens, and checked number parsing that reports into a <see cref="DiagnosticBag"/>.
/// </summary>
internal static class TntpText
{
    /// <summary>Longest line accepted; longer lines are reported, never buffered whole into a token list.</summary>
    public const int MaxLineLength = 1 << 20;

    /// <summary>
    /// Splits a line into tokens, given as ranges of the line: whitespace separates, <c>;</c> and <c>:</c> are
    /// tokens of their own, <c>~</c> starts a comment.
    /// </summary>
    public static void Tokenize(ReadOnlySpan<char> line, List<Range> tokens)
    {
        tokens.Clear();
        var start = -1;
        var i = 0;
        for (; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '~')
            {
                break;
            }
            var isSeparator = char.IsWhiteSpace(c) || c == ';' || c == ':';
            if (isSeparator)
            {
                if (start >= 0)
                {
                    tokens.Add(start..i);
                    start = -1;
                }
                if (c == ';' || c == ':')
                {
                    tokens.Add(i..(i + 1));
                }
                continue;
            }
            if (start < 0)
            {
                start = i;
            }
        }
        if (start >= 0)
        {
            tokens.Add(start..i);
        }
    }

    /// <summary>Whether <paramref name="token"/> is the one character <paramref name="c"/> (the <c>;</c> and <c>:</c> tokens).</summary>
    public static bool Is(ReadOnlySpan<char> token, char c) => token.Length == 1 && token[0] == c;

    /// <summary>Parses a finite double (NaN and infinities are rejected), reporting a diagnostic on failure.</summary>
    public static bool TryParseFinite(ReadOnlySpan<char> token, string file, int line, string field, DiagnosticBag bag, out double value)
    {
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            return true;
        }
        bag.Add(file, line, field, $"'{Shorten(token.ToString())}' is not a finite number");
        value = 0;
        return false;
    }

    /// <summary>Parses an integer id, reporting a diagnostic on failure. Accepts "12.0" because some exporters write ids as reals.</summary>
    public static bool TryParseInt(ReadOnlySpan<char> token, string file, int line, string field, DiagnosticBag bag, out int value)
    {
        if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
            && double.IsFinite(real) && real == Math.Floor(real) && real >= int.MinValue && real <= int.MaxValue)
        {
            value = (int)real;
            return true;
        }
        bag.Add(file, line, field, $"'{Shorten(token.ToString())}' is not an integer");
        value = 0;
        return false;
    }

    /// <summary>Cuts a token for display so one giant garbage token cannot flood the error output.</summary>
    public static string Shorten(string token) => token.Length <= 40 ? token : token[..CsvRecord.CutAt(token, 37)] + "...";

    /// <summary>Formats a double so it reads back to the same value.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
