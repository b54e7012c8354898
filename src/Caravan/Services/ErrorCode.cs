namespace Caravan.Services;

/// <summary>
/// The stable vocabulary of what can go wrong with a request, the same through every door: the CLI prints it in its
/// JSON error document and exits 2, the web API puts it in the problem's <c>code</c> and picks the status from it.
/// Names never change meaning; new ones may be added.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ErrorCode>))]
public enum ErrorCode
{
    /// <summary>A parameter, option or property that the query does not have (with the nearest valid name).</summary>
    UnknownParameter,
    /// <summary>A value that does not parse or is out of its range.</summary>
    InvalidValue,
    /// <summary>A required value is missing.</summary>
    MissingValue,
    /// <summary>A place name that matches no place (with the nearest places).</summary>
    UnknownPlace,
    /// <summary>A place name that matches several places equally well.</summary>
    AmbiguousPlace,
    /// <summary>The query is valid but no route satisfies it (with the constraints that block every path).</summary>
    NoRoute,
    /// <summary>The search hit one of its limits (labels or time) before finishing.</summary>
    LimitExceeded,
    /// <summary>A scenario name that is not in the catalogue.</summary>
    UnknownScenario,
    /// <summary>A scenario that exists but cannot be applied to the network.</summary>
    ScenarioUnloadable,
    /// <summary>A saved run id that the run store does not hold.</summary>
    UnknownRun,
}
