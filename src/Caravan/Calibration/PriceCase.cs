using Caravan.Model;

namespace Caravan.Calibration;

/// <summary>Which side of the calibration a published rate is on.</summary>
public enum CalibrationSplit : byte
{
    /// <summary>A rate the tariffs in <c>data/</c> were derived from: reported, never used to judge the model.</summary>
    Fit,

    /// <summary>A rate no tariff was derived from: the model is judged on these.</summary>
    Test,
}

/// <summary>A published, dated rate for one unit of cargo between two places (one row of <c>rates.csv</c>).</summary>
/// <param name="Id">Case id.</param>
/// <param name="From">Origin as written (code, name or alias).</param>
/// <param name="To">Destination as written.</param>
/// <param name="Commodity">What the rate is for; containers are priced per FEU, everything else per tonne.</param>
/// <param name="AllowedModes">Modes the priced service uses (empty = any).</param>
/// <param name="Corridor">Corridor the priced service runs through (empty = any).</param>
/// <param name="AvoidCountries">Countries the priced service avoided (e.g. the Red Sea diversion: EG, YE).</param>
/// <param name="Year">Year of the rate.</param>
/// <param name="Date">When the rate was published or observed, as the source dates it (free text, e.g. 2024-01-11 or 2024 H2).</param>
/// <param name="RateLowUsd">Low end of the published rate, USD per unit.</param>
/// <param name="RateHighUsd">High end (equal to the low end for a single figure).</param>
/// <param name="Basis">What the rate covers: port-to-port, terminal-to-terminal, section or door-to-door.</param>
/// <param name="Split">Fitting or test side.</param>
/// <param name="SourceIds">Sources.</param>
/// <param name="Notes">Notes.</param>
/// <param name="Line">Line in the rates file.</param>
public sealed record PriceCase(
    string Id,
    string From,
    string To,
    Commodity Commodity,
    IReadOnlySet<Mode> AllowedModes,
    string Corridor,
    IReadOnlySet<string> AvoidCountries,
    int Year,
    string Date,
    double RateLowUsd,
    double RateHighUsd,
    string Basis,
    CalibrationSplit Split,
    IReadOnlyList<string> SourceIds,
    string Notes,
    int Line)
{
    /// <summary>The midpoint of the published range, the value a prediction is scored against.</summary>
    public double MidpointUsd => 0.5 * (RateLowUsd + RateHighUsd);
}
