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
}
