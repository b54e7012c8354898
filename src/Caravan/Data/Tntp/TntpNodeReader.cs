namespace Caravan.Data.Tntp;

/// <summary>Reads a TNTP <c>_node</c> file (<c>node X Y ;</c>), collecting every problem before failing.</summary>
public static class TntpNodeReader
{
    private static readonly string[] Fields = ["node", "x", "y"];

    /// <summary>Reads the file at <paramref name="path"/>; ids are checked against <paramref name="nodeCount"/> when positive.</summary>
    /// <exception cref="CaravanDataException">The file is missing or malformed; all problems are listed.</exception>
    public static TntpNodes Read(string path, int nodeCount = 0)
    {
        using var reader = TntpFiles.Open(path);
        return Read(reader, path, nodeCount);
    }

    /// <summary>Reads from <paramref name="reader"/>, naming <paramref name="file"/> in diagnostics.</summary>
    /// <exception cref="CaravanDataException">The content is malformed; all problems are listed.</exception>
    public static TntpNodes Read(TextReader reader, string file, int nodeCount = 0)
    {
        var bag = new DiagnosticBag();
        var lineNumbers = new List<int>();
        var rows = TntpTable.Read(reader, file, Fields, bag, lineNumbers);
        var id = new int[rows.Count];
        var x = new double[rows.Count];
        var y = new double[rows.Count];
        var seen = new HashSet<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (TntpTable.CheckId(rows[i][0], nodeCount, file, lineNumbers[i], Fields[0], bag, out id[i]) && !seen.Add(id[i]))
            {
                bag.Add(file, lineNumbers[i], Fields[0], $"node {id[i]} is listed twice");
            }
            x[i] = rows[i][1];
            y[i] = rows[i][2];
        }
        bag.ThrowIfErrors();
        return new TntpNodes(id, x, y);
    }
}
