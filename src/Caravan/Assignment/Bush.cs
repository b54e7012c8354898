namespace Caravan.Assignment;

/// <summary>
/// An origin-based bush of Algorithm B: an acyclic subnetwork rooted at one origin (for one class) that
/// carries all of that origin's flow. Holds its link membership, its own link flows and a topological order of
/// the nodes it reaches. Dense per-link arrays: simple and fast for networks of TNTP size
/// (memory = bushes × links × 9 bytes).
/// </summary>
internal sealed class Bush
{
    public Bush(int root, int classPosition, int classIndex, int origin, int nodeCount, int linkCount)
    {
        Root = root;
        ClassPosition = classPosition;
        ClassIndex = classIndex;
        Origin = origin;
        Flow = new double[linkCount];
        Contains = new bool[linkCount];
        Order = new int[nodeCount];
        InLinkStart = new int[nodeCount + 1];
        InLinks = new int[Math.Max(linkCount, 1)];
    }

    /// <summary>
    /// Bush links grouped by head in topological order: the links into <c>Order[n]</c> are
    /// <c>InLinks[InLinkStart[n] .. InLinkStart[n+1]-1]</c>. Rebuilt with the order, so label passes read
    /// only bush links, sequentially, instead of filtering the whole backward star. Holds exactly the links of
    /// <see cref="Contains"/> from one bush update to the next (links are added and dropped only there), so
    /// readers need not test membership.
    /// </summary>
    public int[] InLinks { get; }

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
    /// <summary>This bush's flow per link (0 off the bush).</summary>
    public double[] Flow { get; }
    /// <summary>Per link: true if the link belongs to the bush.</summary>
    public bool[] Contains { get; }
    /// <summary>Reached nodes in topological order; the first <see cref="OrderCount"/> are valid, Order[0] = Root.</summary>
    public int[] Order { get; }
    /// <summary>Number of nodes the bush reaches.</summary>
    public int OrderCount { get; set; }
}
