using Caravan.Model;
using Caravan.Scenarios;

namespace Caravan.Appraisal;

/// <summary>
/// An appraisal sweep as its spec file states it: candidate projects, futures, appraisal years, discounting and how
/// portfolios are chosen. Read with <see cref="SweepSpecReader"/>; every field is checked there, so a spec in hand is valid.
/// </summary>
public sealed record SweepSpec
{
    /// <summary>Name of the sweep.</summary>
    public required string Name { get; init; }

    /// <summary>What it appraises.</summary>
    public required string Description { get; init; }

    /// <summary>The spec file as the user named it (for diagnostics and the run store).</summary>
    public required string File { get; init; }

    /// <summary>SHA-256 of the spec's canonical JSON.</summary>
    public required string SpecHash { get; init; }

    /// <summary>
    /// The do-minimum overlays, base-most first: what the network is without any candidate (e.g. planned links of the
    /// candidates pushed past the horizon); empty when the data folder as it is serves as do-nothing.
    /// </summary>
    public required IReadOnlyList<Overlay> Reference { get; init; }

    /// <summary>The candidate projects, at most <see cref="SweepLimits.MaxProjects"/>.</summary>
    public required IReadOnlyList<CandidateProject> Projects { get; init; }

    /// <summary>The futures, drawn or listed.</summary>
    public required IReadOnlyList<Future> Futures { get; init; }

    /// <summary>Appraisal years, ascending: each stands for the calendar years up to the next one (the last up to <see cref="HorizonYear"/>).</summary>
    public required IReadOnlyList<int> Years { get; init; }

    /// <summary>Last year whose benefits count.</summary>
    public required int HorizonYear { get; init; }

    /// <summary>Year to which money is discounted (year 0 of the appraisal).</summary>
    public required int PriceBaseYear { get; init; }

    /// <summary>Real discount rate per year (0.06 = 6%).</summary>
    public required double DiscountRate { get; init; }

    /// <summary>How portfolios are chosen.</summary>
    public required PortfolioStrategy Strategy { get; init; }

    /// <summary>Demand file (null: the data folder's demand/eurasia-2024.csv).</summary>
    public string? DemandFile { get; init; }

    /// <summary>Choice parameters file (null: the data folder's demand/choice-parameters.csv).</summary>
    public string? ParametersFile { get; init; }
}

/// <summary>One candidate project: an overlay on the network with its capital cost and opening year.</summary>
/// <param name="Id">Short id (letters, digits, '-', '_').</param>
/// <param name="Name">Human name.</param>
/// <param name="Overlays">The overlays that build it (a data/scenarios-style file and its basedOn chain, base-most first).</param>
/// <param name="CapitalCostUsd">Capital cost, USD (undiscounted, spent in the opening year).</param>
/// <param name="OpeningYear">First year in service: runs of earlier years leave it out.</param>
/// <param name="Sources">Source ids (data/sources.csv) of the cost and the year.</param>
public sealed record CandidateProject(string Id, string Name, IReadOnlyList<Overlay> Overlays, double CapitalCostUsd, int OpeningYear, IReadOnlyList<string> Sources);

/// <summary>One future: how demand, tariffs and border dwell differ from the base.</summary>
/// <param name="Id">Id (<c>f01</c> for drawn futures).</param>
/// <param name="DemandGrowthPerYear">Annual demand growth per commodity class from the demand's base year (0.03 = 3% a year); a class not named does not grow.</param>
/// <param name="TariffFactor">Factor on the tariffs of the links of each corridor label; a corridor not named keeps its tariffs.</param>
/// <param name="BorderDwellFactor">Factor on the dwell hours (median and p90) of every border crossing.</param>
public sealed record Future(string Id, IReadOnlyDictionary<Commodity, double> DemandGrowthPerYear, IReadOnlyDictionary<string, double> TariffFactor, double BorderDwellFactor);

/// <summary>How the portfolios of a sweep are chosen.</summary>
public enum PortfolioStrategyKind : byte
{
    /// <summary>Every subset of the projects (2^n; at most <see cref="SweepLimits.MaxEnumeratedProjects"/> projects).</summary>
    All,
    /// <summary>The empty and full portfolios, every single project, and N further subsets drawn with a seed.</summary>
    Sample,
    /// <summary>Greedy forward search: from do-nothing, add the project that raises expected NPV most, while one does.</summary>
    Greedy,
}

/// <summary>The portfolio strategy of a spec.</summary>
/// <param name="Kind">Enumerate, sample or search.</param>
/// <param name="Count">For sample: subsets drawn beyond the fixed ones.</param>
/// <param name="Seed">For sample: the seed.</param>
public sealed record PortfolioStrategy(PortfolioStrategyKind Kind, int Count = 0, ulong Seed = 0);

/// <summary>The limits of a sweep spec, each in one place.</summary>
public static class SweepLimits
{
    /// <summary>Most candidate projects in a spec (a portfolio is a 64-bit set).</summary>
    public const int MaxProjects = 40;

    /// <summary>Most projects for <c>all</c> (2^16 = 65,536 portfolios).</summary>
    public const int MaxEnumeratedProjects = 16;

    /// <summary>Most futures.</summary>
    public const int MaxFutures = 1000;

    /// <summary>Most appraisal years.</summary>
    public const int MaxYears = 20;

    /// <summary>Most sampled portfolios.</summary>
    public const int MaxSampled = 100_000;

    /// <summary>Earliest and latest year accepted anywhere in a spec.</summary>
    public const int MinYear = 2000, MaxYear = 2100;
}
