using Caravan.Data;
using Caravan.Data.Text;
using ClosedXML.Excel;

namespace Caravan.Export;

/// <summary>
/// A route's legs as a spreadsheet a shipper can forward: CSV (UTF-8, one row per leg) or XLSX (ClosedXML; numbers
/// typed as numbers, a totals row). Both carry the columns of <see cref="Columns"/>; dated legs carry departs/arrives.
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

    /// <summary>Writes the legs as an XLSX workbook with one sheet, <c>Itinerary</c>, and a totals row.</summary>
    public static void WriteXlsx(RouteDocument route, Stream stream)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("Itinerary");
        for (var c = 0; c < Columns.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = Columns[c];
        }
        sheet.Row(1).Style.Font.Bold = true;
        var row = 2;
        foreach (var l in route.Legs)
        {
            object?[] values =
            [
                row - 1, l.Kind, l.Mode, l.From.Code, l.From.Name, l.From.Country, l.To.Code, l.To.Name, l.To.Country,
                l.DistanceKm, l.Hours, l.P90Hours, l.CostUsd, l.Co2eKg, l.Departs, l.Arrives, l.LinkId, l.Corridor, l.Description,
            ];
            for (var c = 0; c < values.Length; c++)
            {
                Set(sheet.Cell(row, c + 1), values[c]);
            }
            row++;
        }
        var t = route.Totals;
        Set(sheet.Cell(row, 2), "total");
        Set(sheet.Cell(row, 10), t.DistanceKm);
        Set(sheet.Cell(row, 11), t.Hours);
        Set(sheet.Cell(row, 13), t.CostUsd);
        Set(sheet.Cell(row, 14), t.Co2eKg);
        sheet.Row(row).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        book.SaveAs(stream);
    }

    private static void Set(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case double d:
                cell.Value = d;
                break;
            case int i:
                cell.Value = i;
                break;
            default:
                cell.Value = value.ToString();
                break;
        }
    }
}
