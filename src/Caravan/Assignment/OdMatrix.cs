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
        // Sort by one (origin, destination) key, then merge duplicates: O(n log n) without per-row dictionaries.
        var keys = new List<long>();
        var values = new List<double>();
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
            if (v > 0)
            {
                keys.Add(((long)o * zoneCount) + d);
                values.Add(v);
            }
        }
        var keyArray = keys.ToArray();
        var valueArray = values.ToArray();
        Array.Sort(keyArray, valueArray);
        var count = 0;
        for (var k = 0; k < keyArray.Length; k++)
        {
            if (count > 0 && keyArray[count - 1] == keyArray[k])
            {
                valueArray[count - 1] += valueArray[k];
                continue;
            }
            keyArray[count] = keyArray[k];
            valueArray[count++] = valueArray[k];
        }
        OriginStart = new int[zoneCount + 1];
        Destination = new int[count];
        Demand = new double[count];
        for (var k = 0; k < count; k++)
        {
            var origin = (int)(keyArray[k] / zoneCount);
            Destination[k] = (int)(keyArray[k] % zoneCount);
            Demand[k] = valueArray[k];
            OriginStart[origin + 1]++;
        }
        for (var o = 0; o < zoneCount; o++)
        {
            OriginStart[o + 1] += OriginStart[o];
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
