using System.Globalization;
using Caravan.Data.Text;
using Caravan.Model;

namespace Caravan.Data.Gmns;

/// <summary>
/// Writes a network as GMNS: <c>node.csv</c> (one row per place), <c>link.csv</c> (one row per link, border crossings
/// included, <c>directed=false</c> for two-way links) and <c>config.csv</c> (units and CRS). Node and link ids are
/// 1-based integers, as DTALite and AequilibraE expect; Caravan's codes travel in <c>caravan_code</c> and
/// <c>caravan_id</c>. Each file is written to a temporary file, then renamed.
/// </summary>
public static class GmnsWriter
{
    /// <summary>The files a GMNS folder of ours holds.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["config.csv", "node.csv", "link.csv"];

    /// <summary>Writes the three files into <paramref name="folder"/> (created if missing).</summary>
    public static void Write(Network network, string folder)
    {
        Directory.CreateDirectory(folder);
        AtomicFile.WriteText(Path.Combine(folder, "config.csv"), w =>
        {
            w.Write("dataset_name,short_length,long_length,speed,crs,currency,version_number\n");
            w.Write("caravan,km,km,kph,EPSG:4326,USD,0.96\n");
        });
        AtomicFile.WriteText(Path.Combine(folder, "node.csv"), w => WriteNodes(network, w));
        AtomicFile.WriteText(Path.Combine(folder, "link.csv"), w => WriteLinks(network, w));
    }

    /// <summary>The node table as CSV text.</summary>
    public static void WriteNodes(Network network, TextWriter w)
    {
        w.Write(string.Join(',', GmnsColumns.Node) + "\n");
        for (var i = 0; i < network.Places.Count; i++)
        {
            var p = network.Places[i];
            w.Write(CsvText.Line(
                CsvText.Integer(i + 1), CsvText.Field(p.Name), CsvText.Number(p.Longitude), CsvText.Number(p.Latitude),
                CsvText.Field(KindName(p.Kind)), "",
                CsvText.Field(p.Code), CsvText.Field(p.Country), CsvText.List(p.Aliases), CsvText.List(p.SourceIds), CsvText.Field(p.Notes)));
            w.Write('\n');
        }
    }

    /// <summary>The link table as CSV text.</summary>
    public static void WriteLinks(Network network, TextWriter w)
    {
        w.Write(string.Join(',', GmnsColumns.Link) + "\n");
        for (var i = 0; i < network.Links.Count; i++)
        {
            var l = network.Links[i];
            var b = l.Border;
            w.Write(CsvText.Line(
                CsvText.Integer(i + 1), CsvText.Field(l.Id), CsvText.Integer(l.From + 1), CsvText.Integer(l.To + 1),
                l.Bidirectional ? "false" : "true", CsvText.Number(l.DistanceKm), CsvText.Number(l.SpeedKmh), "", "",
                l.Mode.ToString(), b is null ? l.Mode.ToString() : GmnsColumns.BorderFacility,
                CsvText.Field(l.Id), l.Mode.ToString(), CsvText.Number(l.FixedHours), CsvText.Number(l.TariffUsdPerFeu), CsvText.Number(l.TariffUsdPerTonne),
                CsvText.Number(l.CapacityPerYear), CsvText.Field(l.CapacityUnit), CsvText.Integer(l.Tracks), StatusName(l.Status), CsvText.Integer(l.OpeningYear),
                CsvText.Field(l.Corridor), CsvText.Number(b?.MedianHours), CsvText.Number(b?.P90Hours), CsvText.Number(b?.FeeUsdPerFeu),
                CsvText.Number(b?.FeeUsdPerTonne), CsvText.List(l.SourceIds), CsvText.Field(l.Notes)));
            w.Write('\n');
        }
    }

    /// <summary>The kebab-case name of a place kind, as places.csv writes it (<c>dry-port</c>).</summary>
    public static string KindName(PlaceKind kind) => kind switch
    {
        PlaceKind.DryPort => "dry-port",
        PlaceKind.BorderStation => "border-station",
        PlaceKind.PipelineStation => "pipeline-station",
        _ => kind.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    /// <summary>The name of a link status, as links.csv writes it.</summary>
    public static string StatusName(LinkStatus status) => status switch
    {
        LinkStatus.Construction => "construction",
        LinkStatus.Planned => "planned",
        _ => "operating",
    };
}
