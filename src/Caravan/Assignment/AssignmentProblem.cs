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

    /// <summary>
    /// Largest Σ flow · cost the solvers accept: a bound that keeps every sum of them (total travel time, Beckmann
    /// objective, gap) finite with room to spare.
    /// </summary>
    public const double MaxTotalCost = 1e300;

    /// <summary>The network.</summary>
    public AssignmentNetwork Network { get; }

    /// <summary>Demand of all classes together: no link can carry more in any solution (paths are acyclic).</summary>
    public double TotalDemand
    {
        get
        {
            var total = 0.0;
            foreach (var c in Classes)
            {
                total += c.Demand.Total;
            }
            return total;
        }
    }

    /// <summary>
    /// The links whose cost could not be computed in finite arithmetic at some feasible flow: cost or derivative at
    /// <see cref="TotalDemand"/> (the most a link can carry) not finite, or cost × total demand × link count above
    /// <see cref="MaxTotalCost"/>. Costs grow with flow, so a link that passes is finite at every flow the solvers
    /// reach. Empty for every sound network; a capacity of 1e-100 or a demand of 1e100 is caught here rather than
    /// becoming NaN or a broken shortest path inside a solver.
    /// </summary>
    public IReadOnlyList<int> LinksWithoutFiniteCost()
    {
        var demand = TotalDemand;
        var costs = Network.Costs;
        var bad = new List<int>();
        var limit = MaxTotalCost / Math.Max(1, costs.LinkCount);
        for (var a = 0; a < costs.LinkCount; a++)
        {
            costs.CostAndDerivative(a, demand, out var cost, out var derivative);
            if (!double.IsFinite(demand) || !double.IsFinite(cost) || !double.IsFinite(derivative) || !(cost * demand <= limit))
            {
                bad.Add(a);
            }
        }
        return bad;
    }
    /// <summary>The demand classes.</summary>
    public IReadOnlyList<DemandClass> Classes { get; }
}
