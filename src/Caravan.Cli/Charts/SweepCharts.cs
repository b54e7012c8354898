using Caravan.Appraisal;
using Caravan.Data;
using ScottPlot;

namespace Caravan.Cli;

/// <summary>Sweep charts with ScottPlot: the frontier (PV capital against PV benefit) and expected NPV per portfolio.</summary>
internal static class SweepCharts
{
    public static void WriteFrontier(SweepOutcome o, string path, int width = 1100, int height = 700)
    {
        var plot = new Plot();
        var others = o.Portfolios.Where(p => !p.OnFrontier).ToList();
        var front = o.Portfolios.Where(p => p.OnFrontier).OrderBy(p => p.PvCapitalCostUsd).ToList();
        var a = plot.Add.ScatterPoints(others.Select(p => p.PvCapitalCostUsd / 1e9).ToArray(), others.Select(p => p.ExpectedPvBenefitUsd / 1e9).ToArray());
        a.Color = Colors.Gray;
        a.LegendText = "portfolio";
        var b = plot.Add.Scatter(front.Select(p => p.PvCapitalCostUsd / 1e9).ToArray(), front.Select(p => p.ExpectedPvBenefitUsd / 1e9).ToArray());
        b.Color = Colors.DarkOrange;
        b.MarkerSize = 9;
        b.LegendText = "frontier";
        foreach (var p in front)
        {
            var t = plot.Add.Text(p.Label, p.PvCapitalCostUsd / 1e9, p.ExpectedPvBenefitUsd / 1e9);
            t.LabelFontSize = 11;
        }
        plot.XLabel("PV capital cost, USD bn");
        plot.YLabel("expected PV user benefit, USD bn");
        plot.Title($"{o.Name}: frontier of {o.Portfolios.Count} portfolios over {o.Futures.Count} futures");
        plot.ShowLegend(Alignment.UpperLeft);
        AtomicFile.WriteVia(path, temp => plot.SavePng(temp, width, height));
    }

    public static void WriteNpv(SweepOutcome o, string path, int width = 1100, int height = 700)
    {
        var plot = new Plot();
        var top = o.Portfolios.Take(30).ToList();
        var bars = top.Select((p, i) => new Bar { Position = i, Value = p.ExpectedNpvUsd / 1e9, FillColor = p.ExpectedNpvUsd >= 0 ? Colors.SteelBlue : Colors.IndianRed }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. top.Select((_, i) => (double)i)], [.. top.Select(p => p.Label)]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 40;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 180;
        plot.YLabel("expected NPV, USD bn");
        plot.Title($"{o.Name}: expected NPV, best {top.Count} portfolios");
        AtomicFile.WriteVia(path, temp => plot.SavePng(temp, width, height));
    }
}
