using System.Globalization;
using ClosedXML.Excel;
using Xunit;

namespace Caravan.Tests.Cli;

/// <summary><c>caravan route --csv FILE --xlsx FILE</c>: the chosen route's legs as spreadsheets.</summary>
public sealed class ItineraryFileTests
{
    [Fact]
    public void Csv_and_xlsx_hold_every_leg_with_typed_figures_and_dates()
    {
        var dir = Path.Combine(Path.GetTempPath(), "caravan-it-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var csv = Path.Combine(dir, "legs.csv");
        var xlsx = Path.Combine(dir, "legs.xlsx");
        var r = CliProcess.Run("route", "--from", "Xi'an", "--to", "Duisburg", "--depart", "2026-12-01T08:00", "--csv", csv, "--xlsx", xlsx, "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = System.Text.Json.JsonDocument.Parse(r.Stdout);
        var chosen = json.RootElement.GetProperty("routes")[0];
        var legs = chosen.GetProperty("legs").GetArrayLength();

        var lines = File.ReadAllLines(csv);
        Assert.Equal(legs + 1, lines.Length);
        Assert.StartsWith("leg,kind,mode,from_code", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.Contains("2026-", l, StringComparison.Ordinal));

        using var book = new XLWorkbook(xlsx);
        var sheet = book.Worksheet("Itinerary");
        Assert.Equal("cost_usd", sheet.Cell(1, 13).GetString());
        Assert.Equal(legs + 2, sheet.LastRowUsed().RowNumber());
        var sum = 0.0;
        for (var row = 2; row <= legs + 1; row++)
        {
            Assert.Equal(XLDataType.Number, sheet.Cell(row, 13).DataType);
            sum += sheet.Cell(row, 13).GetDouble();
        }
        var total = chosen.GetProperty("totals").GetProperty("costUsd").GetDouble();
        Assert.Equal(total, sheet.Cell(legs + 2, 13).GetDouble(), 2);
        Assert.Equal(total, sum, 0);
        Assert.Equal(chosen.GetProperty("legs")[0].GetProperty("from").GetProperty("name").GetString(), sheet.Cell(2, 5).GetString());
        Assert.Equal(double.Parse(lines[1].Split(',')[10], CultureInfo.InvariantCulture), sheet.Cell(2, 11).GetDouble());
    }
}
