using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Caravan.Tests;

/// <summary>One cell of a workbook as read back: its reference (A1), whether it is a number, its text, its style index.</summary>
public sealed record XlsxCell(string Reference, bool IsNumber, string Text, uint Style)
{
    /// <summary>The number of a numeric cell.</summary>
    public double Number => double.Parse(Text, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Reads a sheet of an XLSX file back through the Open XML SDK (shared by Caravan.Tests and Caravan.Web.Tests).</summary>
public static class XlsxCells
{
    /// <summary>Every cell of the named sheet by reference, in document order; shared and inline strings both read as text.</summary>
    public static IReadOnlyDictionary<string, XlsxCell> Read(string path, string sheetName)
    {
        using var doc = SpreadsheetDocument.Open(path, false);
        var book = doc.WorkbookPart ?? throw new InvalidDataException($"{path}: no workbook");
        var sheet = book.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value == sheetName)
            ?? throw new InvalidDataException($"{path}: no sheet {sheetName}");
        var part = (WorksheetPart)book.GetPartById(sheet.Id!.Value!);
        var shared = book.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var cells = new Dictionary<string, XlsxCell>(StringComparer.Ordinal);
        foreach (var c in part.Worksheet.Descendants<Cell>())
        {
            var type = c.DataType?.Value;
            var (isNumber, text) =
                type == CellValues.InlineString ? (false, c.InlineString?.InnerText ?? "")
                : type == CellValues.SharedString ? (false, shared[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)])
                : type == CellValues.String || type == CellValues.Boolean ? (false, c.CellValue?.Text ?? "")
                : (true, c.CellValue?.Text ?? "");
            cells.Add(c.CellReference!.Value!, new XlsxCell(c.CellReference.Value!, isNumber, text, c.StyleIndex?.Value ?? 0));
        }
        return cells;
    }

    /// <summary>The highest row number holding a cell.</summary>
    public static int LastRow(IReadOnlyDictionary<string, XlsxCell> cells) =>
        cells.Keys.Max(r => int.Parse(r.AsSpan(r.IndexOfAny("0123456789".ToCharArray())), System.Globalization.CultureInfo.InvariantCulture));
}
