using Caravan.Data;
using Caravan.Model;
using ScottPlot;

namespace Caravan.Cli.Charts;

/// <summary>Draws the network by mode (planned links dashed, crossings as markers) to a PNG, from the data alone.</summary>
internal static class NetworkMap
{
    public static void SavePng(Network network, string path, int width = 1800, int height = 1000)
    {
        var plot = new Plot();
        plot.Title($"Caravan network: {network.Places.Count} places, {network.Links.Count} links by mode (planned dashed)");
        foreach (var mode in Modes.All)
        {
            var color = Color.FromHex(ModeColors.Hex(mode));
            var any = false;
            foreach (var link in network.Links)
            {
                if (link.Mode != mode)
                {
                    continue;
                }
                any = true;
                var a = network.Places[link.From];
                var b = network.Places[link.To];
                var line = plot.Add.Line(a.Longitude, a.Latitude, b.Longitude, b.Latitude);
                line.LineColor = color.WithAlpha(link.Mode is Mode.Air ? 0.45 : 0.9);
                line.LineWidth = link.Mode is Mode.Air or Mode.Sea ? 1.2f : 2.2f;
                line.MarkerSize = 0;
                if (link.Status != LinkStatus.Operating)
                {
                    line.LinePattern = LinePattern.Dashed;
                }
            }
            if (any)
            {
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = mode.ToString(), LineColor = color, LineWidth = 3, MarkerSize = 0 });
            }
        }
        var xs = network.Places.Select(p => p.Longitude).ToArray();
        var ys = network.Places.Select(p => p.Latitude).ToArray();
        var dots = plot.Add.ScatterPoints(xs, ys);
        dots.Color = Colors.Black;
        dots.MarkerSize = 3;
        foreach (var p in network.Places.Where(p => p.Kind is PlaceKind.City && network.Places.Count < 60 || Major.Contains(p.Name)))
        {
            var text = plot.Add.Text(p.Name, p.Longitude, p.Latitude);
            text.LabelFontSize = 11;
            text.LabelFontColor = Colors.Black;
        }
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.LowerLeft;
        plot.XLabel("longitude °E");
        plot.YLabel("latitude °N");
        plot.Axes.SquareUnits();
        AtomicFile.WriteVia(path, temp => plot.SavePng(temp, width, height));
    }

    private static readonly HashSet<string> Major = new(StringComparer.Ordinal)
    {
        "Xi'an", "Chongqing", "Urumqi", "Kashgar", "Almaty", "Tashkent", "Aktau", "Baku", "Tbilisi", "Istanbul",
        "Moscow", "Brest", "Duisburg", "Hamburg", "Rotterdam", "Shanghai", "Lianyungang", "Tehran", "Budapest", "Piraeus",
    };
}
