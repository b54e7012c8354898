namespace Caravan.Data.Tntp;

/// <summary>
/// Reads a TNTP <c>_net</c> file. Every problem is collected with file, line and field; the read then fails
/// with a <see cref="CaravanDataException"/> carrying all of them.
/// </summary>
public static class TntpNetReader
{
    /// <summary>Upper bound on node and link counts accepted from a header, so a corrupt header cannot trigger a huge allocation.</summary>
    public const int MaxCount = 50_000_000;

    /// <summary>Most rows room is made for before they arrive.</summary>
    private const int InitialCapacity = 1024;

    private static readonly string[] Fields = ["init_node", "term_node", "capacity", "length", "free_flow_time", "b", "power", "speed", "toll", "link_type"];

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="CaravanDataException">The file is missing or malformed; all problems are listed.</exception>
    public static TntpNetwork Read(string path)
    {
        using var reader = TntpFiles.Open(path);
        return Read(reader, path);
    }

    /// <summary>Reads from <paramref name="reader"/>, naming <paramref name="file"/> in diagnostics.</summary>
    /// <exception cref="CaravanDataException">The content is malformed; all problems are listed.</exception>
    public static TntpNetwork Read(TextReader reader, string file)
    {
        var bag = new DiagnosticBag();
        var lines = new LineSource(reader);
        var meta = TntpMetadata.Read(lines, file, bag);
        var declaredNodes = meta.GetInt("NUMBER OF NODES", true, 1, MaxCount, file, bag);
        var nodes = declaredNodes ?? 0;
        // A rejected node count is one diagnostic: the checks that depend on it use the widest bound instead of 0,
        // so no bogus follow-on errors ("zone 24 is outside 0..0") are reported.
        var nodeBound = declaredNodes ?? MaxCount;
        var zones = meta.GetInt("NUMBER OF ZONES", true, 0, nodeBound, file, bag) ?? 0;
        var firstThru = meta.GetInt("FIRST THRU NODE", false, 1, nodeBound + 1, file, bag) ?? 1;
        var declaredLinks = meta.GetInt("NUMBER OF LINKS", true, 0, MaxCount, file, bag);
        var distanceFactor = meta.GetDouble("DISTANCE FACTOR", file, bag);
        var tollFactor = meta.GetDouble("TOLL FACTOR", file, bag);

        // Sized by what arrives, not by what the header claims: the lists grow with the rows.
        var capacityHint = Math.Min(declaredLinks ?? 0, InitialCapacity);
        var tail = new List<int>(capacityHint);
        var head = new List<int>(capacityHint);
        var cols = new List<double>[8];
        for (var c = 0; c < cols.Length; c++)
        {
            cols[c] = new List<double>(capacityHint);
        }
        var type = new List<int>(capacityHint);
        var lineOf = new List<int>(capacityHint);
        var tokens = new List<Range>(16);
        var values = new double[8];
        var parsed = new bool[8];
        while (lines.NextLine(out var line))
        {
            TntpText.Tokenize(line, tokens);
            var n = tokens.Count;
            while (n > 0 && TntpText.Is(line[tokens[n - 1]], ';'))
            {
                n--;
            }
            if (n == 0)
            {
                continue;
            }
            var at = lines.LineNumber;
            if (n < Fields.Length)
            {
                bag.Add(file, at, Fields[n], $"truncated row: expected {Fields.Length} fields, found {n}");
                continue;
            }
            // Range checks run only on fields that parsed, so one bad token gives one diagnostic.
            var fromOk = TntpText.TryParseInt(line[tokens[0]], file, at, Fields[0], bag, out var from);
            var toOk = TntpText.TryParseInt(line[tokens[1]], file, at, Fields[1], bag, out var to);
            var ok = fromOk && toOk;
            for (var c = 0; c < 8; c++)
            {
                parsed[c] = TntpText.TryParseFinite(line[tokens[c + 2]], file, at, Fields[c + 2], bag, out values[c]);
                ok &= parsed[c];
            }
            // Link type is informational; some exporters write it as text, so a non-number becomes 0 rather than an error.
            _ = int.TryParse(line[tokens[9]], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var linkType);
            if (nodes > 0)
            {
                ok &= !fromOk || CheckNode(from, nodes, file, at, Fields[0], bag);
                ok &= !toOk || CheckNode(to, nodes, file, at, Fields[1], bag);
            }
            ok &= !parsed[0] || CheckRange(values[0], 0, false, file, at, Fields[2], bag);
            for (var c = 1; c <= 4; c++)
            {
                ok &= !parsed[c] || CheckRange(values[c], 0, true, file, at, Fields[c + 2], bag);
            }
            if (!ok)
            {
                continue;
            }
            if (tail.Count >= MaxCount)
            {
                bag.Add(file, at, "link", $"more than {MaxCount} links");
                break;
            }
            tail.Add(from);
            head.Add(to);
            for (var c = 0; c < 8; c++)
            {
                cols[c].Add(values[c]);
            }
            type.Add(linkType);
            lineOf.Add(at);
        }
        if (declaredLinks is int expected && !bag.HasErrors && tail.Count != expected)
        {
            bag.Add(file, meta.LineOf("NUMBER OF LINKS"), "<NUMBER OF LINKS>", $"header declares {expected} links but the file has {tail.Count}");
        }
        if (declaredNodes is int claimed && !bag.HasErrors)
        {
            // Everything built per node (the assignment graph, bushes) is sized by this count, so the rows must
            // support it: node ids are dense from 1 and a node without a link carries nothing.
            var highest = 0;
            foreach (var t in tail)
            {
                highest = Math.Max(highest, t);
            }
            foreach (var h in head)
            {
                highest = Math.Max(highest, h);
            }
            if (claimed > highest)
            {
                bag.Add(file, meta.LineOf("NUMBER OF NODES"), "<NUMBER OF NODES>", $"header declares {claimed} nodes but the links use node ids only up to {highest}");
            }
            else if (claimed > 2L * tail.Count)
            {
                bag.Add(file, meta.LineOf("NUMBER OF NODES"), "<NUMBER OF NODES>", $"header declares {claimed} nodes but {tail.Count} links can join at most {2L * tail.Count} of them");
            }
        }
        bag.ThrowIfErrors();
        return new TntpNetwork
        {
            ZoneCount = zones,
            NodeCount = nodes,
            FirstThruNode = firstThru,
            Tail = [.. tail],
            Head = [.. head],
            Capacity = [.. cols[0]],
            Length = [.. cols[1]],
            FreeFlowTime = [.. cols[2]],
            B = [.. cols[3]],
            Power = [.. cols[4]],
            Speed = [.. cols[5]],
            Toll = [.. cols[6]],
            LinkType = [.. type],
            LineNumber = [.. lineOf],
            DistanceFactor = distanceFactor,
            TollFactor = tollFactor,
        };
    }

    private static bool CheckNode(int id, int nodes, string file, int line, string field, DiagnosticBag bag)
    {
        if (id >= 1 && id <= nodes)
        {
            return true;
        }
        bag.Add(file, line, field, $"node {id} is outside 1..{nodes} (<NUMBER OF NODES>)");
        return false;
    }

    private static bool CheckRange(double value, double min, bool allowEqual, string file, int line, string field, DiagnosticBag bag)
    {
        if (value > min || (allowEqual && value == min))
        {
            return true;
        }
        bag.Add(file, line, field, allowEqual ? $"{TntpText.Format(value)} is negative" : $"{TntpText.Format(value)} must be positive");
        return false;
    }
}
