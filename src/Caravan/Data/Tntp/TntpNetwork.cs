namespace Caravan.Data.Tntp;

/// <summary>
/// The content of a TNTP <c>_net</c> file: one entry per link in file order, node ids 1-based as in the file.
/// Time units are the file's own (minutes for the standard networks).
/// </summary>
public sealed record TntpNetwork
{
    /// <summary>Number of zones (origins/destinations), numbered 1..ZoneCount.</summary>
    public required int ZoneCount { get; init; }
    /// <summary>Number of nodes, numbered 1..NodeCount.</summary>
    public required int NodeCount { get; init; }
    /// <summary>First node that may carry through traffic; zones below it are only origins or destinations.</summary>
    public required int FirstThruNode { get; init; }
    /// <summary>Tail (from) node per link, 1-based.</summary>
    public required int[] Tail { get; init; }
    /// <summary>Head (to) node per link, 1-based.</summary>
    public required int[] Head { get; init; }
    /// <summary>Capacity per link, in the file's flow units (vehicles per hour for the standard networks).</summary>
    public required double[] Capacity { get; init; }
    /// <summary>Length per link, in the file's distance units.</summary>
    public required double[] Length { get; init; }
    /// <summary>Free-flow travel time per link, in the file's time units.</summary>
    public required double[] FreeFlowTime { get; init; }
    /// <summary>BPR coefficient b (often written alpha) per link.</summary>
    public required double[] B { get; init; }
    /// <summary>BPR power per link.</summary>
    public required double[] Power { get; init; }
    /// <summary>Speed per link (informational).</summary>
    public required double[] Speed { get; init; }
    /// <summary>Toll per link, in the file's money units.</summary>
    public required double[] Toll { get; init; }
    /// <summary>Link type per link (informational).</summary>
    public required int[] LinkType { get; init; }
    /// <summary><c>&lt;DISTANCE FACTOR&gt;</c> from the header, if present (time units per distance unit).</summary>
    public double? DistanceFactor { get; init; }
    /// <summary><c>&lt;TOLL FACTOR&gt;</c> from the header, if present (time units per money unit).</summary>
    public double? TollFactor { get; init; }

    /// <summary>Line of each link in the <c>_net</c> file, for diagnostics; null when the network was not read from a file.</summary>
    public int[]? LineNumber { get; init; }

    /// <summary>Number of links.</summary>
    public int LinkCount => Tail.Length;
}
