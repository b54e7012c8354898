namespace Caravan.Routing.Queries;

/// <summary>
/// A route query as people and programs write it: every field is text, exactly as typed on the command line or
/// sent in a URL, so one parser (<see cref="RouteQueryParser"/>) checks it the same way everywhere.
/// </summary>
public sealed record RouteQuery
{
    /// <summary>Origin: code, name or alias.</summary>
    public string? From { get; init; }

    /// <summary>Destination: code, name or alias.</summary>
    public string? To { get; init; }

    /// <summary>container, air-cargo, dry-bulk, liquid-bulk or gas; default container.</summary>
    public string? Cargo { get; init; }

    /// <summary>FEU for containers, tonnes otherwise; default 1.</summary>
    public string? Quantity { get; init; }

    /// <summary>Countries to avoid, ISO alpha-2, separated by commas.</summary>
    public string? Avoid { get; init; }

    /// <summary>Modes to avoid, separated by commas (<c>Rail</c> for both gauges).</summary>
    public string? AvoidModes { get; init; }

    /// <summary>Places to avoid, separated by commas.</summary>
    public string? AvoidPlaces { get; init; }

    /// <summary>time, cost, co2 or generalized; default time.</summary>
    public string? Optimize { get; init; }

    /// <summary>Year of travel; default the current year.</summary>
    public string? Year { get; init; }

    /// <summary>Maximum number of transfers; default none.</summary>
    public string? MaxTransfers { get; init; }

    /// <summary>USD per hour per unit, for generalized cost; default 10.</summary>
    public string? ValueOfTime { get; init; }

    /// <summary>USD per kg CO2e, for generalized cost; default 0.1.</summary>
    public string? CarbonPrice { get; init; }
}
