using System.Text.Json;
using Caravan.Services;
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

    /// <summary>
    /// The problem for a service's errors: the status from the decisive code (400 for bad input, 404 for an unknown
    /// scenario, 422 for no route or an exceeded limit), the engine's <see cref="ErrorDocument"/> as extension members
    /// (<c>code</c>, <c>issues</c>, <c>errors</c>, <c>suggestions</c>, <c>blocking</c>), a detail naming each field as
    /// the web spells it.
    /// </summary>
    public static ProblemHttpResult From(IReadOnlyList<EngineError> errors)
    {
        var doc = ErrorDocument.From(errors);
        // The members are the engine's error document's own, written by its source-generated metadata: the
        // extension values are then elements, which need no reflection (native AOT) whatever their shapes.
        var written = Element(doc);
        var extensions = new Dictionary<string, object?> { ["code"] = doc.Code.ToString() };
        foreach (var name in (ReadOnlySpan<string>)["issues", "errors", "suggestions", "blocking"])
        {
            if (written.TryGetProperty(name, out var member))
            {
                extensions[name] = member;
            }
        }
        var (status, title) = StatusOf(doc.Code);
        return TypedResults.Problem(
            detail: ErrorDocument.Describe(errors, field => field),
            statusCode: status,
            title: title,
            type: TypeBase + Kebab(doc.Code),
            extensions: extensions);
    }

    /// <summary>The HTTP status and title of an error code; the one mapping every endpoint uses.</summary>
    public static (int Status, string Title) StatusOf(ErrorCode code) => code switch
    {
        ErrorCode.UnknownParameter => (StatusCodes.Status400BadRequest, "Unknown parameter"),
        ErrorCode.InvalidValue => (StatusCodes.Status400BadRequest, "Invalid value"),
        ErrorCode.MissingValue => (StatusCodes.Status400BadRequest, "Missing value"),
        ErrorCode.UnknownPlace => (StatusCodes.Status400BadRequest, "Unknown place"),
        ErrorCode.AmbiguousPlace => (StatusCodes.Status400BadRequest, "Ambiguous place"),
        ErrorCode.UnknownScenario => (StatusCodes.Status404NotFound, "Unknown scenario"),
        ErrorCode.UnknownRun => (StatusCodes.Status404NotFound, "Unknown run"),
        ErrorCode.ScenarioUnloadable => (StatusCodes.Status422UnprocessableEntity, "Scenario cannot be loaded"),
        ErrorCode.NoRoute => (StatusCodes.Status422UnprocessableEntity, "No route"),
        ErrorCode.LimitExceeded => (StatusCodes.Status422UnprocessableEntity, "Search limit exceeded"),
        _ => (StatusCodes.Status400BadRequest, "Invalid query"),
    };

    private static string Kebab(ErrorCode code) => QueryField.Kebab(code.ToString()).TrimStart('-');

    /// <summary>400 for a single bad parameter.</summary>
    public static ProblemHttpResult InvalidParameter(string field, string message) => From([EngineError.Invalid(field, message)]);

    /// <summary>404 for a scenario name that is not served, with the nearest names.</summary>
    public static ProblemHttpResult UnknownScenario(string name, IReadOnlyList<string> available)
    {
        var shown = Diagnostic.Cut(name, 61);
        var suggestions = NearestNames.Of(name, available);
        return TypedResults.Problem(
            detail: $"unknown scenario '{shown}'" + (suggestions.Count > 0 ? $"; did you mean {string.Join(", ", suggestions)}?" : "") + $" Available: {string.Join(", ", available)}",
            statusCode: StatusCodes.Status404NotFound,
            title: "Unknown scenario",
            type: TypeBase + "unknown-scenario",
            extensions: new Dictionary<string, object?> { ["suggestions"] = Element(suggestions.ToArray()), ["available"] = Element(available.ToArray()) });
    }

    /// <summary>404 for something else that does not exist (a demand, a run, an assignment).</summary>
    public static ProblemHttpResult NotFound(string what, string detail, IReadOnlyList<string>? suggestions = null)
    {
        var extensions = new Dictionary<string, object?>();
        if (suggestions is { Count: > 0 })
        {
            extensions["suggestions"] = Element(suggestions.ToArray());
        }
        return TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status404NotFound,
            title: $"Unknown {what}",
            type: TypeBase + "unknown-" + what.Replace(' ', '-'),
            extensions: extensions);
    }

    /// <summary>A value as a JSON element, through the engine's source-generated metadata for its static type.</summary>
    private static JsonElement Element<T>(T value) =>
        JsonSerializer.SerializeToElement(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)JsonDefaults.Compact.GetTypeInfo(typeof(T)));
}
