namespace Caravan.Freight;

/// <summary>How a freight equilibrium ended, in the terms every door reports (<c>"converged"</c> in JSON and saved runs).</summary>
/// <param name="Converged">True when the equilibrium met its target (choice model: every element within capacity and every priced element full).</param>
/// <param name="StopReason">Converged or MaxIterations (or the solver's reason for the single-cost assignment).</param>
/// <param name="RelativeGap">Choice model: the capacity excess max(0, largest utilisation − 1); single-cost assignment: its relative gap.</param>
/// <param name="Objective">Choice model: total generalized cost at the equilibrium, USD per year; single-cost assignment: the Beckmann objective.</param>
/// <param name="TotalSystemTravelTime">Choice model: tonne-hours per year; single-cost assignment: its TSTT.</param>
/// <param name="Iterations">Iterations of the equilibrium.</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record FreightEquilibrium(bool Converged, string StopReason, double RelativeGap, double Objective, double TotalSystemTravelTime, int Iterations, TimeSpan Elapsed);
