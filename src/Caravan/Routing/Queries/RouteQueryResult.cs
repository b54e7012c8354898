namespace Caravan.Routing.Queries;

/// <summary>The outcome of parsing a <see cref="RouteQuery"/>: a request, or every problem found.</summary>
/// <param name="Request">The request, when the query is valid.</param>
/// <param name="Errors">Every problem, when it is not (all fields are checked, not just the first).</param>
/// <param name="Warnings">Things worth saying that do not stop the query (an avoided country with no place in the network).</param>
public sealed record RouteQueryResult(RouteRequest? Request, IReadOnlyList<RouteQueryError> Errors, IReadOnlyList<string> Warnings)
{
    /// <summary>True when the query parsed into a request.</summary>
    public bool IsValid => Request is not null;
}
