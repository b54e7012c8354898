namespace Caravan.Assignment;

/// <summary>
/// Measures the condition of proportionality on an origin-based solution. User-equilibrium link flows are unique but
/// route flows are not; proportionality (Bar-Gera, Boyce &amp; Nie 2012, "User-equilibrium route flows and the
/// condition of proportionality", Transportation Research B 46) picks the most likely ones: on every pair of
/// alternative segments (PAS, Bar-Gera 2010, "Traffic assignment by paired alternative segments", Transportation
/// Research B 44) — two link-disjoint segments from a diverge node to a merge node — every origin that travels through
/// the pair splits between the two segments in the same proportion. TAPAS enforces this; Algorithm B does not, so
/// its solutions report how far they are.
/// <para>
/// Definition used here. A link counts as used by an origin when its flow is above
/// <see cref="RelativeFlowTolerance"/> × the largest total link flow. PASs are read off the flows: at every node where
/// an origin has two used in-links or more, the in-link carrying most of its flow is paired with each other used one;
/// each is traced back along the origin's largest-flow in-links until the second trace meets the first, and that node
/// is the diverge node. The same is done once on the total flow of all origins, so that a pair on which each origin
/// keeps to one segment (the least proportional case) is found too. The origin's flow through a segment follows the proportional (approach-proportion) reading of
/// its link flows: its flow into the merge node × Π over the segment's links of (link flow / the origin's flow into
/// the link's head). For each PAS used by two origins or more: the PAS share S = Σ f₁ / Σ (f₁ + f₂) over origins, each
/// origin's share s = f₁ / (f₁ + f₂), and its deviation |s − S| weighted by its flow f₁ + f₂. The report gives the
/// flow-weighted mean and the largest deviation; both are 0 exactly when every shared PAS is proportional.
/// </para>
/// <para>
/// Bar-Gera, Boyce &amp; Nie evaluate the same condition on a solution by itself; this is our statistic for it, not a copy
/// of theirs. PASs are only those visible in the flows (both segments used, by one origin or by the total), one per
/// merge and pair of in-links per flow traced; a pair an origin uses only one side of still counts for that origin
/// (share 0 or 1).
/// </para>
/// </summary>
public static class RouteFlowProportionality
{
    /// <summary>Flow at or below this fraction of the largest total link flow counts as unused (rounding residue of the solver).</summary>
    public const double RelativeFlowTolerance = 1e-9;

    /// <summary>True when the algorithm keeps an origin-based solution, so its proportionality can be measured (Algorithm B).</summary>
    public static bool Supports(AssignmentAlgorithm algorithm) => algorithm == AssignmentAlgorithm.AlgorithmB;

