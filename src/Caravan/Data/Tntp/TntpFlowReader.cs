namespace Caravan.Data.Tntp;

/// <summary>Reads a TNTP <c>_flow</c> file (<c>From To Volume Cost</c>), collecting every problem before failing.</summary>
public static class TntpFlowReader
{
    private static readonly string[] Fields = ["from", "to", "volume", "cost"];

    /// <summary>Reads the file at <paramref name="path"/>; node ids are checked against <paramref name="nodeCount"/> when positive.</summary>
    /// <exception cref="CaravanDataException">The file is missing or malformed; all problems are listed.</exception>
    public static TntpFlows Read(string path, int nodeCount = 0)
    {
        using var reader = TntpFiles.Open(path);
        return Read(reader, path, nodeCount);
    }

    /// <summary>Reads from <paramref name="reader"/>, naming <paramref name="file"/> in diagnostics.</summary>
    /// <exception cref="CaravanDataException">The content is malformed; all problems are listed.</exception>
    public static TntpFlows Read(TextReader reader, string file, int nodeCount = 0)
    {
        var bag = new DiagnosticBag();
        var lineNumbers = new List<int>();
        var rows = TntpTable.Read(reader, file, Fields, bag, lineNumbers);
        var tail = new int[rows.Count];
        var head = new int[rows.Count];
        var volume = new double[rows.Count];
        var cost = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            TntpTable.CheckId(r[0], nodeCount, file, lineNumbers[i], Fields[0], bag, out tail[i]);
            TntpTable.CheckId(r[1], nodeCount, file, lineNumbers[i], Fields[1], bag, out head[i]);
            if (r[2] < 0)
            {
                bag.Add(file, lineNumbers[i], Fields[2], $"{TntpText.Format(r[2])} is negative");
            }
            volume[i] = r[2];
            cost[i] = r[3];
        }
        bag.ThrowIfErrors();
        return new TntpFlows(tail, head, volume, cost);
    }
}
