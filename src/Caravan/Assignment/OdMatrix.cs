namespace Caravan.Assignment;

/// <summary>
/// Origin–destination demand between zones as a sparse matrix in compressed rows (0-based zones):
/// origin o's entries are <c>OriginStart[o] .. OriginStart[o+1]-1</c>. Only positive entries are stored.
/// </summary>
public sealed class OdMatrix
{
    /// <summary>Builds the matrix from entries; duplicates are summed, zeros dropped, negatives and non-finite values rejected.</summary>
    public OdMatrix(int zoneCount, IEnumerable<(int Origin, int Destination, double Demand)> entries)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(zoneCount);
        var rows = new SortedDictionary<int, double>[zoneCount];
        foreach (var (o, d, v) in entries)
        {
            if ((uint)o >= (uint)zoneCount || (uint)d >= (uint)zoneCount)
            {
                throw new ArgumentException($"OD entry ({o}, {d}) is outside zones 0..{zoneCount - 1}");
            }
            if (!double.IsFinite(v) || v < 0)
            {
                throw new ArgumentException($"OD entry ({o}, {d}) has invalid demand {v}");
            }
            if (v == 0)
            {
                continue;
            }
            var row = rows[o] ??= [];
            row[d] = row.GetValueOrDefault(d) + v;
        }
        OriginStart = new int[zoneCount + 1];
        var count = 0;
        for (var o = 0; o < zoneCount; o++)
        {
            count += rows[o]?.Count ?? 0;
            OriginStart[o + 1] = count;
        }
        Destination = new int[count];
        Demand = new double[count];
        var k = 0;
        for (var o = 0; o < zoneCount; o++)
        {
            if (rows[o] is null)
            {
                continue;
            }
            foreach (var (d, v) in rows[o])
            {
                Destination[k] = d;
                Demand[k++] = v;
            }
        }
        ZoneCount = zoneCount;
    }

    /// <summary>Number of zones.</summary>
    public int ZoneCount { get; }
    /// <summary>Row starts, length ZoneCount + 1.</summary>
    public int[] OriginStart { get; }
    /// <summary>Destination zone per entry.</summary>
    public int[] Destination { get; }
    /// <summary>Demand per entry.</summary>
    public double[] Demand { get; }

    /// <summary>Sum of all demand.</summary>
    public double Total => Demand.Sum();

    /// <summary>True if origin <paramref name="origin"/> sends any demand.</summary>
    public bool HasDemandFrom(int origin) => OriginStart[origin + 1] > OriginStart[origin];
}
