using Caravan.Services;

namespace Caravan.Skims;

/// <summary>A reach query as a user writes it: one origin, a budget (<c>10d</c>, <c>5000usd</c>) and route options.</summary>
[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicProperties)]
public sealed record ReachQuery
{
    /// <summary>The origin: code, name or alias.</summary>
    [QueryField(FieldKind.Text, "Origin: code, name or alias", Required = true)]
    public string? From { get; init; }

    /// <summary>The budget: 10d, 240h, 5000usd or 3000kg (CO2e).</summary>
    [QueryField(FieldKind.Text, "Budget: 10d, 240h, 5000usd or 3000kg (CO2e)", Required = true)]
    public string? Within { get; init; }

    /// <summary>What each path minimises (default: the budget's criterion).</summary>
    [QueryField(FieldKind.Text, "What each path minimises: time, cost, co2 or recommended (default: the budget's criterion)")]
    public string? Objective { get; init; }

    /// <summary>The cargo (default container).</summary>
    [QueryField(FieldKind.Text, "container (default), air-cargo, dry-bulk, liquid-bulk, gas")]
    public string? Cargo { get; init; }

    /// <summary>Countries to avoid.</summary>
    [QueryField(FieldKind.List, "Countries to avoid, ISO codes separated by commas")]
    public string? Avoid { get; init; }

    /// <summary>Modes to avoid.</summary>
    [QueryField(FieldKind.List, "Modes to avoid, separated by commas")]
    public string? AvoidModes { get; init; }

    /// <summary>Year of travel.</summary>
    [QueryField(FieldKind.Integer, "Year of travel (default: this year)")]
    public string? Year { get; init; }
}

/// <summary>A parsed reach query: origin, budget and the search template, or the errors.</summary>
/// <param name="Origin">Origin place index (-1 on errors).</param>
/// <param name="Budget">The budget.</param>
/// <param name="Template">Commodity, objective and constraints (null on errors).</param>
/// <param name="Errors">Every problem, each naming its field.</param>
[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicProperties)]
public sealed record ReachQueryResult(int Origin, ReachBudget Budget, SkimRequest? Template, IReadOnlyList<EngineError> Errors);

/// <summary>Parses reach queries with the matrix parser's rules (and so the route parser's).</summary>
public sealed class ReachQueryParser(SkimQueryParser skims)
{
    /// <summary>Parses a query.</summary>
    public ReachQueryResult Parse(ReachQuery query, int defaultYear)
    {
        var errors = new List<EngineError>();
        var budgetOk = ReachBudget.TryParse(query.Within, out var budget, out var budgetError);
        if (!budgetOk)
        {
            errors.Add(string.IsNullOrWhiteSpace(query.Within)
                ? new EngineError(ErrorCode.MissingValue, "within", "is required: " + budgetError)
                : EngineError.Invalid("within", $"'{Clip(query.Within!)}': {budgetError}"));
        }
        if (query.From is { } f && (f.Contains(',', StringComparison.Ordinal) || f.Trim().Equals(SkimQueryParser.All, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(EngineError.Invalid("from", "reach starts from one place"));
        }
        var objective = string.IsNullOrWhiteSpace(query.Objective) && budgetOk ? Reach.ObjectiveFor(budget).ToString().ToLowerInvariant() : query.Objective;
        var parsed = skims.Parse(new SkimQuery
        {
            From = query.From,
            To = SkimQueryParser.All,
            Objective = objective,
            Cargo = query.Cargo,
            Avoid = query.Avoid,
            AvoidModes = query.AvoidModes,
            Year = query.Year,
        }, defaultYear);
        errors.AddRange(parsed.Errors);
        if (errors.Count > 0 || parsed.Request is null)
        {
            return new ReachQueryResult(-1, budget, null, errors);
        }
        return new ReachQueryResult(parsed.Request.Origins[0], budget, parsed.Request, errors);
    }

    private static string Clip(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
