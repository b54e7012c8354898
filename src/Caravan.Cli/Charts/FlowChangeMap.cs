using Caravan.Data;
using Caravan.Freight;
using ScottPlot;

namespace Caravan.Cli.Charts;

/// <summary>A before/after map: each link drawn with width by |B − A| flow, red where flow grows, blue where it falls.</summary>
internal static class FlowChangeMap
{
    public static void Write(FreightRun runA, FreightRun runB, string path, string title)
    {
        var (a, b) = (runA.Report, runB.Report);
        var net = runA.Network;
        var plot = new Plot();
        plot.Title(title);
        foreach (var l in net.Links)
        {
            var p = net.Places[l.From];
            var q = net.Places[l.To];
            var line = plot.Add.Line(p.Longitude, p.Latitude, q.Longitude, q.Latitude);
            line.LineColor = Colors.LightGray;
            line.LineWidth = 1;
            line.MarkerSize = 0;
        }
        static string Key(LinkFlow l) => $"{l.Id}|{l.From}|{l.To}";
        var flowsA = a.Links.GroupBy(Key).ToDictionary(g => g.Key, g => g.First().FlowTonnes);
        var max = 1.0;
        var changes = new List<(LinkFlow Link, double Delta)>();
        foreach (var l in b.Links)
        {
            if (l.Kind == "transfer")
            {
                continue;
            }
            var delta = l.FlowTonnes - flowsA.GetValueOrDefault(Key(l));
            if (Math.Abs(delta) >= 1000)
            {
                changes.Add((l, delta));
                max = Math.Max(max, Math.Abs(delta));
            }
        }
        foreach (var (l, delta) in changes)
        {
            // The changed links are B's edges: drawn on B's graph.
            var g = runB.Graph;
            var p = runB.Network.Places[g.VertexPlace[g.Tail[l.Edge]]];
            var q = runB.Network.Places[g.VertexPlace[g.Head[l.Edge]]];
            var line = plot.Add.Line(p.Longitude, p.Latitude, q.Longitude, q.Latitude);
            line.LineColor = delta > 0 ? Colors.Red.WithAlpha(0.8) : Colors.Blue.WithAlpha(0.8);
            line.LineWidth = (float)(1 + (9 * Math.Abs(delta) / max));
            line.MarkerSize = 0;
        }
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "more flow in B", LineColor = Colors.Red, LineWidth = 4, MarkerSize = 0 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "less flow in B", LineColor = Colors.Blue, LineWidth = 4, MarkerSize = 0 });
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.LowerLeft;
        plot.XLabel("longitude °E");
        plot.YLabel("latitude °N");
        plot.Axes.SquareUnits();
        AtomicFile.WriteVia(path, temp => plot.SavePng(temp, 1800, 1000));
    }
}
