namespace Caravan.Data.Tntp;

/// <summary>
/// Reads a TNTP <c>_trips</c> file (<c>Origin o</c> blocks of <c>d : demand;</c> entries), collecting every
/// problem with file, line and field before failing.
/// </summary>
public static class TntpTripsReader
{
    /// <summary>
    /// Largest demand of one OD pair: far above any real network (trips per hour of a whole country) and small
    /// enough that sums of demand × cost stay finite in the solvers.
    /// </summary>
    public const double MaxDemand = 1e15;

    /// <summary>Upper bound on the zone count accepted from a header.</summary>
    public const int MaxZones = 1_000_000;

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="CaravanDataException">The file is missing or malformed; all problems are listed.</exception>
    public static TntpTrips Read(string path)
    {
        using var reader = TntpFiles.Open(path);
        return Read(reader, path);
    }

    /// <summary>Reads from <paramref name="reader"/>, naming <paramref name="file"/> in diagnostics.</summary>
    /// <exception cref="CaravanDataException">The content is malformed; all problems are listed.</exception>
    public static TntpTrips Read(TextReader reader, string file)
    {
        var bag = new DiagnosticBag();
        var lines = new LineSource(reader);
        var meta = TntpMetadata.Read(lines, file, bag);
        var zones = meta.GetInt("NUMBER OF ZONES", true, 1, MaxZones, file, bag) ?? 0;
        var declaredTotal = meta.GetDouble("TOTAL OD FLOW", file, bag);

        // Zero demands are kept here too, so a pair given twice is found whatever its demands; they are left out below.
        var entries = new List<(int Origin, int Destination, double Demand)>();
        // Trip tables come in order (origins ascending, destinations ascending within each), and while they do a
        // repeated pair is impossible, so no set is kept. The first pair out of order starts one with every pair so far.
        HashSet<(int Origin, int Destination)>? seen = null;
        var tokens = new List<Range>(64);
        var origin = 0;
        while (lines.NextLine(out var line))
        {
            TntpText.Tokenize(line, tokens);
            var at = lines.LineNumber;
            var i = 0;
            while (i < tokens.Count)
            {
                var token = line[tokens[i]];
                if (TntpText.Is(token, ';'))
                {
                    i++;
                    continue;
                }
                if (token.Equals("Origin", StringComparison.OrdinalIgnoreCase))
                {
                    origin = 0;
                    if (i + 1 >= tokens.Count)
                    {
                        bag.Add(file, at, "origin", "'Origin' without a zone number");
                        break;
                    }
                    if (TntpText.TryParseInt(line[tokens[i + 1]], file, at, "origin", bag, out var o))
                    {
                        if (zones > 0 && (o < 1 || o > zones))
                        {
                            bag.Add(file, at, "origin", $"zone {o} is outside 1..{zones} (<NUMBER OF ZONES>)");
                        }
                        else
                        {
                            origin = o;
                        }
                    }
                    else
                    {
                        origin = -1; // Malformed origin: skip its entries silently, the origin line is already reported.
                    }
                    i += 2;
                    continue;
                }
                if (i + 2 >= tokens.Count || !TntpText.Is(line[tokens[i + 1]], ':'))
                {
                    bag.Add(file, at, "destination", $"expected 'destination : demand', found '{TntpText.Shorten(token.ToString())}'");
                    break;
                }
                var okDest = TntpText.TryParseInt(token, file, at, "destination", bag, out var d);
                var okDemand = TntpText.TryParseFinite(line[tokens[i + 2]], file, at, "demand", bag, out var demand);
                i += 3;
                if (origin == 0)
                {
                    bag.Add(file, at, "origin", "demand entry before any 'Origin' line");
                    continue;
                }
                if (origin < 0 || !okDest || !okDemand)
                {
                    continue;
                }
                if (zones > 0 && (d < 1 || d > zones))
                {
                    bag.Add(file, at, "destination", $"zone {d} is outside 1..{zones} (<NUMBER OF ZONES>)");
                    continue;
                }
                if (demand < 0)
                {
                    bag.Add(file, at, "demand", $"{TntpText.Format(demand)} is negative");
                    continue;
                }
                if (demand > MaxDemand)
                {
                    bag.Add(file, at, "demand", $"{TntpText.Format(demand)} is above {TntpText.Format(MaxDemand)}, the largest demand accepted");
                    continue;
                }
                if (seen is null && entries.Count > 0 && !IsAfter(origin, d, entries[^1]))
                {
                    seen = new HashSet<(int, int)>(entries.Count);
                    foreach (var e in entries)
                    {
                        seen.Add((e.Origin, e.Destination));
                    }
                }
                // The key must not depend on the header's zone count: with the header rejected (zones 0), origin and
                // destination would fold together and every second block would read as "given twice".
                if (seen is not null && !seen.Add((origin, d)))
                {
                    bag.Add(file, at, "destination", $"demand from {origin} to {d} is given twice");
                    continue;
                }
                entries.Add((origin, d, demand));
            }
        }
        bag.ThrowIfErrors();
        if (seen is not null)
        {
            entries.Sort((a, b) => a.Origin != b.Origin ? a.Origin.CompareTo(b.Origin) : a.Destination.CompareTo(b.Destination));
        }
        var kept = 0;
        foreach (var e in entries)
        {
            kept += e.Demand > 0 ? 1 : 0;
        }
        var start = new int[zones + 1];
        var destination = new int[kept];
        var flow = new double[kept];
        var k = 0;
        foreach (var e in entries)
        {
            if (e.Demand > 0)
            {
                start[e.Origin]++;
                destination[k] = e.Destination;
                flow[k++] = e.Demand;
            }
        }
        for (var z = 1; z <= zones; z++)
        {
            start[z] += start[z - 1];
        }
        return new TntpTrips { ZoneCount = zones, DeclaredTotal = declaredTotal, OriginStart = start, Destination = destination, Demand = flow };
    }

    /// <summary>Whether the pair (<paramref name="origin"/>, <paramref name="destination"/>) comes after <paramref name="last"/> in (origin, destination) order.</summary>
    private static bool IsAfter(int origin, int destination, (int Origin, int Destination, double Demand) last) =>
        origin > last.Origin || (origin == last.Origin && destination > last.Destination);
}
