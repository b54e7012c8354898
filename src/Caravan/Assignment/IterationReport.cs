namespace Caravan.Assignment;

/// <summary>Convergence after one iteration.</summary>
/// <param name="Iteration">1-based iteration number.</param>
/// <param name="RelativeGap">(TSTT − SPTT) / TSTT at the current flows.</param>
/// <param name="Objective">Beckmann objective Σ ∫₀^v cost.</param>
/// <param name="TotalSystemTravelTime">TSTT = Σ flow · cost (generalized cost units · flow units).</param>
/// <param name="Elapsed">Wall-clock time since the start of the run.</param>
public readonly record struct IterationReport(int Iteration, double RelativeGap, double Objective, double TotalSystemTravelTime, TimeSpan Elapsed);
