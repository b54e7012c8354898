namespace Caravan.Services;

// Annotated so the fields of a derived query (read through GetType()) survive trimming and native AOT.
/// <summary>
/// A route query as people and programs write it: every field is text, exactly as typed on the command line or
/// sent in a URL, so one parser (<see cref="RouteQueryParser"/>) checks it the same way through every door. The CLI
/// builds its options from these properties (<c>--avoid-modes</c>), the web binds them by name (<c>avoidModes</c>).
/// </summary>
[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicProperties)]
public record RouteQuery
{
    /// <summary>Origin: code, name or alias.</summary>
    [QueryField(FieldKind.Text, "Origin: code, name or alias (\"Xi'an\", xian, 西安, CNXIY)", Required = true)]
    public string? From { get; set; }

    /// <summary>Destination: code, name or alias.</summary>
    [QueryField(FieldKind.Text, "Destination: code, name or alias", Required = true)]
    public string? To { get; set; }

    /// <summary>container, air-cargo, dry-bulk, liquid-bulk or gas; default container.</summary>
    [QueryField(FieldKind.Text, "container (quantity in FEU, default; value classes container-low, container-high), air-cargo, dry-bulk, liquid-bulk, gas (quantity in tonnes)")]
    public string? Cargo { get; set; }

    /// <summary>FEU for containers, tonnes otherwise; default 1.</summary>
    [QueryField(FieldKind.Number, "FEU for containers, tonnes otherwise (default 1)")]
    public string? Quantity { get; set; }

    /// <summary>Countries to avoid, ISO alpha-2, separated by commas.</summary>
    [QueryField(FieldKind.List, "Countries to avoid, ISO 3166-1 alpha-2 codes separated by commas (RU,BY)")]
    public string? Avoid { get; set; }

    /// <summary>Modes to avoid, separated by commas (<c>Rail</c> for both gauges).</summary>
    [QueryField(FieldKind.List, "Modes to avoid, separated by commas: Rail1435, Rail1520, Road, Sea, Ferry, Air, PipelineOil, PipelineGas, or Rail for both gauges")]
    public string? AvoidModes { get; set; }

    /// <summary>Places to avoid, separated by commas.</summary>
    [QueryField(FieldKind.List, "Places to avoid, separated by commas")]
    public string? AvoidPlaces { get; set; }

    /// <summary>recommended (generalized cost, the default), time, cost or co2.</summary>
    [QueryField(FieldKind.Text, "recommended (default: generalized cost = USD + value of time × hours + carbon price × CO2e), time, cost or co2")]
    public string? Optimize { get; set; }

    /// <summary>Year of travel; default the engine clock's current year.</summary>
    [QueryField(FieldKind.Integer, "Year of travel; planned links count from their opening year (default: this year)")]
    public string? Year { get; set; }

    /// <summary>Maximum number of transfers; default none.</summary>
    [QueryField(FieldKind.Integer, "Maximum number of transfers, gauge changes included (default: no limit)")]
    public string? MaxTransfers { get; set; }

    /// <summary>USD per hour per unit, for generalized cost.</summary>
    [QueryField(FieldKind.Number, "USD per hour per unit for the generalized cost (default 20 per FEU, 1 per tonne)")]
    public string? ValueOfTime { get; set; }

    /// <summary>USD per kg CO2e, for generalized cost.</summary>
    [QueryField(FieldKind.Number, "USD per kg CO2e for the generalized cost (default 0.07, about the 2024 EU ETS price)")]
    public string? CarbonPrice { get; set; }
}

/// <summary>A plan query: a route query plus how to present the choice (options, dates, alternatives, explanations, search limits).</summary>
public sealed record RoutePlanQuery : RouteQuery
{
    /// <summary>Most options to list, keeping the spread.</summary>
    [QueryField(FieldKind.Integer, "Most Pareto options to list, keeping the spread (1–20, default 8)")]
    public string? MaxOptions { get; set; }

    /// <summary>Departure, ISO 8601.</summary>
    [QueryField(FieldKind.DateTime, "Departure, ISO 8601: 2026-12-01T08:00 is the origin's local time (UTC where the data have no time zones), or give an offset (2026-12-01T08:00+08:00, Z); uses weekly timetables and dates each leg in local time")]
    public string? Depart { get; set; }

    /// <summary>Arrival deadline, ISO 8601.</summary>
    [QueryField(FieldKind.DateTime, "Arrival deadline, ISO 8601, the destination's local time unless an offset is given: each option gets its on-time probability")]
    public string? Deadline { get; set; }

    /// <summary>How many substantially different routes to add.</summary>
    [QueryField(FieldKind.Integer, "Also list this many substantially different routes, limited overlap (0–10, default 0)")]
    public string? Alternatives { get; set; }

    /// <summary>true to say why the other corridors lost.</summary>
    [QueryField(FieldKind.Boolean, "Say why the other corridors lost")]
    public string? Explain { get; set; }

    /// <summary>Label limit of the Pareto search.</summary>
    [QueryField(FieldKind.Integer, "Label limit of the Pareto search (default 500,000, at most 2,000,000)")]
    public string? MaxLabels { get; set; }

    /// <summary>Time limit of the search, seconds.</summary>
    [QueryField(FieldKind.Number, "Time limit of the search in seconds (default 5, at most 30)")]
    public string? TimeLimit { get; set; }

    /// <summary>ε-dominance slack.</summary>
    [QueryField(FieldKind.Number, "ε-dominance slack (0 = exact Pareto set, the default; 0.01 keeps options 1% apart)")]
    public string? Epsilon { get; set; }
}