    /// <summary>Measures proportionality of the origins' flows on <paramref name="network"/>.</summary>
    /// <exception cref="ArgumentException">A flow array has the wrong length, a flow is not finite, or the used links of an origin form a cycle.</exception>
    public static ProportionalityReport Measure(AssignmentNetwork network, IReadOnlyList<OriginLinkFlow> origins)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(origins);
        var links = network.LinkCount;
        var nodes = network.NodeCount;
        var total = new double[links];
        foreach (var o in origins)
        {
            if (o.LinkFlow.Length != links)
            {
                throw new ArgumentException($"origin {o.Origin + 1}: {o.LinkFlow.Length} link flows for {links} links");
            }
            for (var a = 0; a < links; a++)
            {
                var x = o.LinkFlow[a];
                if (!double.IsFinite(x))
                {
                    throw new ArgumentException($"origin {o.Origin + 1}: link {a + 1} has flow {x}, not a finite number");
                }
                total[a] += Math.Max(x, 0); // A solver's rounding may leave −1e-17: below the tolerance, unused like any tiny flow.
            }
        }
        var largest = 0.0;
        foreach (var x in total)
        {
            largest = Math.Max(largest, x);
        }
        var epsilon = RelativeFlowTolerance * largest;
        var finder = new PairedSegmentFinder(network, epsilon);
        foreach (var o in origins)
        {
            finder.Add(o.LinkFlow, o.Origin);
        }
        finder.Add(total, -1);
        return Evaluate(network, origins, finder.Pairs, epsilon);
    }

    private static ProportionalityReport Evaluate(AssignmentNetwork network, IReadOnlyList<OriginLinkFlow> origins, IReadOnlyList<PairedSegments> pairs, double epsilon)
    {
        var inflow = new double[network.NodeCount];
        var first = new double[pairs.Count];
        var both = new double[pairs.Count];
        var users = new int[pairs.Count];
        // Pass 1: each PAS's share over all origins. Pass 2: each origin's deviation from it.
        foreach (var o in origins)
        {
            Inflow(network, o.LinkFlow, epsilon, inflow);
            for (var p = 0; p < pairs.Count; p++)
            {
                if (SegmentFlows(pairs[p], network.Head, o.LinkFlow, inflow, epsilon, out var f1, out var f2))
                {
                    first[p] += f1;
                    both[p] += f1 + f2;
                    users[p]++;
                }
            }
        }
        var shared = 0;
        for (var p = 0; p < pairs.Count; p++)
        {
            if (users[p] >= 2)
            {
                shared++;
            }
        }
        var terms = 0;
        double sharedFlow = 0, offFlow = 0, maxDeviation = 0;
        ProportionalityTerm? worst = null;
        foreach (var o in origins)
        {
            Inflow(network, o.LinkFlow, epsilon, inflow);
            for (var p = 0; p < pairs.Count; p++)
            {
                if (users[p] < 2 || !SegmentFlows(pairs[p], network.Head, o.LinkFlow, inflow, epsilon, out var f1, out var f2))
                {
                    continue;
                }
                var flow = f1 + f2;
                var pairShare = first[p] / both[p];
                var share = f1 / flow;
                var deviation = Math.Abs(share - pairShare);
                terms++;
                sharedFlow += flow;
                offFlow += flow * deviation;
                if (worst is null || deviation > maxDeviation)
                {
                    maxDeviation = deviation;
                    var pair = pairs[p];
                    worst = new ProportionalityTerm(network.Tail[pair.First[0]], network.Head[pair.First[^1]], pair.First, pair.Second, o.Origin, o.ClassPosition, flow, share, pairShare);
                }
            }
        }
        return new ProportionalityReport(pairs.Count, shared, terms, sharedFlow, offFlow, sharedFlow > 0 ? offFlow / sharedFlow : 0, maxDeviation, worst);
    }

    /// <summary>Each node's inflow of one origin over its used links.</summary>
    private static void Inflow(AssignmentNetwork network, double[] flow, double epsilon, double[] inflow)
    {
        Array.Clear(inflow);
        var head = network.Head;
        for (var a = 0; a < flow.Length; a++)
        {
            if (flow[a] > epsilon)
            {
                inflow[head[a]] += flow[a];
            }
        }
    }

    /// <summary>One origin's flow on both segments of a pair (proportional reading); false when it does not travel through the pair.</summary>
    private static bool SegmentFlows(PairedSegments pair, int[] head, double[] flow, double[] inflow, double epsilon, out double first, out double second)
    {
        first = second = 0;
        if (flow[pair.First[0]] <= epsilon && flow[pair.Second[0]] <= epsilon)
        {
            return false; // Cheap test first: most origins do not leave the diverge node by either segment.
        }
        var through = inflow[pair.Merge];
        first = through * Proportion(pair.First, head, flow, inflow, epsilon);
        second = through * Proportion(pair.Second, head, flow, inflow, epsilon);
        return first + second > epsilon;
    }

    /// <summary>Π over a segment of each link's share of the origin's flow into its head.</summary>
    private static double Proportion(int[] segment, int[] head, double[] flow, double[] inflow, double epsilon)
    {
        var product = 1.0;
        foreach (var a in segment)
        {
            if (flow[a] <= epsilon)
            {
                return 0;
            }
            product *= flow[a] / inflow[head[a]];
        }
        return product;
    }
}
