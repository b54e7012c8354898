namespace Caravan.Assignment;

/// <summary>Scratch arrays for processing one bush at a time, allocated once per worker.</summary>
internal sealed class BushWorkspace
{
    public BushWorkspace(int nodeCount, int linkCount)
    {
        MinCost = new double[nodeCount];
        MaxCost = new double[nodeCount];
        Potential = new double[nodeCount];
        MinPred = new int[nodeCount];
        MaxPred = new int[nodeCount];
        Position = new int[nodeCount];
        InDegree = new int[nodeCount];
        Queue = new int[nodeCount];
        BackwardCandidates = new int[Math.Max(linkCount, 1)];
        NewLinks = new int[Math.Max(linkCount, 1)];
        NewFlow = new double[Math.Max(linkCount, 1)];
        LinkFlow = new double[Math.Max(linkCount, 1)];
        Array.Fill(Position, -1);
    }

    /// <summary>Shortest cost from the root within the bush.</summary>
    public double[] MinCost { get; }
    /// <summary>Longest cost from the root over used links; −∞ where no used path arrives.</summary>
    public double[] MaxCost { get; }
    /// <summary>Longest cost from the root over all bush links: a potential under which adding shortcuts cannot close a cycle.</summary>
    public double[] Potential { get; }
    /// <summary>Slot (index into the bush's <see cref="Bush.InLinks"/>) of the last link of the shortest bush path per node; -1 at the root.</summary>
    public int[] MinPred { get; }
    /// <summary>Slot of the last link of the longest (used) bush path per node; -1 at the root or where no flow arrives.</summary>
    public int[] MaxPred { get; }
    /// <summary>Position of each node in the current bush's topological order; -1 if not reached.</summary>
    public int[] Position { get; }
    /// <summary>In-degree counters for Kahn's algorithm.</summary>
    public int[] InDegree { get; }
    /// <summary>Links that point backwards in the current order, checked for addition once all potentials are known.</summary>
    public int[] BackwardCandidates { get; }
    /// <summary>A bush's links as an update rewrites them, before they are copied back into the bush.</summary>
    public int[] NewLinks { get; }
    /// <summary>Their flows, slot by slot with <see cref="NewLinks"/>.</summary>
    public double[] NewFlow { get; }
    /// <summary>Per network link: a bush's flows spread out while its links are regrouped; all zero between uses.</summary>
    public double[] LinkFlow { get; }
    /// <summary>Queue for Kahn's algorithm.</summary>
    public int[] Queue { get; }
}
