namespace Caravan.Data.Tntp;

/// <summary>
/// Reads the header-less TNTP tables (<c>_flow</c>, <c>_node</c>): an optional first line of column names,
/// then rows of numbers with an optional <c>;</c>. A <c>&lt;...&gt;</c> metadata header is skipped if present.
/// </summary>
internal static class TntpTable
{
    public static List<double[]> Read(TextReader reader, string file, string[] fields, DiagnosticBag bag, List<int> lineNumbers)
    {
        var lines = new LineSource(reader);
        var rows = new List<double[]>();
        var tokens = new List<Range>(16);
        var sawData = false;
        var inMetadata = false;
        while (lines.NextLine(out var line))
        {
            var trimmed = line.TrimStart();
            if (!sawData && trimmed.StartsWith('<'))
            {
                inMetadata = !trimmed.StartsWith("<END OF METADATA>", StringComparison.OrdinalIgnoreCase);
                continue;
            }
            if (inMetadata)
            {
                continue;
            }
            TntpText.Tokenize(line, tokens);
            var n = tokens.Count;
            while (n > 0 && TntpText.Is(line[tokens[n - 1]], ';'))
            {
                n--;
            }
            if (n == 0)
            {
                continue;
            }
            var at = lines.LineNumber;
            var first = line[tokens[0]][0];
            if (!sawData && !char.IsAsciiDigit(first) && first != '-' && first != '.' && first != '+')
            {
                sawData = true; // The column-name line, e.g. "From To Volume Cost".
                continue;
            }
            sawData = true;
            if (n < fields.Length)
            {
                bag.Add(file, at, fields[n], $"truncated row: expected {fields.Length} fields, found {n}");
                continue;
            }
            var row = new double[fields.Length];
            var ok = true;
            for (var c = 0; c < fields.Length; c++)
            {
                ok &= TntpText.TryParseFinite(line[tokens[c]], file, at, fields[c], bag, out row[c]);
            }
            if (ok)
            {
                rows.Add(row);
                lineNumbers.Add(at);
            }
        }
        return rows;
    }

    /// <summary>Checks that a parsed value is an integer id in 1..max (max ≤ 0 means no upper bound).</summary>
    public static bool CheckId(double value, int max, string file, int line, string field, DiagnosticBag bag, out int id)
    {
        id = 0;
        if (value != Math.Floor(value) || value < 1 || value > int.MaxValue || (max > 0 && value > max))
        {
            bag.Add(file, line, field, max > 0 ? $"{TntpText.Format(value)} is not a node id in 1..{max}" : $"{TntpText.Format(value)} is not a positive integer id");
            return false;
        }
        id = (int)value;
        return true;
    }
}
