using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Caravan.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Caravan.Web;

/// <summary>The query-string names an endpoint binds, as endpoint metadata (see <see cref="StrictQuery"/>).</summary>
public sealed class QueryParameters
{
    /// <summary>The names, matched exactly.</summary>
    /// <param name="names">Every name the handler binds from the query string.</param>
    public QueryParameters(IEnumerable<string> names)
    {
        Names = names.ToFrozenSet(StringComparer.Ordinal);
        Sorted = [.. Names.Order(StringComparer.Ordinal)];
    }

    /// <summary>The names.</summary>
    public FrozenSet<string> Names { get; }

    /// <summary>The names in ordinal order, for suggestions.</summary>
    public IReadOnlyList<string> Sorted { get; }
}

/// <summary>
/// Refuses a query-string parameter the endpoint does not declare: a 400 <see cref="ErrorCode.UnknownParameter"/>
/// problem naming the nearest valid one (<c>avoidCountries</c> → <c>avoid</c>), never a silently ignored constraint.
/// Each endpoint declares the names its handler binds with <see cref="WithQuery(RouteHandlerBuilder, string[])"/> (an
/// engine query type contributes its <see cref="QueryFields"/>); the check reads that data, not the handler by
/// reflection, so it works under native AOT. A test compares each declaration with its handler's parameters, so the
/// check, the binding and the OpenAPI document cannot disagree. Names are matched exactly, as documented.
/// </summary>
public static class StrictQuery
{
    private static readonly QueryParameters None = new([]);

    /// <summary>Adds the check to every endpoint of a group; an endpoint without <see cref="QueryParameters"/> accepts no query parameter.</summary>
    public static TBuilder RejectUnknownQueryParameters<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(static (invocation, next) =>
        {
            var query = invocation.HttpContext.Request.Query;
            if (query.Count > 0)
            {
                var allowed = invocation.HttpContext.GetEndpoint()?.Metadata.GetMetadata<QueryParameters>() ?? None;
                foreach (var key in query.Keys)
                {
                    if (!allowed.Names.Contains(key))
                    {
                        return ValueTask.FromResult<object?>(Problems.From([QueryFields.Unknown(key, allowed.Sorted)]));
                    }
                }
            }
            return next(invocation);
        });

    /// <summary>Declares the query-string names the endpoint's handler binds one by one.</summary>
    public static RouteHandlerBuilder WithQuery(this RouteHandlerBuilder builder, params string[] names) =>
        builder.WithMetadata(new QueryParameters(names));

    /// <summary>Declares an engine query type's fields (an <c>[AsParameters]</c> query) and the handler's other names.</summary>
    public static RouteHandlerBuilder WithQuery<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TQuery>(this RouteHandlerBuilder builder, params string[] names) =>
        builder.WithMetadata(new QueryParameters([.. QueryFields.Of<TQuery>().Select(f => f.Name), .. names]));
}
