namespace Caravan.Assignment;

/// <summary>A network plus the demand classes to assign on it.</summary>
public sealed class AssignmentProblem
{
    /// <summary>Creates and checks the problem: class indices in 0..63 and distinct, matrices sized to the zones.</summary>
    public AssignmentProblem(AssignmentNetwork network, IReadOnlyList<DemandClass> classes)
    {
        if (classes.Count == 0)
        {
            throw new ArgumentException("at least one demand class is needed");
        }
        ulong seen = 0;
        foreach (var c in classes)
        {
            if ((uint)c.Index > 63 || (seen & (1UL << c.Index)) != 0)
            {
                throw new ArgumentException($"class '{c.Name}' has index {c.Index}: indices must be distinct and in 0..63");
            }
            seen |= 1UL << c.Index;
            if (c.Demand.ZoneCount != network.ZoneCount)
            {
                throw new ArgumentException($"class '{c.Name}' has {c.Demand.ZoneCount} zones, the network {network.ZoneCount}");
            }
        }
        Network = network;
        Classes = classes;
    }

    /// <summary>The network.</summary>
    public AssignmentNetwork Network { get; }
    /// <summary>The demand classes.</summary>
    public IReadOnlyList<DemandClass> Classes { get; }
}
