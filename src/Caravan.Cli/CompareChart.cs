using Caravan.Comparison;
using ScottPlot;

namespace Caravan.Cli;

/// <summary>Draws a comparison as grouped bars (door-to-door days, A vs B, per OD pair) with ScottPlot.</summary>
internal static class CompareChart
{
    public static void WritePng(ComparisonResult result, string path, int width = 1200, int height = 650)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        var colorA = Colors.SteelBlue;
        var colorB = Colors.DarkOrange;
        var positions = new List<double>();
        var labels = new List<string>();
        for (var i = 0; i < result.Routes.Count; i++)
        {
            var r = result.Routes[i];
            var x = i * 3.0;
            if (r.A is not null)
            {
                bars.Add(new Bar { Position = x, Value = r.A.Hours / 24, FillColor = colorA });
            }
            if (r.B is not null)
            {
                bars.Add(new Bar { Position = x + 1, Value = r.B.Hours / 24, FillColor = colorB });
            }
            positions.Add(x + 0.5);
            labels.Add($"{r.FromName} – {r.ToName}");
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. positions], [.. labels]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 160;
        plot.Axes.Margins(bottom: 0);
        plot.YLabel("door-to-door days");
        plot.Title($"{result.A.Name} vs {result.B.Name}");
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "A: " + result.A.Name, FillColor = colorA });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "B: " + result.B.Name, FillColor = colorB });
        plot.ShowLegend(Alignment.UpperRight);

        // Nothing half-written on disk: render to a temporary file beside the target, then rename.
        Caravan.Data.AtomicFile.WriteVia(path, temp => plot.SavePng(temp, width, height));
    }
}
