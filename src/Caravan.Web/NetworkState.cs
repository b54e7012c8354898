using System.Collections.Concurrent;
using Caravan.Model;
using Caravan.Routing;
using Caravan.Routing.Queries;

namespace Caravan.Web;

/// <summary>
/// The served network and what is derived from it once per process: the place index, the compiled routing graph
/// (the router is thread-safe), the query parser and cached GeoJSON. Registered as a singleton.
/// </summary>
public sealed class NetworkState
{
    private readonly ConcurrentDictionary<string, string> _geoJson = new(StringComparer.Ordinal);

    /// <summary>Builds the state, compiling the routing graph.</summary>
    public NetworkState(CaravanWebOptions options)
    {
        Options = options;
        Network = options.Network;
        Search = new PlaceSearch(Network);
        Router = new Router(Network);
        Planner = new RoutePlanner(Router);
        ShipmentPlanner = new Caravan.Planning.ShipmentPlanner(Router.Graph);
        Parser = new RouteQueryParser(Network, Search);
        Countries = Network.Places.Select(p => p.Country).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The options the host was started with.</summary>
    public CaravanWebOptions Options { get; }

    /// <summary>The network.</summary>
    public Network Network { get; }

    /// <summary>Place search by code, name or alias.</summary>
    public PlaceSearch Search { get; }

    /// <summary>The router over the compiled graph.</summary>
    public Router Router { get; }

    /// <summary>Routes requests, keeping the edge views of the constraint sets it has seen.</summary>
    public RoutePlanner Planner { get; }

    /// <summary>The Pareto planner (options, reliability, dates), the engine behind <c>caravan route</c>.</summary>
    public Caravan.Planning.ShipmentPlanner ShipmentPlanner { get; }

    /// <summary>The shared route-query parser.</summary>
    public RouteQueryParser Parser { get; }

    /// <summary>Countries with at least one place, sorted.</summary>
    public IReadOnlyList<string> Countries { get; }

    /// <summary>The year a query without one travels in.</summary>
    public int DefaultYear => Options.DefaultYear ?? DateTime.UtcNow.Year;

    /// <summary>Network GeoJSON for a filter, computed once per distinct filter.</summary>
    public string NetworkGeoJson(string key, Func<string> build) => _geoJson.GetOrAdd(key, _ => build());
}
