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
        Array.Fill(Position, -1);
    }

    /// <summary>Shortest cost from the root within the bush.</summary>
    public double[] MinCost { get; }
    /// <summary>Longest cost from the root over used links; −∞ where no used path arrives.</summary>
    public double[] MaxCost { get; }
    /// <summary>Longest cost from the root over all bush links: a potential under which adding shortcuts cannot close a cycle.</summary>
    public double[] Potential { get; }
    /// <summary>Last link of the shortest bush path per node; -1 at the root.</summary>
    public int[] MinPred { get; }
    /// <summary>Last link of the longest (used) bush path per node; -1 at the root or where no flow arrives.</summary>
    public int[] MaxPred { get; }
    /// <summary>Position of each node in the current bush's topological order; -1 if not reached.</summary>
    public int[] Position { get; }
    /// <summary>In-degree counters for Kahn's algorithm.</summary>
    public int[] InDegree { get; }
    /// <summary>Links that point backwards in the current order, checked for addition once all potentials are known.</summary>
    public int[] BackwardCandidates { get; }
    /// <summary>Queue for Kahn's algorithm.</summary>
    public int[] Queue { get; }
}
