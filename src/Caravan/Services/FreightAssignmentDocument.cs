using Caravan.Assignment;
using Caravan.Freight;
using Caravan.Freight.Choice;
using Caravan.Model;
namespace Caravan.Services;

/// <summary>State of a freight assignment run.</summary>
public enum AssignmentStatus
{
    /// <summary>Solving.</summary>
    Running,

    /// <summary>Finished with a report.</summary>
    Done,

    /// <summary>Stopped with an error.</summary>
    Failed,

    /// <summary>Stopped because its host shut down.</summary>
    Cancelled,
}

/// <summary>Who ran an assignment, on what, and how it stands: the parts of the document that are not the solver's.</summary>
/// <param name="Id">The run's id (a server's run; null on the command line).</param>
/// <param name="Demand">The demand set's name (its file name without <c>.csv</c>).</param>
/// <param name="Scenario">The scenario it runs on.</param>
/// <param name="Year">Year of travel.</param>
/// <param name="Status">Its state.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Started">When it started.</param>
public sealed record AssignmentRunHeader(string? Id, string Demand, string Scenario, int Year, AssignmentStatus Status, string? Error, DateTimeOffset Started)
{
    /// <summary>The state's name in the documents: running, done, failed or cancelled.</summary>
    public static string Name(AssignmentStatus status) => status switch
    {
        AssignmentStatus.Running => "running",
        AssignmentStatus.Done => "done",
        AssignmentStatus.Failed => "failed",
        _ => "cancelled",
    };
}

/// <summary>A <c>progress</c> event of an assignment run (the web's server-sent events).</summary>
/// <param name="Iteration">The iteration.</param>
/// <param name="RelativeGap">Its relative gap (null while not finite).</param>
/// <param name="ElapsedSeconds">Solver time so far, to the millisecond.</param>
public sealed record AssignmentProgress(int Iteration, double? RelativeGap, double ElapsedSeconds)
{
    /// <summary>The event of an iteration.</summary>
    public static AssignmentProgress Of(IterationReport report) =>
        new(report.Iteration, double.IsFinite(report.RelativeGap) ? report.RelativeGap : null, Math.Round(report.Elapsed.TotalSeconds, 3));
}

