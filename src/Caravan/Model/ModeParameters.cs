namespace Caravan.Model;

/// <summary>Per-mode defaults and plausibility bounds.</summary>
/// <param name="Mode">The mode.</param>
/// <param name="SpeedKmh">Default commercial speed.</param>
/// <param name="MinSpeedKmh">Lowest plausible link speed (validation).</param>
/// <param name="MaxSpeedKmh">Highest plausible link speed (validation).</param>
/// <param name="CostUsdPerFeuKm">Default container tariff per km.</param>
/// <param name="CostUsdPerTonneKm">Default tariff per tonne-km.</param>
/// <param name="Co2eKgPerTonneKm">Well-to-wheel emission intensity (ISO 14083 / GLEC).</param>
/// <param name="SourceIds">Ids of the sources the row cites.</param>
public sealed record ModeParameters(
    Mode Mode,
    double SpeedKmh,
    double MinSpeedKmh,
    double MaxSpeedKmh,
    double CostUsdPerFeuKm,
    double CostUsdPerTonneKm,
    double Co2eKgPerTonneKm,
    IReadOnlyList<string> SourceIds);
