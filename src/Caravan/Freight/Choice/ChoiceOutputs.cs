using System.Globalization;
using System.Text;
using Caravan.Data;
using Caravan.Model;

namespace Caravan.Freight.Choice;

/// <summary>Writes the planner's report of the choice model as CSV files and GeoJSON (atomically).</summary>
public static class ChoiceOutputs
{
    /// <summary>One row per loaded element: flow, capacity, utilisation, shadow price.</summary>
    public static void WriteElementsCsv(string path, ChoiceReport report)
    {
        var sb = new StringBuilder("id,kind,mode,from,to,corridor,flow_tonnes,capacity_tonnes,utilisation,shadow_usd_per_tonne,delay_hours_container\n");
        foreach (var x in report.Elements)
        {
            sb.Append(Csv(x.Id)).Append(',').Append(x.Kind).Append(',').Append(x.Mode).Append(',').Append(Csv(x.From)).Append(',').Append(Csv(x.To)).Append(',')
                .Append(Csv(x.Corridor)).Append(',').Append(F(x.Tonnes)).Append(',').Append(x.CapacityTonnes is { } c ? F(c) : "").Append(',')
                .Append(x.Utilisation is { } u ? u.ToString("0.0000", CultureInfo.InvariantCulture) : "").Append(',')
                .Append(F(x.ShadowUsdPerTonne)).Append(',').Append(F(x.DelayHoursContainer)).Append('\n');
        }
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    /// <summary>One row per OD flow and mode group / corridor with its share.</summary>
    public static void WriteModalSplitCsv(string path, ChoiceReport report)
    {
        var sb = new StringBuilder("origin,destination,commodity,tonnes,level,option,share\n");
        foreach (var m in report.ModalSplits)
        {
            foreach (var (level, shares) in new[] { ("mode", m.GroupShares), ("corridor", m.CorridorShares) })
            {
                foreach (var (option, share) in shares)
                {
                    sb.Append(Csv(m.Origin)).Append(',').Append(Csv(m.Destination)).Append(',').Append(m.Commodity.Name()).Append(',').Append(F(m.Tonnes)).Append(',')
                        .Append(level).Append(',').Append(Csv(option)).Append(',').Append(share.ToString("0.######", CultureInfo.InvariantCulture)).Append('\n');
                }
            }
        }
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    private static string F(double v) => FreightOutputs.F(v);

    private static string Csv(string s) => FreightOutputs.Csv(s);
}
