using Caravan.Export;
using Caravan.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Web.Endpoints;

/// <summary><c>GET /api/network</c>: the network as GeoJSON, optionally filtered by mode and status.</summary>
public static class NetworkEndpoints
{
    /// <summary>Media type of GeoJSON (RFC 7946).</summary>
    public const string GeoJsonType = "application/geo+json";

    /// <summary>Maps the endpoint.</summary>
    public static RouteGroupBuilder MapNetwork(this RouteGroupBuilder api)
    {
        api.MapGet("/network", Get)
            .WithName("Network")
            .WithSummary("The network as GeoJSON")
            .WithQuery("mode", "status", "scenario")
            .WithDescription("A FeatureCollection: a point per place (`type: place`) and a line per link (`type: link` or `crossing`) with mode, status (operating, construction, planned), opening year, corridor and capacity.")
            .Produces<string>(StatusCodes.Status200OK, GeoJsonType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>Handles a network request.</summary>
    /// <param name="state">The served network.</param>
    /// <param name="mode">Modes to include, separated by commas (default all; <c>Rail</c> for both gauges).</param>
    /// <param name="status">Statuses to include: operating, construction, planned (default all).</param>
    /// <param name="scenario">Scenario whose network to draw (default base).</param>
    public static Results<ContentHttpResult, ProblemHttpResult> Get(NetworkState state, string? mode = null, string? status = null, string? scenario = null)
    {
        if (!state.TryGet(scenario, out var net, out var problem))
        {
            return problem!;
        }
        var filter = NetworkFilter.Parse(mode, status);
        if (!filter.IsValid)
        {
            return Problems.From(filter.Errors);
        }
        var include = filter.Value!;
        var json = net.NetworkGeoJson(include.Key, () => RouteGeoJson.Write(RouteGeoJson.Network(net.Network, include.Includes), indented: false));
        return TypedResults.Text(json, GeoJsonType);
    }
}
