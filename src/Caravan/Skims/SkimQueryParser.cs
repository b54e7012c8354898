using Caravan.Model;
using Caravan.Services;

namespace Caravan.Skims;

/// <summary>The outcome of parsing a <see cref="SkimQuery"/>: the request, or every error found.</summary>
/// <param name="Request">The request; null when there are errors.</param>
/// <param name="Errors">Every problem, each naming its field.</param>
/// <param name="Warnings">Things worth telling that do not stop the matrix.</param>
public sealed record SkimQueryResult(SkimRequest? Request, IReadOnlyList<EngineError> Errors, IReadOnlyList<EngineWarning> Warnings);

/// <summary>
/// Turns a <see cref="SkimQuery"/> into a <see cref="SkimRequest"/>. Places resolve and the shared options (cargo,
/// objective, avoidances, year, weights) are checked by <see cref="RouteQueryParser"/>, so a matrix accepts exactly
/// what a route accepts, with the same messages.
/// </summary>
public sealed class SkimQueryParser(Network network, RouteQueryParser routeParser)
{
    /// <summary>Most places in one list (the embedded network has a few hundred; <c>all</c> is always accepted).</summary>
    public const int MaxPlaces = 2_000;

    /// <summary>Most cells (origins × destinations) in one matrix: bounds memory (six figures per cell; the embedded network's full square is about 81,000).</summary>
    public const int MaxCells = 250_000;

    /// <summary>The keyword for every place of the network.</summary>
    public const string All = "all";

    /// <summary>Parses a query; <paramref name="defaultYear"/> applies when it gives no year.</summary>
    public SkimQueryResult Parse(SkimQuery query, int defaultYear)
    {
        var errors = new List<EngineError>();
        var origins = Places("from", query.From, errors);
        var destinations = Places("to", query.To, errors);
        if (origins.Count > 0 && destinations.Count > 0 && (long)origins.Count * destinations.Count > MaxCells)
        {
            errors.Add(EngineError.Invalid("to", $"{origins.Count} × {destinations.Count} = {(long)origins.Count * destinations.Count} cells; at most {MaxCells} are computed in one matrix"));
        }
        if (network.Places.Count < 2)
        {
            errors.Add(EngineError.Invalid("from", "the network has fewer than two places"));
            return new SkimQueryResult(null, errors, []);
        }
        // The shared options are checked by the route parser on a stand-in pair of places, so the rules live once.
        var shared = routeParser.Parse(new RouteQuery
        {
            From = network.Places[0].Code,
            To = network.Places[1].Code,
            Cargo = query.Cargo,
            Optimize = query.Objective,
            Avoid = query.Avoid,
            AvoidModes = query.AvoidModes,
            AvoidPlaces = query.AvoidPlaces,
            Year = string.IsNullOrWhiteSpace(query.Year) ? defaultYear.ToString(System.Globalization.CultureInfo.InvariantCulture) : query.Year,
            ValueOfTime = query.ValueOfTime,
            CarbonPrice = query.CarbonPrice,
        });
        foreach (var e in shared.Errors)
        {
            errors.Add(e.Field == "optimize" ? e with { Field = "objective" } : e);
        }
        if (errors.Count > 0 || shared.Value is not { } r)
        {
            return new SkimQueryResult(null, errors, shared.Warnings);
        }
        return new SkimQueryResult(new SkimRequest(origins, destinations, r.Commodity, r.Objective, r.Constraints, r.Weights), errors, shared.Warnings);
    }

    private List<int> Places(string field, string? text, List<EngineError> errors)
    {
        var list = new List<int>();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new EngineError(ErrorCode.MissingValue, field, "is required: comma-separated places (code, name or alias), or all"));
            return list;
        }
        if (text.Trim().Equals(All, StringComparison.OrdinalIgnoreCase))
        {
            for (var i = 0; i < network.Places.Count; i++)
            {
                list.Add(i);
            }
            return list;
        }
        var parts = text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length > MaxPlaces)
        {
            errors.Add(EngineError.Invalid(field, $"lists {parts.Length} places; at most {MaxPlaces} are accepted (or all)"));
            return list;
        }
        var seen = new HashSet<int>();
        foreach (var part in parts)
        {
            if (part.Length > routeParser.Options.MaxFieldLength)
            {
                errors.Add(EngineError.Invalid(field, $"a place of {part.Length} characters; at most {routeParser.Options.MaxFieldLength} are accepted"));
                continue;
            }
            var p = routeParser.Resolve(field, part, errors);
            if (p >= 0 && !seen.Add(p))
            {
                errors.Add(EngineError.Invalid(field, $"'{part}' is listed twice ({network.Places[p].Code})"));
            }
            else if (p >= 0)
            {
                list.Add(p);
            }
        }
        return list;
    }
}
