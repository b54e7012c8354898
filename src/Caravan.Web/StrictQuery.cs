using System.Reflection;
using Caravan.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Caravan.Web;

/// <summary>
/// Refuses a query-string parameter the endpoint does not declare: a 400 <see cref="ErrorCode.UnknownParameter"/>
/// problem naming the nearest valid one (<c>avoidCountries</c> → <c>avoid</c>), never a silently ignored constraint.
/// The valid names are read from the handler's own parameters (an <c>[AsParameters]</c> query contributes its
/// fields), so the check and the OpenAPI document cannot disagree. Names are matched exactly, as documented.
/// </summary>
public static class StrictQuery
{
    /// <summary>Adds the check to every endpoint of a group.</summary>
    public static TBuilder RejectUnknownQueryParameters<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((context, next) =>
        {
            var allowed = Names(context.MethodInfo);
            return invocation =>
            {
                foreach (var key in invocation.HttpContext.Request.Query.Keys)
                {
                    if (!allowed.Contains(key))
                    {
                        return ValueTask.FromResult<object?>(Problems.From([QueryFields.Unknown(key, allowed.Order(StringComparer.Ordinal))]));
                    }
                }
                return next(invocation);
            };
        });

    /// <summary>The query-string names a handler binds.</summary>
    public static HashSet<string> Names(MethodInfo handler)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in handler.GetParameters())
        {
            if (p.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var prop in p.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    names.Add(prop.GetCustomAttribute<FromQueryAttribute>()?.Name ?? Camel(prop.Name));
                }
            }
            else if (p.GetCustomAttribute<FromQueryAttribute>() is { } q)
            {
                names.Add(q.Name ?? p.Name!);
            }
            else if (IsSimple(p.ParameterType) && p.GetCustomAttribute<FromRouteAttribute>() is null)
            {
                names.Add(p.Name!);
            }
        }
        return names;
    }

    private static bool IsSimple(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(Guid);
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
