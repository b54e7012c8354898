namespace Caravan.Assignment;

/// <summary>How far a solution's link flows are from a reference (e.g. a best-known TNTP solution).</summary>
/// <param name="ReferenceTotalSystemTravelTime">TSTT of the reference flows under the problem's cost model.</param>
/// <param name="RelativeTstTDifference">|TSTT − reference TSTT| / reference TSTT.</param>
/// <param name="ReferenceRelativeGap">Relative gap of the reference flows under the problem's cost model (a check on the cost model itself).</param>
/// <param name="MaxAbsoluteFlowDifference">Largest |flow − reference flow| over links.</param>
/// <param name="WorstLink">Link with that difference (0-based), or -1 when there are no links.</param>
/// <param name="WorstLinkFlow">Flow on that link.</param>
/// <param name="WorstLinkReferenceFlow">Reference flow on that link.</param>
public sealed record SolutionComparison(
    double ReferenceTotalSystemTravelTime,
    double RelativeTstTDifference,
    double ReferenceRelativeGap,
    double MaxAbsoluteFlowDifference,
    int WorstLink,
    double WorstLinkFlow,
    double WorstLinkReferenceFlow)
{
    /// <summary>Compares <paramref name="flow"/> with <paramref name="reference"/> (both indexed by link) under <paramref name="problem"/>'s costs.</summary>
    public static SolutionComparison Compare(AssignmentProblem problem, ReadOnlySpan<double> flow, double[] reference)
    {
        var network = problem.Network;
        var links = network.LinkCount;
        if (flow.Length != links || reference.Length != links)
        {
            throw new ArgumentException("flow and reference must have one value per link");
        }
        var cost = new double[links];
        network.Costs.Costs(reference, cost);
        var referenceTstt = Convergence.TotalSystemTravelTime(reference, cost);
        var sptt = new AllOrNothingLoader(problem, new OriginWork(problem), 1).ShortestPathTravelTime(cost);
        var tstt = 0.0;
        var worst = -1;
        var worstDifference = 0.0;
        for (var a = 0; a < links; a++)
        {
            tstt += flow[a] * network.Costs.Cost(a, flow[a]);
            var difference = Math.Abs(flow[a] - reference[a]);
            if (worst < 0 || difference > worstDifference)
            {
                worst = a;
                worstDifference = difference;
            }
        }
        return new SolutionComparison(
            referenceTstt,
            referenceTstt > 0 ? Math.Abs(tstt - referenceTstt) / referenceTstt : Math.Abs(tstt),
            Convergence.RelativeGap(referenceTstt, sptt),
            worstDifference,
            worst,
            worst >= 0 ? flow[worst] : 0,
            worst >= 0 ? reference[worst] : 0);
    }
}
