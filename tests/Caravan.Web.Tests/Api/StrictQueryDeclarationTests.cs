using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Caravan.Web.Tests.Api;

/// <summary>
/// The strict query check reads each endpoint's declared <see cref="QueryParameters"/> (data, so it runs under native
/// AOT); here, where reflection is available, every declaration is compared with what its handler really binds from
/// the query string, so the two cannot drift apart.
/// </summary>
public sealed class StrictQueryDeclarationTests
{
    [Fact]
    public async Task Every_api_endpoint_declares_exactly_the_query_names_its_handler_binds()
    {
        var (app, client) = await ApiHost.StartAsync();
        try
        {
            var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
                .ToList();
            Assert.True(endpoints.Count >= 19, $"only {endpoints.Count} API endpoints found");
            foreach (var e in endpoints)
            {
                var handler = e.Metadata.GetMetadata<MethodInfo>();
                Assert.True(handler is not null, $"{e.DisplayName}: no handler method in the metadata");
                var routeNames = e.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var bound = Bound(handler).Distinct(StringComparer.Ordinal).Where(n => !routeNames.Contains(n)).Order(StringComparer.Ordinal).ToList();
                var declared = e.Metadata.GetMetadata<QueryParameters>()?.Sorted ?? [];
                Assert.True(bound.SequenceEqual(declared), $"{e.RoutePattern.RawText}: handler binds [{string.Join(", ", bound)}], endpoint declares [{string.Join(", ", declared)}]");
            }
        }
        finally
        {
            client.Dispose();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_undeclared_parameter_is_refused_even_on_an_endpoint_without_query_parameters()
    {
        var (app, client) = await ApiHost.StartAsync();
        try
        {
            var r = await client.GetAsync("/api/meta?verbose=1");
            Assert.Equal(400, (int)r.StatusCode);
            Assert.Contains("UnknownParameter", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(200, (int)(await client.GetAsync("/api/meta")).StatusCode);
        }
        finally
        {
            client.Dispose();
            await app.DisposeAsync();
        }
    }

    // What minimal APIs bind from the query string: an [AsParameters] type's properties, [FromQuery] parameters and
    // simple parameters without another source (route parameters are removed by the caller).
    private static IEnumerable<string> Bound(MethodInfo handler)
    {
        foreach (var p in handler.GetParameters())
        {
            if (p.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var prop in p.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    yield return prop.GetCustomAttribute<FromQueryAttribute>()?.Name ?? char.ToLowerInvariant(prop.Name[0]) + prop.Name[1..];
                }
            }
            else if (p.GetCustomAttribute<FromQueryAttribute>() is { } q)
            {
                yield return q.Name ?? p.Name!;
            }
            else if (IsSimple(p.ParameterType) && p.GetCustomAttribute<FromRouteAttribute>() is null)
            {
                yield return p.Name!;
            }
        }
    }

    private static bool IsSimple(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(Guid);
    }
}
