using System.Globalization;
using System.Text;
using Caravan.Data;
using Caravan.Export;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace Caravan.Freight;

/// <summary>Writes link volumes of a freight assignment as CSV and GeoJSON (atomically).</summary>
public static class FreightOutputs
{
    /// <summary>One row per network link direction and transfer with flow, capacity and utilisation.</summary>
    public static void WriteCsv(string path, FreightAssignmentReport report)
    {
        var sb = new StringBuilder();
        sb.AppendLine("id,kind,mode,from,to,corridor,flow_tonnes,capacity_tonnes,utilisation,free_flow_hours,congested_hours,flow_by_commodity");
        foreach (var l in report.Links)
        {
            sb.Append(Csv(l.Id)).Append(',').Append(l.Kind).Append(',').Append(l.Mode).Append(',')
                .Append(Csv(l.From)).Append(',').Append(Csv(l.To)).Append(',').Append(Csv(l.Corridor)).Append(',')
                .Append(F(l.FlowTonnes)).Append(',').Append(l.CapacityTonnes is { } c ? F(c) : "").Append(',')
                .Append(l.Utilisation is { } u ? u.ToString("0.0000", CultureInfo.InvariantCulture) : "").Append(',')
                .Append(F(l.FreeFlowHours)).Append(',').Append(F(l.CongestedHours)).Append(',')
                .Append(Csv(string.Join(';', l.FlowByCommodity.Select(kv => $"{kv.Key}={F(kv.Value)}"))))
                .Append('\n');
        }
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    /// <summary>A LineString per link direction with flow (tonnes), utilisation and mode, for maps (width by volume, colour by utilisation).</summary>
    public static void WriteGeoJson(string path, FreightModel model, FreightAssignmentReport report)
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var fc = new FeatureCollection();
        foreach (var l in report.Links)
        {
            if (l.FlowTonnes <= 0 || l.Kind == "transfer")
            {
                continue;
            }
            var g = model.Graph;
            var a = model.Network.Places[g.VertexPlace[g.Tail[l.Edge]]];
            var b = model.Network.Places[g.VertexPlace[g.Head[l.Edge]]];
            fc.Add(new Feature(factory.CreateLineString([new Coordinate(a.Longitude, a.Latitude), new Coordinate(b.Longitude, b.Latitude)]), new AttributesTable
            {
                { "id", l.Id },
                { "kind", l.Kind },
                { "mode", l.Mode.ToString() },
                { "from", l.From },
                { "to", l.To },
                { "corridor", l.Corridor },
                { "flowTonnes", Math.Round(l.FlowTonnes, 1) },
                { "capacityTonnes", l.CapacityTonnes ?? 0 },
                { "utilisation", l.Utilisation is { } u ? Math.Round(u, 4) : -1 },
            }));
        }
        AtomicFile.WriteAllText(path, RouteGeoJson.Write(fc));
    }

    /// <summary>A number as the CSV outputs write it (three decimals at most, invariant culture).</summary>
    internal static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A CSV field, quoted when it holds a comma, quote or semicolon.</summary>
    internal static string Csv(string s) => s.Contains(',') || s.Contains('"') || s.Contains(';') ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
