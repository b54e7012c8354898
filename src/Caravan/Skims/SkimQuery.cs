using Caravan.Services;

namespace Caravan.Skims;

/// <summary>
/// A skim matrix as a user writes it (CLI options, API body): origin and destination lists (codes, names or aliases,
/// comma-separated, or <c>all</c>) and the route options a matrix shares with a route query.
/// </summary>
[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicProperties)]
public sealed record SkimQuery
{
    /// <summary>Origins: comma-separated places, or <c>all</c>.</summary>
    [QueryField(FieldKind.List, "Origins: places separated by commas (code, name or alias), or all", Required = true)]
    public string? From { get; init; }

    /// <summary>Destinations: comma-separated places, or <c>all</c>.</summary>
    [QueryField(FieldKind.List, "Destinations: places separated by commas, or all", Required = true)]
    public string? To { get; init; }

    /// <summary>container (default), air-cargo, dry-bulk, liquid-bulk or gas.</summary>
    [QueryField(FieldKind.Text, "container (default; figures per FEU), air-cargo, dry-bulk, liquid-bulk, gas (per tonne)")]
    public string? Cargo { get; init; }

    /// <summary>recommended (default), time, cost or co2.</summary>
    [QueryField(FieldKind.Text, "What each pair's path minimises: recommended (generalized cost, the default), time, cost or co2")]
    public string? Objective { get; init; }

    /// <summary>Countries to avoid, ISO alpha-2.</summary>
    [QueryField(FieldKind.List, "Countries to avoid, ISO codes separated by commas")]
    public string? Avoid { get; init; }

    /// <summary>Modes to avoid.</summary>
    [QueryField(FieldKind.List, "Modes to avoid, separated by commas")]
    public string? AvoidModes { get; init; }

    /// <summary>Places to avoid.</summary>
    [QueryField(FieldKind.List, "Places to avoid, separated by commas")]
    public string? AvoidPlaces { get; init; }

    /// <summary>Year of travel.</summary>
    [QueryField(FieldKind.Integer, "Year of travel (default: this year)")]
    public string? Year { get; init; }

    /// <summary>Value of time, USD per unit-hour.</summary>
    [QueryField(FieldKind.Number, "USD per hour per unit for the generalized cost")]
    public string? ValueOfTime { get; init; }

    /// <summary>Carbon price, USD per kg CO2e.</summary>
    [QueryField(FieldKind.Number, "USD per kg CO2e for the generalized cost")]
    public string? CarbonPrice { get; init; }
}
