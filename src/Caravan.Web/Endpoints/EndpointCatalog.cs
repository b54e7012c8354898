using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Web.Endpoints;

/// <summary>
/// Every endpoint group of the API, one file each, all under <c>/api</c>.
/// Built: <see cref="PlacesEndpoints"/>, <see cref="NetworkEndpoints"/>, <see cref="RouteEndpoints"/>, <see cref="MetaEndpoints"/>.
/// Planned, once their engine pieces land (one file each, mapped here):
/// <c>ScenarioEndpoints</c> (<c>GET /api/scenarios</c>, <c>GET /api/scenarios/{id}</c> as GeoJSON overlay),
/// <c>CompareEndpoints</c> (<c>GET /api/compare?scenario=</c>: base vs scenario routes and link flows),
/// <c>RunEndpoints</c> (<c>POST /api/runs</c> starts an assignment, <c>GET /api/runs/{id}/events</c> streams progress as
/// server-sent events, <c>GET /api/runs/{id}</c> the result, <c>GET /api/runs</c> the saved runs from the run store at
/// <see cref="CaravanWebOptions.DatabasePath"/>).
/// </summary>
public static class EndpointCatalog
{
    /// <summary>Maps every group under <c>/api</c>.</summary>
    public static void MapCaravanApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Caravan");
        api.MapPlaces();
        api.MapNetwork();
        api.MapRoute();
        api.MapMeta();
    }
}
