using System.Globalization;
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

        var sheet = XlsxCells.Read(xlsx, "Itinerary");
        Assert.Equal("cost_usd", sheet["M1"].Text);
        Assert.Equal(1u, sheet["M1"].Style); // the bold header
        Assert.Equal(legs + 2, XlsxCells.LastRow(sheet));
        var sum = 0.0;
        for (var row = 2; row <= legs + 1; row++)
        {
            Assert.True(sheet[$"M{row}"].IsNumber, $"M{row} is not a number");
            sum += sheet[$"M{row}"].Number;
        }
        var total = chosen.GetProperty("totals").GetProperty("costUsd").GetDouble();
        Assert.Equal("total", sheet[$"B{legs + 2}"].Text);
        Assert.Equal(total, sheet[$"M{legs + 2}"].Number, 2);
        Assert.Equal(total, sum, 0);
        Assert.Equal(chosen.GetProperty("legs")[0].GetProperty("from").GetProperty("name").GetString(), sheet["E2"].Text);
        Assert.Equal(double.Parse(lines[1].Split(',')[10], CultureInfo.InvariantCulture), sheet["K2"].Number);
    }
}
