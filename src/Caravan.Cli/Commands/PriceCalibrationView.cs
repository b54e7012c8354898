using Caravan.Calibration;
using Caravan.Data;
using Caravan.Model;
using Spectre.Console;

namespace Caravan.Cli.Commands;

/// <summary>The price section of <c>caravan calibrate</c>: reads the published rates and renders the comparison.</summary>
internal static class PriceCalibrationView
{
    /// <summary>Reads the rates file, or null when the data folder has none and none was asked for.</summary>
    public static IReadOnlyList<PriceCase>? Read(string? explicitPath, string folder, IReadOnlySet<string> sources)
    {
        var path = explicitPath ?? Path.Combine(folder, "rates.csv");
        if (explicitPath is null && !File.Exists(path))
        {
            return null;
        }
        try
        {
            return PriceCaseReader.Read(path, sources);
        }
        catch (CaravanDataException e)
        {
            throw new CliInputException(NetworkLoader.DiagnosticText(path, e.Diagnostics));
        }
    }

    /// <summary>Prints the table and the two split scores.</summary>
    public static void Write(PriceReport report)
    {
        var table = new Table { Title = new TableTitle($"Prices: {report.Results.Count} published rates (rates.csv)") };
        table.AddColumns("Case", "Split", "From → To", "Cargo", "Corridor", "Date");
        foreach (var c in new[] { "predicted USD", "published USD", "midpoint", "error" })
        {
            table.AddColumn(new TableColumn(c).RightAligned());
        }
        foreach (var r in report.Results)
        {
            var unit = r.Case.Commodity.IsContainer() ? "/FEU" : "/t";
            table.AddRow(
                Markup.Escape(r.Case.Id),
                r.Case.Split == CalibrationSplit.Fit ? "fit" : "test",
                Markup.Escape($"{r.Case.From} → {r.Case.To}"),
                Markup.Escape(r.Case.Commodity.Name()),
                Markup.Escape(r.Problem ?? r.Corridor),
                Markup.Escape(r.Case.Date),
                r.PredictedUsd is { } p ? RouteTable.Num(p, "0") + unit : "—",
                $"{RouteTable.Num(r.Case.RateLowUsd, "0")}–{RouteTable.Num(r.Case.RateHighUsd, "0")}" + (r.InsideRange ? " ✓" : ""),
                RouteTable.Num(r.Case.MidpointUsd, "0"),
                r.Error is { } e ? (e > 0 ? "+" : "") + RouteTable.Num(e * 100, "0.0") + "%" : "miss");
        }
        AnsiConsole.Write(table);
        Console.WriteLine($"Prices, test split: {Line(report.Test)} (targets: MAPE ≤ {RouteTable.Num(PriceReport.TargetMape * 100, "0")}%, every case within ±{RouteTable.Num(PriceReport.TargetWorst * 100, "0")}%)");
        Console.WriteLine($"Prices, fitting split: {Line(report.Fit)} (the rates the tariffs were derived from; not a test)");
        Console.WriteLine("Error is against the midpoint of the published range; ✓ marks a prediction inside the range.");
    }

    private static string Line(PriceScore s) =>
        $"{s.Cases} cases, midpoint MAPE {RouteTable.Num(s.MidpointMape * 100, "0.0")}%, worst {RouteTable.Num(s.WorstError * 100, "0.0")}%, {s.InsideRange} inside their range";
}
