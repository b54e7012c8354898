using System.CommandLine;
using Caravan.Cli.Charts;
using Caravan.Data;
using Caravan.Export;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan export</c>: the whole network as GeoJSON, or a map of it as PNG.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var scenario = CommonOptions.Scenario();
        var geojson = new Option<bool>("--geojson") { Description = "Write the network as a GeoJSON FeatureCollection" };
        var png = new Option<string?>("--png") { Description = "Draw a map of the network by mode to this PNG file" };
        var output = new Option<string?>("--out", "-o") { Description = "File to write (default: standard output for GeoJSON)" };
        var command = new Command("export", "Export the network: GeoJSON of places and links, or a PNG map by mode") { data, scenario, geojson, png, output };
        command.SetAction(parse =>
        {
            var network = NetworkLoader.Load(parse.GetValue(data), parse.GetValue(scenario));
            var wrote = false;
            if (parse.GetValue(png) is { Length: > 0 } pngPath)
            {
                NetworkMap.SavePng(network, pngPath);
                Console.Error.WriteLine($"wrote {pngPath}");
                wrote = true;
            }
            if (parse.GetValue(geojson) || !wrote)
            {
                var text = RouteGeoJson.Write(RouteGeoJson.Network(network));
                if (parse.GetValue(output) is { Length: > 0 } outPath)
                {
                    AtomicFile.WriteAllText(outPath, text);
                    Console.Error.WriteLine($"wrote {outPath}: {network.Places.Count} places, {network.Links.Count} links");
                }
                else
                {
                    Console.WriteLine(text);
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
