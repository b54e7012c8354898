using System.Text;
using Spectre.Console;

namespace Caravan.Cli;

/// <summary>
/// A table of plain text cells (a listing such as <c>caravan places</c>). In a terminal it is drawn by Spectre.Console,
/// which fits it to the window; written to a file or a pipe, where there is no window to fit, the same square-bordered
/// table is written directly, one row a line. Spectre's renderer measured about 20 of the 67 ms of CPU that the native
/// <c>caravan places</c> took (segments, line splitting and a Unicode width look-up per character), a third of the
/// whole process; writing the rows directly takes well under a millisecond.
/// </summary>
internal sealed class ListingTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];

    /// <summary>A table with these column headers.</summary>
    public ListingTable(params string[] headers) => _headers = headers;

    /// <summary>Adds a row of plain text (no markup), one cell per column.</summary>
    public ListingTable AddRow(params string[] cells)
    {
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"a row of {cells.Length} cells in a table of {_headers.Length} columns", nameof(cells));
        }
        _rows.Add(cells);
        return this;
    }

    /// <summary>Writes the table to standard output: drawn by Spectre.Console in a terminal, written directly otherwise.</summary>
    public void Write()
    {
        if (Console.IsOutputRedirected)
        {
            var output = Console.Out;
            WritePlain(output);
            output.Flush();
            return;
        }
        var table = new Table().AddColumns(Array.ConvertAll(_headers, Markup.Escape));
        foreach (var row in _rows)
        {
            table.AddRow(Array.ConvertAll(row, Markup.Escape));
        }
        AnsiConsole.Write(table);
    }

    /// <summary>Writes the table with Spectre.Console's square border, every row on one line, columns padded to their widest cell.</summary>
    public void WritePlain(TextWriter output)
    {
        // Each cell flattened and measured once; the widths of the columns follow from them.
        var header = new Cells(_headers);
        var rows = new Cells[_rows.Count];
        var widths = (int[])header.Widths.Clone();
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = new Cells(_rows[r]);
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], rows[r].Widths[i]);
            }
        }
        var line = new StringBuilder();
        Border(line, widths, '┌', '┬', '┐');
        output.Write(line);
        Row(line, header, widths);
        output.Write(line);
        Border(line, widths, '├', '┼', '┤');
        output.Write(line);
        foreach (var row in rows)
        {
            Row(line, row, widths);
            output.Write(line);
        }
        Border(line, widths, '└', '┴', '┘');
        output.Write(line);
    }

    /// <summary>A row's cells on one line each, with the terminal columns each takes.</summary>
    private readonly struct Cells
    {
        public readonly string[] Texts;
        public readonly int[] Widths;

        public Cells(string[] cells)
        {
            Texts = new string[cells.Length];
            Widths = new int[cells.Length];
            for (var i = 0; i < cells.Length; i++)
            {
                Texts[i] = Flat(cells[i]);
                Widths[i] = FlatWidth(Texts[i]);
            }
        }
    }

    private static void Border(StringBuilder line, int[] widths, char left, char middle, char right)
    {
        line.Clear().Append(left);
        for (var i = 0; i < widths.Length; i++)
        {
            line.Append('─', widths[i] + 2).Append(i == widths.Length - 1 ? right : middle);
        }
        line.Append('\n');
    }

    private static void Row(StringBuilder line, Cells cells, int[] widths)
    {
        line.Clear().Append('│');
        for (var i = 0; i < cells.Texts.Length; i++)
        {
            line.Append(' ').Append(cells.Texts[i]).Append(' ', widths[i] - cells.Widths[i] + 1).Append('│');
        }
        line.Append('\n');
    }

    /// <summary>A cell's text on one line: line breaks and tabs would break the row apart.</summary>
    private static string Flat(string text) => text.AsSpan().IndexOfAny('\n', '\r', '\t') < 0
        ? text
        : text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');

    /// <summary>
    /// Terminal columns a text takes. Latin, Greek, Cyrillic, Armenian and Georgian letters take one each (the
    /// common case, counted without a look-up); for anything else (CJK takes two, combining marks none) Spectre's
    /// own measure decides, so a listing and Spectre's tables agree.
    /// </summary>
    internal static int CellWidth(string text) => FlatWidth(Flat(text));

    private static int FlatWidth(string text)
    {
        foreach (var c in text)
        {
            if (!IsOneColumn(c))
            {
                return text.GetCellWidth();
            }
        }
        return text.Length;
    }

    private static bool IsOneColumn(char c) =>
        c is (>= ' ' and < '\u007f') or (>= '\u00a0' and < '\u0300') or (>= '\u0370' and < '\u0483') or (>= '\u048a' and < '\u0530')
            or (>= '\u0531' and < '\u0557') or (>= '\u10a0' and < '\u1100');
}
