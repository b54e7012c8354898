using Caravan.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Web.Endpoints;

/// <summary>A cargo the network defines, with its unit.</summary>
/// <param name="Name">container, air-cargo…</param>
/// <param name="Unit">FEU or tonne.</param>
public sealed record CargoInfo(string Name, string Unit);

/// <summary>What a form needs to offer valid choices.</summary>
/// <param name="Places">Number of places.</param>
/// <param name="Links">Number of links, crossings included.</param>
/// <param name="Modes">Mode names.</param>
/// <param name="Cargos">Cargos and units.</param>
/// <param name="Countries">Countries with at least one place.</param>
/// <param name="Year">The default year of travel.</param>
public sealed record MetaDocument(int Places, int Links, IReadOnlyList<string> Modes, IReadOnlyList<CargoInfo> Cargos, IReadOnlyList<string> Countries, int Year);

/// <summary><c>GET /api/meta</c>: modes, cargos, countries and sizes of the served network.</summary>
public static class MetaEndpoints
{
    /// <summary>Maps the endpoint.</summary>
    public static RouteGroupBuilder MapMeta(this RouteGroupBuilder api)
    {
        api.MapGet("/meta", Get)
            .WithName("Meta")
            .WithSummary("What the served network holds")
            .WithDescription("Modes, cargos (with units), countries and counts: the choices a planning form offers.");
        return api;
    }

    /// <summary>Handles the request.</summary>
    public static Ok<MetaDocument> Get(NetworkState state)
    {
        var n = state.Network;
        var cargos = Commodities.All.Where(c => n.CommodityInfos[(int)c] is not null).Select(c => new CargoInfo(c.Name(), n.InfoOf(c).Unit)).ToList();
        return TypedResults.Ok(new MetaDocument(n.Places.Count, n.Links.Count, Model.Modes.All.Select(m => m.ToString()).ToList(), cargos, state.Countries, state.DefaultYear));
    }
}
