using Caravan.Model;
using Caravan.Routing;

namespace Caravan.Services;

/// <summary>
/// One problem with a request, as data: which field, which code, a sentence without the field's name (each host
/// names the field its own way: <c>--avoid-modes</c> on the CLI, <c>avoidModes</c> on the web).
/// </summary>
/// <param name="Code">What kind of problem.</param>
/// <param name="Field">The query field in camelCase as in the query type (<c>from</c>, <c>avoidModes</c>), or empty for the whole query.</param>
/// <param name="Message">A sentence for people, without the field name.</param>
public sealed record EngineError(ErrorCode Code, string Field, string Message)
{
    /// <summary>For unknown places: the nearest places ("did you mean").</summary>
    public IReadOnlyList<Place> Places { get; init; } = [];

    /// <summary>For unknown parameters and names: the nearest valid names, best first.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>For <see cref="ErrorCode.NoRoute"/>: the constraints each of which, lifted alone, lets a route through.</summary>
    public IReadOnlyList<BlockingConstraint> Blocking { get; init; } = [];

    /// <summary>An invalid value.</summary>
    public static EngineError Invalid(string field, string message) => new(ErrorCode.InvalidValue, field, message);
}

/// <summary>Something worth saying that does not stop the request (an avoided country with no place in the network).</summary>
/// <param name="Field">The query field it concerns.</param>
/// <param name="Message">A sentence for people, without the field name.</param>
public sealed record EngineWarning(string Field, string Message);

/// <summary>A typed answer or every problem found; never an exception across the service boundary.</summary>
/// <typeparam name="T">The answer.</typeparam>
/// <param name="Value">The answer, when there are no errors.</param>
/// <param name="Errors">Every problem (all fields are checked, not just the first).</param>
/// <param name="Warnings">Things worth saying that did not stop the request.</param>
public sealed record ServiceResult<T>(T? Value, IReadOnlyList<EngineError> Errors, IReadOnlyList<EngineWarning> Warnings)
    where T : class
{
    /// <summary>True when there is an answer.</summary>
    public bool IsValid => Value is not null && Errors.Count == 0;

    /// <summary>A successful answer.</summary>
    public static ServiceResult<T> Ok(T value, IReadOnlyList<EngineWarning>? warnings = null) => new(value, [], warnings ?? []);

    /// <summary>A failed request.</summary>
    public static ServiceResult<T> Fail(IReadOnlyList<EngineError> errors, IReadOnlyList<EngineWarning>? warnings = null) => new(null, errors, warnings ?? []);
}
