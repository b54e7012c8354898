using Caravan.Assignment;

namespace Caravan.Tests.Assignment;

/// <summary>Hand-made networks with equilibria known in closed form.</summary>
internal static class SmallNetworks
{
    /// <summary>
    /// Braess's network with linear costs cost = t0 · (1 + α·x/c), c = 1, demand 6 from node 1 to node 4:
    /// <code>
    ///            (2)
    ///    1+10x  ↗   ↘  50+x
    ///         /      \
    ///      (1)  10+x  (4)
    ///         \   ↓   /
    ///    50+x  ↘     ↗  1+10x
    ///            (3)
    /// </code>
    /// Links (0-based ids): 0: 1→2 (1+10x), 1: 1→3 (50+x), 2: 2→4 (50+x), 3: 3→4 (1+10x), 4: 2→3 (10+x).
    /// By symmetry the outer paths carry f each and the zig-zag path g: 2f + g = 6 and
    /// 51 + 11f + 10g = 12 + 20f + 21g give f = 27/13, g = 24/13, every path costing 1200/13 ≈ 92.31.
    /// </summary>
    public static AssignmentProblem Braess()
    {
        int[] tail = [0, 0, 1, 2, 1];
        int[] head = [1, 2, 3, 3, 2];
        double[] t0 = [1, 50, 50, 1, 10];
        double[] slope = [10, 1, 1, 10, 1];
        return Linear(4, tail, head, t0, slope, [0, 3], [(0, 1, 6.0)]);
    }

    /// <summary>UE link flows of <see cref="Braess"/>.</summary>
    public static double[] BraessEquilibrium { get; } = [51.0 / 13, 27.0 / 13, 27.0 / 13, 51.0 / 13, 24.0 / 13];

    /// <summary>
    /// Two parallel links from node 1 to node 2, demand 10: cost₀ = 1 + x, cost₁ = 2 + 0.5x.
    /// Equal costs at 1 + x₀ = 2 + 0.5(10 − x₀): x₀ = 4, x₁ = 6, both costing 5.
    /// <code>
    ///        1 + x
    ///     ┌─────────┐
    ///   (1)         (2)
    ///     └─────────┘
    ///      2 + 0.5x
    /// </code>
    /// </summary>
    public static AssignmentProblem TwoLinks(ulong[]? allowedClasses = null, params (string Name, double Demand)[] classes)
    {
        if (classes.Length == 0)
        {
            classes = [("all", 10)];
        }
        var costs = LinearCosts([1, 2], [1, 0.5]);
        var network = new AssignmentNetwork(2, [0, 0], [1, 1], costs, [0, 1], null, allowedClasses);
        var demand = classes.Select((c, i) => new DemandClass(c.Name, i, new OdMatrix(2, [(0, 1, c.Demand)]))).ToArray();
        return new AssignmentProblem(network, demand);
    }

    /// <summary>A problem whose links have cost t0 + slope·x (BPR with power 1, capacity 1).</summary>
    public static AssignmentProblem Linear(int nodes, int[] tail, int[] head, double[] t0, double[] slope, int[] zoneNode, (int, int, double)[] demand)
    {
        var network = new AssignmentNetwork(nodes, tail, head, LinearCosts(t0, slope), zoneNode);
        return new AssignmentProblem(network, [new DemandClass("all", 0, new OdMatrix(zoneNode.Length, demand))]);
    }

    private static LinkCostModel LinearCosts(double[] t0, double[] slope)
    {
        var n = t0.Length;
        var alpha = new double[n];
        for (var a = 0; a < n; a++)
        {
            alpha[a] = slope[a] / t0[a];
        }
        return new LinkCostModel(t0, Enumerable.Repeat(1.0, n).ToArray(), alpha, Enumerable.Repeat(1.0, n).ToArray(), new double[n], new VolumeDelayKind[n]);
    }
}
