using System.Globalization;
using System.Text;
using Caravan.Data;

namespace Caravan.Freight;

/// <summary>Writes link volumes of a freight assignment as CSV (atomically); the flow GeoJSON is <c>Services.AssignmentService.Flows</c>, one document for every door.</summary>
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

    /// <summary>A number as the CSV outputs write it (three decimals at most, invariant culture).</summary>
    internal static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A CSV field, quoted when it holds a comma, quote or semicolon.</summary>
    internal static string Csv(string s) => s.Contains(',') || s.Contains('"') || s.Contains(';') ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
