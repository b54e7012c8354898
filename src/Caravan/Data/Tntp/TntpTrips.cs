namespace Caravan.Data.Tntp;

/// <summary>
/// The content of a TNTP <c>_trips</c> file as a sparse matrix in compressed rows: the entries of origin
/// <c>o</c> (1-based) are at indices <c>OriginStart[o-1] .. OriginStart[o]-1</c>. Zero entries are kept out.
/// </summary>
public sealed class TntpTrips
{
    /// <summary>Number of zones.</summary>
    public required int ZoneCount { get; init; }
    /// <summary><c>&lt;TOTAL OD FLOW&gt;</c> as declared in the header, if present.</summary>
    public double? DeclaredTotal { get; init; }
    /// <summary>Row starts, length ZoneCount + 1.</summary>
    public required int[] OriginStart { get; init; }
    /// <summary>Destination zone per entry, 1-based, ascending within a row.</summary>
    public required int[] Destination { get; init; }
    /// <summary>Demand per entry (positive).</summary>
    public required double[] Demand { get; init; }

    /// <summary>Sum of all entries.</summary>
    public double Total
    {
        get
        {
            var sum = 0.0;
            foreach (var d in Demand)
            {
                sum += d;
            }
            return sum;
        }
    }

    /// <summary>Demand from origin to destination (1-based), 0 when absent.</summary>
    public double Get(int origin, int destination)
    {
        for (var k = OriginStart[origin - 1]; k < OriginStart[origin]; k++)
        {
            if (Destination[k] == destination)
            {
                return Demand[k];
            }
        }
        return 0;
    }
}
