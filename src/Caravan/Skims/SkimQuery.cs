namespace Caravan.Skims;

/// <summary>
/// A skim matrix as a user writes it (CLI options, API body): origin and destination lists (codes, names or aliases,
/// comma-separated, or <c>all</c>) and the route options a matrix shares with a route query.
/// </summary>
public sealed record SkimQuery
{
    /// <summary>Origins: comma-separated places, or <c>all</c>.</summary>
    public string? From { get; init; }

    /// <summary>Destinations: comma-separated places, or <c>all</c>.</summary>
    public string? To { get; init; }

    /// <summary>container (default), air-cargo, dry-bulk, liquid-bulk or gas.</summary>
    public string? Cargo { get; init; }

    /// <summary>recommended (default), time, cost or co2.</summary>
    public string? Objective { get; init; }

    /// <summary>Countries to avoid, ISO alpha-2.</summary>
    public string? Avoid { get; init; }

    /// <summary>Modes to avoid.</summary>
    public string? AvoidModes { get; init; }

    /// <summary>Places to avoid.</summary>
    public string? AvoidPlaces { get; init; }

    /// <summary>Year of travel.</summary>
    public string? Year { get; init; }

    /// <summary>Value of time, USD per unit-hour.</summary>
    public string? ValueOfTime { get; init; }

    /// <summary>Carbon price, USD per kg CO2e.</summary>
    public string? CarbonPrice { get; init; }
}
