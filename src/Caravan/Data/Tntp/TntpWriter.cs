using System.Globalization;

namespace Caravan.Data.Tntp;

/// <summary>
/// Writes the four TNTP formats. Every write is atomic (temporary file in the same folder, then rename) and
/// uses round-trip number formatting, so reading a written file gives back the same values.
/// </summary>
public static class TntpWriter
{
    /// <summary>Writes a <c>_net</c> file with its metadata header.</summary>
    public static void WriteNetwork(string path, TntpNetwork net) => TntpFiles.WriteAtomically(path, w => WriteNetwork(w, net));

    /// <summary>Writes a <c>_net</c> file with its metadata header.</summary>
    public static void WriteNetwork(TextWriter w, TntpNetwork net)
    {
        w.WriteLine($"<NUMBER OF ZONES> {net.ZoneCount}");
        w.WriteLine($"<NUMBER OF NODES> {net.NodeCount}");
        w.WriteLine($"<FIRST THRU NODE> {net.FirstThruNode}");
        w.WriteLine($"<NUMBER OF LINKS> {net.LinkCount}");
        if (net.DistanceFactor is double distance)
        {
            w.WriteLine(TntpMetadata.Line("DISTANCE FACTOR", distance));
        }
        if (net.TollFactor is double toll)
        {
            w.WriteLine(TntpMetadata.Line("TOLL FACTOR", toll));
        }
        w.WriteLine("<END OF METADATA>");
        w.WriteLine();
        w.WriteLine("~\tinit_node\tterm_node\tcapacity\tlength\tfree_flow_time\tb\tpower\tspeed\ttoll\tlink_type\t;");
        for (var a = 0; a < net.LinkCount; a++)
        {
            w.Write('\t');
            w.Write(string.Join('\t',
                net.Tail[a].ToString(CultureInfo.InvariantCulture), net.Head[a].ToString(CultureInfo.InvariantCulture),
                F(net.Capacity[a]), F(net.Length[a]), F(net.FreeFlowTime[a]), F(net.B[a]), F(net.Power[a]), F(net.Speed[a]), F(net.Toll[a]),
                net.LinkType[a].ToString(CultureInfo.InvariantCulture)));
            w.WriteLine("\t;");
        }
    }

    /// <summary>Writes a <c>_trips</c> file with its metadata header.</summary>
    public static void WriteTrips(string path, TntpTrips trips) => TntpFiles.WriteAtomically(path, w => WriteTrips(w, trips));

    /// <summary>Writes a <c>_trips</c> file with its metadata header.</summary>
    public static void WriteTrips(TextWriter w, TntpTrips trips)
    {
        w.WriteLine($"<NUMBER OF ZONES> {trips.ZoneCount}");
        w.WriteLine(TntpMetadata.Line("TOTAL OD FLOW", trips.Total));
        w.WriteLine("<END OF METADATA>");
        for (var o = 1; o <= trips.ZoneCount; o++)
        {
            w.WriteLine();
            w.WriteLine($"Origin {o}");
            var column = 0;
            for (var k = trips.OriginStart[o - 1]; k < trips.OriginStart[o]; k++)
            {
                w.Write($"{trips.Destination[k]} : {F(trips.Demand[k])}; ");
                if (++column % 5 == 0)
                {
                    w.WriteLine();
                }
            }
            if (column % 5 != 0)
            {
                w.WriteLine();
            }
        }
    }

    /// <summary>Writes a <c>_flow</c> file (<c>From To Volume Cost</c>).</summary>
    public static void WriteFlows(string path, TntpFlows flows) => TntpFiles.WriteAtomically(path, w => WriteFlows(w, flows));

    /// <summary>Writes a <c>_flow</c> file (<c>From To Volume Cost</c>).</summary>
    public static void WriteFlows(TextWriter w, TntpFlows flows)
    {
        w.WriteLine("From\tTo\tVolume\tCost");
        for (var a = 0; a < flows.LinkCount; a++)
        {
            w.WriteLine($"{flows.Tail[a]}\t{flows.Head[a]}\t{F(flows.Volume[a])}\t{F(flows.Cost[a])}");
        }
    }

    /// <summary>Writes a <c>_node</c> file (<c>node X Y ;</c>).</summary>
    public static void WriteNodes(string path, TntpNodes nodes) => TntpFiles.WriteAtomically(path, w => WriteNodes(w, nodes));

    /// <summary>Writes a <c>_node</c> file (<c>node X Y ;</c>).</summary>
    public static void WriteNodes(TextWriter w, TntpNodes nodes)
    {
        w.WriteLine("node\tX\tY\t;");
        for (var i = 0; i < nodes.Count; i++)
        {
            w.WriteLine($"{nodes.Id[i]}\t{F(nodes.X[i])}\t{F(nodes.Y[i])}\t;");
        }
    }

    private static string F(double value) => TntpText.Format(value);
}
