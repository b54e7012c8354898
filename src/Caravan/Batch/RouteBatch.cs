using Caravan.Export;
using Caravan.Routing;
using Caravan.Services;

namespace Caravan.Batch;

/// <summary>One answer of a batch: its position, and either its route or its problem.</summary>
/// <param name="Index">0-based position of the query in the batch.</param>
/// <param name="Route">The route, when one was found.</param>
/// <param name="Errors">What was wrong with the query, when it was invalid.</param>
/// <param name="NoRoute">Why no route exists, when the query was valid but nothing satisfies it.</param>
public sealed record BatchResult(int Index, RouteDocument? Route, IReadOnlyList<BatchError>? Errors, NoRouteReason? NoRoute);

/// <summary>A problem of one batch query.</summary>
/// <param name="Field">The field.</param>
/// <param name="Message">What is wrong.</param>
public sealed record BatchError(string Field, string Message);

/// <summary>
/// Many single-criterion route queries in one call: each is parsed by <see cref="RouteQueryParser"/> and routed by
/// <see cref="Router"/>, exactly as <c>/api/route/single</c> does one; results come back in order, each with its own
/// route or problem, and one bad query never stops the others.
/// </summary>
public static class RouteBatch
{
    /// <summary>Most queries in one batch.</summary>
    public const int MaxQueries = 1_000;

    /// <summary>Answers one query (the year defaults to the parser's <see cref="EngineOptions.DefaultYear"/>).</summary>
    public static BatchResult Answer(int index, RouteQuery query, RouteQueryParser parser, Router router)
    {
        var parsed = parser.Parse(query);
        if (!parsed.IsValid || parsed.Value is not { } request)
        {
            return new BatchResult(index, null, [.. parsed.Errors.Select(e => new BatchError(e.Field, e.Message))], null);
        }
        var outcome = router.Route(request);
        return outcome.Itinerary is { } it
            ? new BatchResult(index, RouteDocuments.Route(router.Graph.Network, it), null, null)
            : new BatchResult(index, null, null, outcome.NoRoute);
    }

    /// <summary>Answers every query, in order (computed in parallel).</summary>
    public static IReadOnlyList<BatchResult> AnswerAll(IReadOnlyList<RouteQuery> queries, RouteQueryParser parser, Router router)
    {
        if (queries.Count > MaxQueries)
        {
            throw new ArgumentException($"{queries.Count} queries; at most {MaxQueries} are answered in one batch", nameof(queries));
        }
        var results = new BatchResult[queries.Count];
        Parallel.For(0, queries.Count, i => results[i] = Answer(i, queries[i], parser, router));
        return results;
    }
}
