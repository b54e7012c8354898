using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Web.Endpoints;

/// <summary>
/// Every endpoint group of the API, one file each, all under <c>/api</c>:
/// <see cref="PlacesEndpoints"/> (<c>GET /api/places</c>), <see cref="NetworkEndpoints"/> (<c>GET /api/network</c>),
/// <see cref="RouteEndpoints"/> (<c>GET /api/route</c>, <c>GET /api/route/single</c>), <see cref="MetaEndpoints"/>
/// (<c>GET /api/meta</c>), <see cref="ScenarioEndpoints"/> (<c>GET /api/scenarios</c>, <c>GET /api/scenarios/{name}</c>;
/// <c>scenario=</c> on network, route and places), <see cref="CompareEndpoints"/> (<c>GET /api/compare?a=&amp;b=</c>),
/// <see cref="AssignmentEndpoints"/> (<c>GET /api/demands</c>, <c>POST /api/assignments</c>,
/// <c>GET /api/assignments/{id}</c>, <c>GET /api/assignments/{id}/events</c> as server-sent events) and
/// <see cref="RunEndpoints"/> (<c>GET /api/runs</c>, <c>GET /api/runs/{id}</c> from the run store at
/// <see cref="CaravanWebOptions.DatabasePath"/>), <see cref="MatrixEndpoints"/> (<c>POST /api/matrix</c>),
/// <see cref="ReachEndpoints"/> (<c>GET /api/reach</c>, <c>GET /api/places/nearest</c>) and <see cref="BatchEndpoints"/>
/// (<c>POST /api/route/batch</c>).
/// Planned: a scenario's changes as a GeoJSON overlay; compare with link flows (<c>caravan compare --demand</c>).
/// </summary>
public static class EndpointCatalog
{
    /// <summary>Maps every group under <c>/api</c>.</summary>
    public static void MapCaravanApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Caravan").RejectUnknownQueryParameters();
        api.MapPlaces();
        api.MapNetwork();
        api.MapRoute();
        api.MapMeta();
        api.MapScenarios();
        api.MapCompare();
        api.MapAssignments();
        api.MapRuns();
        api.MapMatrix();
        api.MapReach();
        api.MapBatch();
    }
}
