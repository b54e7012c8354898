using System.Globalization;
using Caravan.Data;
using Caravan.Data.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Caravan.Export;

/// <summary>
/// A route's legs as a spreadsheet a shipper can forward: CSV (UTF-8, one row per leg) or XLSX (the Open XML SDK;
/// numbers typed as numbers, a bold header and totals row, the header frozen). Both carry the columns of <see cref="Columns"/>; dated legs carry departs/arrives.
/// </summary>
public static class ItinerarySheet
{
    /// <summary>The columns, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["leg", "kind", "mode", "from_code", "from_name", "from_country", "to_code", "to_name", "to_country",
         "distance_km", "hours", "p90_hours", "cost_usd", "co2e_kg", "departs", "arrives", "link_id", "corridor", "description"];

    /// <summary>Writes the legs as CSV to a file (atomically).</summary>
    public static void WriteCsv(RouteDocument route, string path) => AtomicFile.WriteAllText(path, Csv(route));

    /// <summary>
    /// The legs as CSV (one row per leg, <c>\n</c> line ends): the text <c>caravan route --csv</c> writes (UTF-8
    /// without BOM) and the web's itinerary download sends. An itinerary is a few dozen rows, so one string is fine.
    /// </summary>
    public static string Csv(RouteDocument route)
    {
        var w = new System.Text.StringBuilder();
        w.Append(string.Join(',', Columns)).Append('\n');
        var i = 1;
        foreach (var l in route.Legs)
        {
            w.Append(CsvText.Line(
                CsvText.Integer(i++), l.Kind, l.Mode, CsvText.Field(l.From.Code), CsvText.Field(l.From.Name), l.From.Country,
                CsvText.Field(l.To.Code), CsvText.Field(l.To.Name), l.To.Country, CsvText.Number(l.DistanceKm), CsvText.Number(l.Hours),
                CsvText.Number(l.P90Hours), CsvText.Number(l.CostUsd), CsvText.Number(l.Co2eKg), CsvText.Field(l.Departs), CsvText.Field(l.Arrives),
                CsvText.Field(l.LinkId), CsvText.Field(l.Corridor), CsvText.Field(l.Description)));
            w.Append('\n');
        }
        return w.ToString();
    }

    /// <summary>Writes the legs as an XLSX workbook to a file (atomically).</summary>
    public static void WriteXlsx(RouteDocument route, string path) => AtomicFile.Write(path, stream => WriteXlsx(route, stream));

    /// <summary>Name of the workbook's one sheet.</summary>
    public const string SheetName = "Itinerary";

    /// <summary>
    /// Writes the legs as an XLSX workbook with one sheet, <see cref="SheetName"/>: the header row, a row per leg
    /// (numbers as numbers, text as inline strings, missing values as empty cells) and a totals row.
    /// </summary>
    public static void WriteXlsx(RouteDocument route, Stream stream)
    {
        var rows = new List<(object?[] Cells, bool Bold)>(route.Legs.Count + 2) { ([.. Columns], true) };
        var leg = 1;
        foreach (var l in route.Legs)
        {
            rows.Add(([
                leg++, l.Kind, l.Mode, l.From.Code, l.From.Name, l.From.Country, l.To.Code, l.To.Name, l.To.Country,
                l.DistanceKm, l.Hours, l.P90Hours, l.CostUsd, l.Co2eKg, l.Departs, l.Arrives, l.LinkId, l.Corridor, l.Description,
            ], false));
        }
        var t = route.Totals;
        var totals = new object?[Columns.Count];
        totals[1] = "total";
        totals[9] = t.DistanceKm;
        totals[10] = t.Hours;
        totals[12] = t.CostUsd;
        totals[13] = t.Co2eKg;
        rows.Add((totals, true));
        // The package is built in memory (the SDK's zip needs a seekable stream) and copied out whole.
        using var buffer = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            // Style 0 is the default, style 1 the bold font of the header and totals rows.
            book.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellStyleFormats(new CellFormat()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
            var part = book.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var frozenHeader = new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft })
            { WorkbookViewId = 0, TabSelected = true };
            part.Worksheet = new Worksheet(new SheetViews(frozenHeader), data);
            book.Workbook.AppendChild(new Sheets(new Sheet { Id = book.GetIdOfPart(part), SheetId = 1, Name = SheetName }));
            for (var r = 0; r < rows.Count; r++)
            {
                var (cells, bold) = rows[r];
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < cells.Length; c++)
                {
                    if (Cell(cells[c], ColumnName(c) + (r + 1).ToString(CultureInfo.InvariantCulture)) is { } cell)
                    {
                        cell.StyleIndex = bold ? 1u : null;
                        row.AppendChild(cell);
                    }
                }
                data.AppendChild(row);
            }
        }
        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    /// <summary>The spreadsheet name of a zero-based column: A … Z, AA ….</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }
        return name;
    }

    private static Cell? Cell(object? value, string reference) => value switch
    {
        null => null,
        double d => new Cell { CellReference = reference, CellValue = new CellValue(d) },
        int i => new Cell { CellReference = reference, CellValue = new CellValue(i) },
        _ => new Cell
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(value.ToString() ?? "") { Space = SpaceProcessingModeValues.Preserve }),
        },
    };
}
