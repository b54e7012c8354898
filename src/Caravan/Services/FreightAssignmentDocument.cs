using Caravan.Freight;
using Caravan.Model;
namespace Caravan.Services;

/// <summary>One OD flow of a freight run.</summary>
/// <param name="Line">Line of the demand row.</param>
/// <param name="Origin">Origin code.</param>
/// <param name="Destination">Destination code.</param>
/// <param name="Commodity">Class.</param>
/// <param name="Tonnes">Tonnes per year.</param>
/// <param name="FreeFlowHours">Hours of its cheapest option without queues.</param>
/// <param name="CongestedHours">Share-weighted hours of its options, queues (shadow price / value of time) included.</param>
/// <param name="CostUsdPerUnit">Share-weighted tariff per FEU (containers) or tonne.</param>
/// <param name="Corridor">The corridor with the largest share.</param>
/// <param name="Modes">Share per mode group.</param>
/// <param name="Corridors">Share per corridor.</param>
/// <param name="Logsum">Logsum of its choice.</param>
/// <param name="CompositeCostUsdPerTonne">The logsum as a cost (user benefit: tonnes × its fall).</param>
public sealed record OdFlowDocument(int Line, string Origin, string Destination, string Commodity, double Tonnes, double FreeFlowHours, double CongestedHours, double CostUsdPerUnit, string Corridor, IReadOnlyDictionary<string, double> Modes, IReadOnlyDictionary<string, double> Corridors, double Logsum, double CompositeCostUsdPerTonne);

/// <summary>
/// What <c>caravan assign --demand FILE --json</c> prints (and the web's assignment run summarises): how the
/// equilibrium ended, the bottlenecks, corridor volumes and every OD flow.
/// </summary>
/// <param name="Model">The freight model: <c>choice</c> (nested logit under binding capacities).</param>
/// <param name="Converged">Every element within capacity and every priced element full.</param>
/// <param name="StopReason">Converged or MaxIterations.</param>
/// <param name="RelativeGap">The capacity excess max(0, largest utilisation − 1).</param>
/// <param name="Objective">Total generalized cost, USD per year.</param>
/// <param name="TotalSystemTravelTime">Tonne-hours per year.</param>
/// <param name="Iterations">Iterations of the equilibrium.</param>
/// <param name="Seconds">Wall time.</param>
/// <param name="Year">Year of the network.</param>
/// <param name="DemandTonnes">Tonnes per year assigned.</param>
/// <param name="MaxUtilisation">Largest flow over capacity.</param>
/// <param name="Totals">Cost, hours, tonne-km and CO2e.</param>
/// <param name="Unserved">Rows without a route on this network.</param>
/// <param name="Bottlenecks">The most utilised elements.</param>
/// <param name="Corridors">Tonne-km per corridor.</param>
/// <param name="CorridorTonnes">Tonnes per corridor and class (a route counts for its main corridor).</param>
/// <param name="OdPairs">Per demand row.</param>
public sealed record FreightAssignmentDocument(string Model, bool Converged, string StopReason, double RelativeGap, double Objective, double TotalSystemTravelTime, int Iterations, double Seconds, int Year, double DemandTonnes, double MaxUtilisation, FreightTotals Totals, IReadOnlyList<UnservedDemand> Unserved, IReadOnlyList<BottleneckSummary> Bottlenecks, IReadOnlyList<CorridorVolume> Corridors, IReadOnlyList<Caravan.Freight.Choice.CorridorFlow> CorridorTonnes, IReadOnlyList<OdFlowDocument> OdPairs)
{
    /// <summary>The document of a run.</summary>
    public static FreightAssignmentDocument Of(FreightRun run, int top)
    {
        var r = run.Report.Result;
        var od = new OdFlowDocument[run.Demand.Count];
        for (var i = 0; i < od.Length; i++)
        {
            var o = run.Report.OdPairs[i];
            var m = run.Choice.ModalSplits[i];
            var l = run.Logsums[i];
            od[i] = new OdFlowDocument(o.Row.Line, m.Origin, m.Destination, m.Commodity.Name(), o.Row.Tonnes, o.FreeFlowHours, o.CongestedHours, o.CostUsdPerUnit, o.Corridor, m.GroupShares, m.CorridorShares, l.Logsum, l.CompositeCostUsdPerTonne);
        }
        return new FreightAssignmentDocument("choice", r.Converged, r.StopReason, r.RelativeGap, r.Objective, r.TotalSystemTravelTime, r.Iterations, r.Elapsed.TotalSeconds, run.Model.Options.Year, run.DemandTonnes, run.Solution.MaxUtilisation(), run.Totals, run.Unserved, AssignmentService.Bottlenecks(run, top), run.Report.Corridors, run.Choice.Corridors, od);
    }
}
