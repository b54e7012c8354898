using Caravan.Routing;

namespace Caravan.Services;

/// <summary>One problem in an error document.</summary>
/// <param name="Code">The stable error code.</param>
/// <param name="Field">The query field (camelCase), or empty for the whole query.</param>
/// <param name="Message">A sentence without the field name.</param>
public sealed record IssueDocument(ErrorCode Code, string Field, string Message);

/// <summary>A suggested place in an error document.</summary>
/// <param name="Code">Place code.</param>
/// <param name="Name">Name.</param>
/// <param name="Country">ISO country code.</param>
public sealed record SuggestedPlace(string Code, string Name, string Country);

/// <summary>
/// What a failed request answers, built once here: <c>caravan ... --json</c> prints it (exit 2), the web API puts its
/// members into the RFC 7807 problem (as extension members) and picks the status from <see cref="Code"/>.
/// </summary>
public sealed record ErrorDocument
{
    /// <summary>The code of the first problem (the one that decides the HTTP status).</summary>
    public required ErrorCode Code { get; init; }

    /// <summary>Every problem with its code and field.</summary>
    public required IReadOnlyList<IssueDocument> Issues { get; init; }

    /// <summary>Messages per field (the shape of ASP.NET's validation problems).</summary>
    public required IReadOnlyDictionary<string, string[]> Errors { get; init; }

    /// <summary>Per field: nearest places for unknown places, nearest names for unknown parameters.</summary>
    public IReadOnlyDictionary<string, object>? Suggestions { get; init; }

    /// <summary>For <see cref="ErrorCode.NoRoute"/>: the constraints each of which, lifted alone, lets a route through.</summary>
    public IReadOnlyList<BlockingConstraint>? Blocking { get; init; }

    /// <summary>Builds the document for a non-empty list of errors.</summary>
    public static ErrorDocument From(IReadOnlyList<EngineError> errors)
    {
        var suggestions = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var e in errors)
        {
            if (e.Places.Count > 0)
            {
                suggestions.TryAdd(e.Field, e.Places.Select(p => new SuggestedPlace(p.Code, p.Name, p.Country)).ToArray());
            }
            else if (e.Names.Count > 0)
            {
                suggestions.TryAdd(e.Field, e.Names.ToArray());
            }
        }
        var blocking = errors.SelectMany(e => e.Blocking).ToList();
        return new ErrorDocument
        {
            Code = Decisive(errors),
            Issues = errors.Select(e => new IssueDocument(e.Code, e.Field, e.Message)).ToList(),
            Errors = errors.Where(e => e.Field.Length > 0).GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal),
            Suggestions = suggestions.Count > 0 ? suggestions : null,
            Blocking = errors.Any(e => e.Code == ErrorCode.NoRoute) ? blocking : null,
        };
    }

    /// <summary>
    /// The code that decides the answer: an unknown parameter first (the query is not the one meant), then unknown
    /// places (with suggestions), then any other problem in the order found.
    /// </summary>
    public static ErrorCode Decisive(IReadOnlyList<EngineError> errors)
    {
        foreach (var code in (ReadOnlySpan<ErrorCode>)[ErrorCode.UnknownParameter, ErrorCode.UnknownScenario, ErrorCode.UnknownPlace, ErrorCode.AmbiguousPlace])
        {
            foreach (var e in errors)
            {
                if (e.Code == code)
                {
                    return code;
                }
            }
        }
        return errors[0].Code;
    }

    /// <summary>A sentence naming every problem with the host's spelling of each field.</summary>
    public static string Describe(IReadOnlyList<EngineError> errors, Func<string, string> fieldName) =>
        string.Join("; ", errors.Select(e => e.Field.Length > 0 ? $"{fieldName(e.Field)}: {e.Message}" : e.Message));
}
