using Caravan.Model;
using Caravan.Routing;

namespace Caravan.Freight;

/// <summary>A demand row that has no route on a network (e.g. its origin is in a country a scenario closes).</summary>
/// <param name="Line">Line in the demand file.</param>
/// <param name="Origin">Origin place code.</param>
/// <param name="Destination">Destination place code.</param>
/// <param name="Commodity">Commodity name.</param>
/// <param name="Tonnes">Tonnes per year that cannot move.</param>
/// <param name="Reason">Why no route exists, as the router explains it.</param>
public sealed record UnservedDemand(int Line, string Origin, string Destination, string Commodity, double Tonnes, string Reason);

/// <summary>Which demand rows a network can carry at all: the route check every freight assignment starts with.</summary>
public static class DemandReach
{
    /// <summary>Why <paramref name="row"/> has no route in year <paramref name="year"/>, or null when it has one.</summary>
    public static string? NoRoute(Router router, DemandRow row, int year)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(row);
        var request = new RouteRequest(row.Origin, row.Destination, row.Commodity, 1, Objective.Time, new RouteConstraints { Year = year });
        var outcome = router.Route(request);
        return outcome.Found ? null : $"no route for {row.Commodity.Name()}: {outcome.NoRoute!.Message}";
    }

    /// <summary>
    /// Splits <paramref name="demand"/> into the rows with a route on <paramref name="network"/> and those without
    /// (listed with the reason, never dropped silently). A scenario comparison assigns the first and reports the second.
    /// </summary>
    public static (IReadOnlyList<DemandRow> Served, IReadOnlyList<UnservedDemand> Unserved) Split(Network network, IReadOnlyList<DemandRow> demand, int year)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(demand);
        var router = new Router(new RoutingGraph(network));
        var served = new List<DemandRow>();
        var unserved = new List<UnservedDemand>();
        foreach (var row in demand)
        {
            if (NoRoute(router, row, year) is { } reason)
            {
                unserved.Add(new UnservedDemand(row.Line, network.Places[row.Origin].Code, network.Places[row.Destination].Code, row.Commodity.Name(), row.Tonnes, reason));
            }
            else
            {
                served.Add(row);
            }
        }
        return (served, unserved);
    }
}
