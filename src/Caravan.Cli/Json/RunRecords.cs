using Caravan.Comparison;
using Caravan.Export;
using Caravan.Freight;

namespace Caravan.Cli.Json;

// What `--save` keeps in the run store (parameters, summaries, rows), as named records so they serialize from
// source-generated metadata under native AOT. Property names are the JSON names (camelCase) the store has held.

/// <summary>A comparison's parameters.</summary>
internal sealed record ComparisonRunParameters(string Objective, int Year, string Pairs);

/// <summary>A comparison's summary.</summary>
internal sealed record ComparisonRunSummary(int Pairs, int Skipped, int Faster, int Slower, int Lost, int Gained, double MeanDeltaHours, IReadOnlyList<TargetCheck> Targets);

/// <summary>A route's parameters.</summary>
internal sealed record RouteRunParameters(
    string From, string To, string Commodity, double Quantity, string Objective, IReadOnlyList<string> AvoidCountries,
    IReadOnlyList<string> AvoidModes, IReadOnlyList<string> AvoidPlaces, int Year, int? MaxTransfers);

/// <summary>A route's summary.</summary>
internal sealed record RouteRunSummary(string Corridor, TotalsDocument Totals);

/// <summary>A freight assignment's parameters.</summary>
internal sealed record FreightRunParameters(string Demand, string DemandHash, int Year, string Algorithm);

/// <summary>A bottleneck in a freight assignment's summary.</summary>
internal sealed record FreightRunBottleneck(string Id, string From, string To, double? Utilisation, double FlowTonnes);

/// <summary>A freight assignment's summary.</summary>
internal sealed record FreightRunSummary(
    bool Converged, string StopReason, double RelativeGap, double Objective, double TotalSystemTravelTime, int Iterations, double Seconds,
    IReadOnlyList<FreightRunBottleneck> Bottlenecks, IReadOnlyList<CorridorVolume> Corridors);

/// <summary>One loaded link direction of a freight assignment.</summary>
internal sealed record FreightRunLink(string Id, string Kind, string Mode, string From, string To, string Corridor, double FlowTonnes, double? CapacityTonnes, double? Utilisation, double FreeFlowHours, double CongestedHours);

/// <summary>One OD row of a freight assignment.</summary>
internal sealed record FreightRunOd(int Line, double Tonnes, double FreeFlowHours, double CongestedHours, double CostUsdPerUnit, string Corridor);

/// <summary>A TNTP assignment's parameters.</summary>
internal sealed record TntpRunParameters(string Tntp, string Algorithm);

/// <summary>A TNTP assignment's summary.</summary>
internal sealed record TntpRunSummary(bool Converged, string StopReason, double RelativeGap, double Objective, double TotalSystemTravelTime, int Iterations, double Seconds);

/// <summary>One link of a TNTP assignment.</summary>
internal sealed record TntpRunLink(int Link, double Flow, double Cost);