/// <summary>The <c>done</c> event of an assignment run.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="Status">done, failed or cancelled.</param>
/// <param name="Error">Why it failed.</param>
public sealed record AssignmentDone(string? Id, string Status, string? Error)
{
    /// <summary>The event of a run that ended.</summary>
    public static AssignmentDone Of(AssignmentRunHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return new(header.Id, AssignmentRunHeader.Name(header.Status), header.Error);
    }
}
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
/// The one document of a freight assignment run, built here for every door: what <c>caravan assign --demand FILE
/// --json</c> prints and what <c>GET /api/assignments/{id}</c> answers — who ran it on what, how the equilibrium
/// ended, the bottlenecks, corridor volumes, every OD flow and the link flows as GeoJSON. The solver's figures are
/// null while a run is still solving (or when it failed); <see cref="Iterations"/>, <see cref="RelativeGap"/> and
/// <see cref="Seconds"/> follow its progress.
/// </summary>
/// <param name="Id">The run's id (a server's run; null on the command line).</param>
/// <param name="Demand">The demand set's name.</param>
/// <param name="Scenario">The scenario it runs on.</param>
/// <param name="Year">Year of travel.</param>
/// <param name="Status">running, done, failed or cancelled.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Started">When it started.</param>
/// <param name="Model">The freight model: <c>choice</c> (nested logit under binding capacities).</param>
/// <param name="Converged">Every element within capacity and every priced element full (once done).</param>
/// <param name="StopReason">Converged or MaxIterations (once done).</param>
/// <param name="Iterations">Iterations of the equilibrium (so far).</param>
/// <param name="RelativeGap">The capacity excess max(0, largest utilisation − 1) (the last one).</param>
/// <param name="Seconds">Solver wall time (so far).</param>
/// <param name="Objective">Total generalized cost, USD per year.</param>
/// <param name="TotalSystemTravelTime">Tonne-hours per year.</param>
/// <param name="MaxUtilisation">Largest flow over capacity.</param>
/// <param name="DemandTonnes">Tonnes per year assigned.</param>
/// <param name="Totals">Cost, hours, tonne-km and CO2e.</param>
/// <param name="Unserved">Rows without a route on this network.</param>
/// <param name="Bottlenecks">The most utilised elements.</param>
/// <param name="Corridors">Tonne-km per corridor.</param>
/// <param name="CorridorTonnes">Tonnes per corridor and class (a route counts for its main corridor).</param>
/// <param name="OdPairs">Per demand row.</param>
/// <param name="Flows">Link flows as GeoJSON (<see cref="AssignmentService.Flows"/>).</param>
public sealed record FreightAssignmentDocument(
    string? Id, string Demand, string Scenario, int Year, string Status, string? Error, DateTimeOffset Started, string Model,
    bool? Converged, string? StopReason, int Iterations, double? RelativeGap, double Seconds, double? Objective, double? TotalSystemTravelTime,
    double? MaxUtilisation, double? DemandTonnes, FreightTotals? Totals, IReadOnlyList<UnservedDemand>? Unserved,
    IReadOnlyList<BottleneckSummary>? Bottlenecks, IReadOnlyList<CorridorVolume>? Corridors, IReadOnlyList<CorridorFlow>? CorridorTonnes,
    IReadOnlyList<OdFlowDocument>? OdPairs, FlowFeatureCollection? Flows)
{
    /// <summary>
    /// The document of a run: its header, its report once done (null while solving or after a failure) and the
    /// last iteration reported so far (for a run still solving).
    /// </summary>
    /// <param name="header">Who ran it on what, and its state.</param>
    /// <param name="run">The finished run, or null.</param>
    /// <param name="last">The last iteration reported, or null before the first.</param>
    /// <param name="top">Bottlenecks listed.</param>
    public static FreightAssignmentDocument Of(AssignmentRunHeader header, FreightRun? run, IterationReport? last, int top)
    {
        ArgumentNullException.ThrowIfNull(header);
        var status = AssignmentRunHeader.Name(header.Status);
        if (run is null)
        {
            return new FreightAssignmentDocument(
                header.Id, header.Demand, header.Scenario, header.Year, status, header.Error, header.Started, "choice",
                null, null, last?.Iteration ?? 0, last is { } l && double.IsFinite(l.RelativeGap) ? l.RelativeGap : null, last?.Elapsed.TotalSeconds ?? 0, null, null,
                null, null, null, null, null, null, null, null, null);
        }
        var r = run.Report.Result;
        var od = new OdFlowDocument[run.Demand.Count];
        for (var i = 0; i < od.Length; i++)
        {
            var o = run.Report.OdPairs[i];
            var m = run.Choice.ModalSplits[i];
            var g = run.Logsums[i];
            od[i] = new OdFlowDocument(o.Row.Line, m.Origin, m.Destination, m.Commodity.Name(), o.Row.Tonnes, o.FreeFlowHours, o.CongestedHours, o.CostUsdPerUnit, o.Corridor, m.GroupShares, m.CorridorShares, g.Logsum, g.CompositeCostUsdPerTonne);
        }
        return new FreightAssignmentDocument(
            header.Id, header.Demand, header.Scenario, header.Year, status, header.Error, header.Started, "choice",
            r.Converged, r.StopReason, r.Iterations, r.RelativeGap, r.Elapsed.TotalSeconds, r.Objective, r.TotalSystemTravelTime,
            run.Solution.MaxUtilisation(), run.DemandTonnes, run.Totals, run.Unserved,
            AssignmentService.Bottlenecks(run, top), run.Report.Corridors, run.Choice.Corridors, od, AssignmentService.Flows(run));
    }
}
