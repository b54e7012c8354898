namespace Caravan.Assignment;

/// <summary>
/// The network an assignment runs on: dense 0-based node and link ids, link arrays (struct-of-arrays) and a
/// forward star (CSR) built once. Immutable after construction; safe to share between threads.
/// Zones are nodes: <see cref="ZoneNode"/> maps zone index to node. Nodes with <see cref="BlocksThrough"/>
/// set may start or end trips but never be passed through (TNTP zones below the first thru node, or a
/// freight region's centroid that must not become a shortcut).
/// </summary>
public sealed class AssignmentNetwork
{
    /// <summary>Builds the network and its forward/backward stars; validates every array.</summary>
    /// <param name="nodeCount">Number of nodes; node ids are 0..nodeCount-1.</param>
    /// <param name="tail">Tail node per link.</param>
    /// <param name="head">Head node per link.</param>
    /// <param name="costs">Cost model per link (volume-delay function + fixed cost).</param>
    /// <param name="zoneNode">Node of each zone (demand matrices are indexed by zone).</param>
    /// <param name="blocksThrough">Per node: true if no path may pass through it; null = none blocks.</param>
    /// <param name="allowedClasses">Per link: bit k set if demand class k may use it; null = all classes everywhere.</param>
    public AssignmentNetwork(int nodeCount, int[] tail, int[] head, LinkCostModel costs, int[] zoneNode, bool[]? blocksThrough = null, ulong[]? allowedClasses = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        if (head.Length != tail.Length || costs.LinkCount != tail.Length)
        {
            throw new ArgumentException("tail, head and cost model must describe the same number of links");
        }
        if (allowedClasses is not null && allowedClasses.Length != tail.Length)
        {
            throw new ArgumentException("allowedClasses must have one entry per link");
        }
        if (blocksThrough is not null && blocksThrough.Length != nodeCount)
        {
            throw new ArgumentException("blocksThrough must have one entry per node");
        }
        for (var a = 0; a < tail.Length; a++)
        {
            if ((uint)tail[a] >= (uint)nodeCount || (uint)head[a] >= (uint)nodeCount)
            {
                throw new ArgumentException($"link {a} refers to a node outside 0..{nodeCount - 1}");
            }
        }
        foreach (var node in zoneNode)
        {
            if ((uint)node >= (uint)nodeCount)
            {
                throw new ArgumentException($"zone node {node} is outside 0..{nodeCount - 1}");
            }
        }
        NodeCount = nodeCount;
        Tail = tail;
        Head = head;
        Costs = costs;
        ZoneNode = zoneNode;
        BlocksThrough = blocksThrough ?? new bool[nodeCount];
        AllowedClasses = allowedClasses;
        (OutStart, OutLink) = BuildStar(nodeCount, tail);
        (InStart, InLink) = BuildStar(nodeCount, head);
    }

    /// <summary>Number of nodes.</summary>
    public int NodeCount { get; }
    /// <summary>Number of links.</summary>
    public int LinkCount => Tail.Length;
    /// <summary>Number of zones.</summary>
    public int ZoneCount => ZoneNode.Length;
    /// <summary>Tail node per link.</summary>
    public int[] Tail { get; }
    /// <summary>Head node per link.</summary>
    public int[] Head { get; }
    /// <summary>Cost model per link.</summary>
    public LinkCostModel Costs { get; }
    /// <summary>Node per zone.</summary>
    public int[] ZoneNode { get; }
    /// <summary>Per node: true if paths may start or end but not pass there.</summary>
    public bool[] BlocksThrough { get; }
    /// <summary>Per link class mask, or null when every class may use every link.</summary>
    public ulong[]? AllowedClasses { get; }
    /// <summary>Forward star: links leaving node n are <c>OutLink[OutStart[n] .. OutStart[n+1]-1]</c>.</summary>
    public int[] OutStart { get; }
    /// <summary>Forward star link ids, grouped by tail.</summary>
    public int[] OutLink { get; }
    /// <summary>Backward star: links entering node n are <c>InLink[InStart[n] .. InStart[n+1]-1]</c>.</summary>
    public int[] InStart { get; }
    /// <summary>Backward star link ids, grouped by head.</summary>
    public int[] InLink { get; }

    /// <summary>True if demand class <paramref name="classIndex"/> may use link <paramref name="link"/>.</summary>
    public bool Allows(int link, int classIndex) => AllowedClasses is null || (AllowedClasses[link] & (1UL << classIndex)) != 0;

    private static (int[] Start, int[] Links) BuildStar(int nodeCount, int[] endpoint)
    {
        var start = new int[nodeCount + 1];
        foreach (var n in endpoint)
        {
            start[n + 1]++;
        }
        for (var n = 0; n < nodeCount; n++)
        {
            start[n + 1] += start[n];
        }
        var next = start[..^1].ToArray();
        var links = new int[endpoint.Length];
        for (var a = 0; a < endpoint.Length; a++)
        {
            links[next[endpoint[a]]++] = a;
        }
        return (start, links);
    }
}
