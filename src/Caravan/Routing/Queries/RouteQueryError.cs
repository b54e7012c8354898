using Caravan.Model;

namespace Caravan.Routing.Queries;

/// <summary>What is wrong with a field of a <see cref="RouteQuery"/>.</summary>
public enum RouteQueryErrorKind
{
    /// <summary>A value that does not parse or is out of range.</summary>
    Invalid,
    /// <summary>A place name that matches no place (see the suggestions).</summary>
    UnknownPlace,
    /// <summary>A required field is missing.</summary>
    Missing,
}

/// <summary>One problem with a route query, naming the field it concerns.</summary>
/// <param name="Field">The field, in camelCase as in <see cref="RouteQuery"/> (<c>from</c>, <c>avoidModes</c>).</param>
/// <param name="Kind">What kind of problem.</param>
/// <param name="Message">A sentence for people, without the field name.</param>
/// <param name="Suggestions">For unknown places: the nearest places ("did you mean").</param>
public sealed record RouteQueryError(string Field, RouteQueryErrorKind Kind, string Message, IReadOnlyList<Place> Suggestions)
{
    /// <summary>An error without suggestions.</summary>
    public static RouteQueryError Invalid(string field, string message) => new(field, RouteQueryErrorKind.Invalid, message, []);
}
