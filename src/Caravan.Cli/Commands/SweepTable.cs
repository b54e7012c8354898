using System.Globalization;
using Caravan.Appraisal;
using Spectre.Console;

namespace Caravan.Cli.Commands;

/// <summary>The ranked portfolios and the frontier of a sweep as terminal tables.</summary>
internal static class SweepTable
{
    public static void Render(SweepOutcome o)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Sweep {o.Name}: {o.Portfolios.Count} portfolios × {o.Futures.Count} futures × {o.Years.Count} years ({string.Join(", ", o.Years)}); {o.Runs} distinct runs ({o.Computed} computed, {o.Skipped} from the store); discount {o.DiscountRate * 100:0.#}% to {o.PriceBaseYear}, benefits to {o.HorizonYear}"));
        Console.WriteLine($"User benefit: {o.BenefitMeasure}.");
        var t = new Table { Title = new TableTitle("Portfolios ranked by expected NPV (USD bn, present values)") };
        t.AddColumn(new TableColumn("#").RightAligned());
        t.AddColumn("Portfolio");
        foreach (var c in new[] { "capital", "PV capital", "PV benefit", "NPV", "BCR", "worst NPV", "max regret", "CO2e Mt/yr", "frontier" })
        {
            t.AddColumn(new TableColumn(c).RightAligned());
        }
        foreach (var p in o.Portfolios)
        {
            t.AddRow(p.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(p.Label), Bn(p.CapitalCostUsd), Bn(p.PvCapitalCostUsd), Bn(p.ExpectedPvBenefitUsd),
                (p.ExpectedNpvUsd >= 0 ? "[green]" : "[red]") + Bn(p.ExpectedNpvUsd) + "[/]", p.BenefitCostRatio is { } b ? RouteTable.Num(b, "0.00") : "–",
                Bn(p.MinNpvUsd), Bn(p.MaxRegretUsd), RouteTable.Num(p.ExpectedCo2eTonnes / 1e6, "0.000"), p.OnFrontier ? "yes" : "");
        }
        t.Caption = new TableTitle("NPV = PV user benefit − PV capital, mean over futures; regret = best NPV in a future − this one's; frontier: no other portfolio has more benefit for no more capital and CO2e");
        AnsiConsole.Write(t);
        var f = new Table { Title = new TableTitle($"Frontier: {o.Frontier.Count} portfolios (benefit up, capital cost and CO2e down), by capital cost") };
        f.AddColumn("Portfolio");
        foreach (var c in new[] { "PV capital bn", "PV benefit bn", "CO2e Mt/yr" })
        {
            f.AddColumn(new TableColumn(c).RightAligned());
        }
        foreach (var label in o.Frontier)
        {
            var p = o.Portfolios.First(x => x.Label == label);
            f.AddRow(Markup.Escape(label), Bn(p.PvCapitalCostUsd), Bn(p.ExpectedPvBenefitUsd), RouteTable.Num(p.ExpectedCo2eTonnes / 1e6, "0.000"));
        }
        AnsiConsole.Write(f);
        foreach (var w in o.Warnings)
        {
            Console.Error.WriteLine("warning: " + w);
        }
    }

    private static string Bn(double usd) => RouteTable.Num(usd / 1e9, "0.00");
}
