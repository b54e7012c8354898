using System.CommandLine;
using Caravan.Data;
using Caravan.Data.GeoPackage;
using Caravan.Data.Gmns;
using Caravan.Export;
using Caravan.Model;

namespace Caravan.Cli.Commands;

/// <summary>
/// <c>caravan convert --to gmns|gpkg|geojson --out PATH [--from-gmns DIR]</c>: writes the network (the embedded one,
/// a scenario of it, or a GMNS folder read back) in a modelling format, and prints its fingerprint.
/// </summary>
internal static class ConvertCommand
{
    private static readonly string[] Formats = ["gmns", "gpkg", "geojson"];
    private static readonly string[] GeoJsonLayers = ["all", "places", "links", "crossings"];

    public static Command Create()
    {
        var data = CommonOptions.Data();
        var scenario = CommonOptions.Scenario();
        var to = new Option<string>("--to") { Description = "Format: gmns (folder of node.csv, link.csv, config.csv), gpkg (GeoPackage: places, links, crossings layers), geojson", Required = true };
        to.AcceptOnlyFromAmong(Formats);
        var output = new Option<string>("--out", "-o") { Description = "Folder (gmns) or file (gpkg, geojson) to write", Required = true };
        var fromGmns = new Option<string?>("--from-gmns") { Description = "Read the places and links from this GMNS folder instead (transfers, services and parameters come from --data)" };
        var layer = new Option<string>("--layer") { Description = "geojson: one layer, so each file has one geometry type (all writes every feature with its layer property)", DefaultValueFactory = _ => "all" };
        layer.AcceptOnlyFromAmong(GeoJsonLayers);
        var command = new Command("convert", "Write the network as GMNS, GeoPackage or GeoJSON; read a GMNS network back with --from-gmns") { data, scenario, to, output, fromGmns, layer };
        command.SetAction(parse =>
        {
            var network = NetworkLoader.Load(parse.GetValue(data), parse.GetValue(scenario));
            if (parse.GetValue(fromGmns) is { Length: > 0 } gmnsFolder)
            {
                try
                {
                    network = GmnsReader.ReadNetwork(gmnsFolder, network);
                }
                catch (CaravanDataException e)
                {
                    throw new CliInputException(NetworkLoader.DiagnosticText(gmnsFolder, e.Diagnostics));
                }
            }
            var outPath = parse.GetValue(output)!;
            var format = parse.GetValue(to)!;
            var layerName = parse.GetValue(layer)!;
            if (layerName != "all" && format != "geojson")
            {
                throw new CliInputException("--layer applies to --to geojson only (gmns and gpkg always write every layer)");
            }
            switch (format)
            {
                case "gmns":
                    GmnsWriter.Write(network, outPath);
                    break;
                case "gpkg":
                    GeoPackageWriter.Write(network, outPath);
                    break;
                default:
                    Func<Link, bool>? include = layerName switch
                    {
                        "links" => l => !l.IsCrossing,
                        "crossings" => l => l.IsCrossing,
                        _ => null,
                    };
                    var features = RouteGeoJson.Network(network, include);
                    if (layerName != "all")
                    {
                        for (var i = features.Count - 1; i >= 0; i--)
                        {
                            if (!Equals(features[i].Attributes["layer"], layerName))
                            {
                                features.RemoveAt(i);
                            }
                        }
                    }
                    AtomicFile.WriteAllText(outPath, RouteGeoJson.Write(features));
                    break;
            }
            var crossings = network.Links.Count(l => l.IsCrossing);
            Console.Error.WriteLine($"wrote {outPath} ({format}): {network.Places.Count} places, {network.Links.Count - crossings} links, {crossings} crossings");
            Console.WriteLine($"fingerprint {NetworkFingerprint.Of(network)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
