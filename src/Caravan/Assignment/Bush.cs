namespace Caravan.Assignment;

/// <summary>
/// An origin-based bush of Algorithm B: an acyclic subnetwork rooted at one origin (for one class) that
/// carries all of that origin's flow. Holds its link membership, its links grouped by head in a topological order
/// of the nodes it reaches, and its flow on each of those links. Flows are kept slot by slot with the link list, not
/// per network link. Label passes and flow shifts then read a bush's flows in the order they visit its links, which
/// made Algorithm B about a quarter faster on ChicagoSketch (bench/RESULTS.md). Memory ≈ bushes × (links × 1 byte +
/// bush links × 12 bytes + nodes × 8 bytes).
/// </summary>
internal sealed class Bush
{
    public Bush(int root, int classPosition, int classIndex, int origin, int nodeCount, int linkCount, int capacity)
    {
        Root = root;
        ClassPosition = classPosition;
        ClassIndex = classIndex;
        Origin = origin;
        Contains = new bool[linkCount];
        Order = new int[nodeCount];
        InLinkStart = new int[nodeCount + 1];
        InLinks = new int[Math.Max(capacity, 1)];
        Flow = new double[InLinks.Length];
    }

    /// <summary>
    /// Bush links grouped by head in topological order: the links into <c>Order[n]</c> are
    /// <c>InLinks[InLinkStart[n] .. InLinkStart[n+1]-1]</c>. Rebuilt with the order, so label passes read
    /// only bush links, sequentially, instead of filtering the whole backward star. Holds exactly the links of
    /// <see cref="Contains"/> from one bush update to the next (links are added and dropped only there), so
    /// readers need not test membership. Its length is a capacity, at least <see cref="LinkCount"/>.
    /// </summary>
    public int[] InLinks { get; private set; }

    /// <summary>This bush's flow on each of its links, slot by slot with <see cref="InLinks"/>.</summary>
    public double[] Flow { get; private set; }

    /// <summary>Start of each position's in-links in <see cref="InLinks"/>; length nodeCount + 1.</summary>
    public int[] InLinkStart { get; }

    /// <summary>Root node (the origin zone's node).</summary>
    public int Root { get; }
    /// <summary>Position of the class in the problem's class list.</summary>
    public int ClassPosition { get; }
    /// <summary>Bit index of the class in link masks.</summary>
    public int ClassIndex { get; }
    /// <summary>Origin zone.</summary>
    public int Origin { get; }
    /// <summary>Per network link: true if the link belongs to the bush.</summary>
    public bool[] Contains { get; }
    /// <summary>Reached nodes in topological order; the first <see cref="OrderCount"/> are valid, Order[0] = Root.</summary>
    public int[] Order { get; }
    /// <summary>Number of nodes the bush reaches.</summary>
    public int OrderCount { get; set; }
    /// <summary>Number of links in the bush (valid once <see cref="InLinkStart"/> is built).</summary>
    public int LinkCount => InLinkStart[OrderCount];

    /// <summary>
    /// Slots for <paramref name="count"/> links: a quarter more, so a bush that keeps adding shortcuts is not copied
    /// at every update, and never more than the network's <paramref name="linkCount"/>.
    /// </summary>
    public static int CapacityFor(int count, int linkCount) => Math.Max(count, Math.Min(linkCount, count + (count / 4) + 16));

    /// <summary>Makes room for <paramref name="count"/> links; the slots' contents are not kept (every caller rewrites them).</summary>
    public void EnsureCapacity(int count, int linkCount)
    {
        if (count <= InLinks.Length)
        {
            return;
        }
        var size = CapacityFor(count, linkCount);
        InLinks = new int[size];
        Flow = new double[size];
    }

    /// <summary>Adds this bush's flows to a per-network-link array.</summary>
    public void AddFlowTo(double[] linkFlow)
    {
        var links = InLinks;
        var flow = Flow;
        for (var k = 0; k < LinkCount; k++)
        {
            linkFlow[links[k]] += flow[k];
        }
    }
}
