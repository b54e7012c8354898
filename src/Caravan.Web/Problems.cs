using Caravan.Routing;
using Caravan.Routing.Queries;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Caravan.Web;

/// <summary>
/// RFC 7807 problem details for every way a request can go wrong. Each has a stable <c>type</c> URI under
/// <see cref="TypeBase"/> and a <c>detail</c> sentence that names the field and what to do about it.
/// </summary>
public static class Problems
{
    /// <summary>Prefix of the problem <c>type</c> URIs.</summary>
    public const string TypeBase = "https://caravan.invalid/problems/";

    /// <summary>400: one or more query fields are wrong (unknown places come with "did you mean" suggestions).</summary>
    public static ProblemHttpResult InvalidQuery(IReadOnlyList<RouteQueryError> errors)
    {
        var unknownPlace = errors.Any(e => e.Kind == RouteQueryErrorKind.UnknownPlace);
        var extensions = new Dictionary<string, object?>
        {
            ["errors"] = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
        };
        var suggestions = errors.Where(e => e.Suggestions.Count > 0).ToDictionary(
            e => e.Field,
            e => e.Suggestions.Select(p => new { code = p.Code, name = p.Name, country = p.Country }).ToArray());
        if (suggestions.Count > 0)
        {
            extensions["suggestions"] = suggestions;
        }
        return TypedResults.Problem(
            detail: string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")),
            statusCode: StatusCodes.Status400BadRequest,
            title: unknownPlace ? "Unknown place" : "Invalid query",
            type: TypeBase + (unknownPlace ? "unknown-place" : "invalid-query"),
            extensions: extensions);
    }

    /// <summary>400 for a single bad parameter.</summary>
    public static ProblemHttpResult InvalidParameter(string field, string message) =>
        InvalidQuery([RouteQueryError.Invalid(field, message)]);

    /// <summary>422: the query is valid but no route satisfies it; names the constraints that block every path.</summary>
    public static ProblemHttpResult NoRoute(NoRouteReason reason) =>
        TypedResults.Problem(
            detail: reason.Message,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "No route",
            type: TypeBase + "no-route",
            extensions: new Dictionary<string, object?> { ["error"] = "no-route", ["blocking"] = reason.Blocking });

    /// <summary>404 for a scenario name that is not served, with the nearest names.</summary>
    public static ProblemHttpResult UnknownScenario(string name, IReadOnlyList<string> available)
    {
        var shown = name.Length > 60 ? name[..60] + "…" : name;
        var suggestions = Suggest(name, available);
        return TypedResults.Problem(
            detail: $"unknown scenario '{shown}'" + (suggestions.Length > 0 ? $"; did you mean {string.Join(", ", suggestions)}?" : "") + $" Available: {string.Join(", ", available)}",
            statusCode: StatusCodes.Status404NotFound,
            title: "Unknown scenario",
            type: TypeBase + "unknown-scenario",
            extensions: new Dictionary<string, object?> { ["suggestions"] = suggestions, ["available"] = available });
    }

    /// <summary>404 for something else that does not exist (a demand, a run, an assignment).</summary>
    public static ProblemHttpResult NotFound(string what, string detail, IReadOnlyList<string>? suggestions = null)
    {
        var extensions = new Dictionary<string, object?>();
        if (suggestions is { Count: > 0 })
        {
            extensions["suggestions"] = suggestions;
        }
        return TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status404NotFound,
            title: $"Unknown {what}",
            type: TypeBase + "unknown-" + what.Replace(' ', '-'),
            extensions: extensions);
    }

    /// <summary>The names nearest to <paramref name="text"/> (edit distance, or a common prefix), best first.</summary>
    public static string[] Suggest(string text, IEnumerable<string> names)
    {
        var t = text.Trim().ToLowerInvariant();
        return names
            .Select(n => (Name: n, Distance: Distance(t, n.ToLowerInvariant())))
            .Where(x => x.Distance <= Math.Max(2, x.Name.Length / 3) || x.Name.StartsWith(t, StringComparison.OrdinalIgnoreCase) || (t.Length >= 3 && x.Name.Contains(t, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(x => x.Name)
            .ToArray();
    }

    private static int Distance(string a, string b)
    {
        if (a.Length > 100 || b.Length > 100)
        {
            return int.MaxValue / 2;
        }
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
