using System.Text.Json;
using Caravan.Export;
using Caravan.Model;
using Caravan.Routing;
using Xunit;

namespace Caravan.Tests.Routing;

/// <summary>The router keeps edge views per constraint set; answers from them equal a fresh router's.</summary>
public class RouterProfileCacheTests
{
    [Fact]
    public void KeptEdgeViewsAnswerAsAFreshRouterOnEveryPairObjectiveAndAvoidance()
    {
        var network = TestPaths.LoadMini();
        var graph = new RoutingGraph(network);
        var planner = new Router(graph);
        HashSet<string>[] avoidances = [[], ["RU", "BY"], ["KZ"], ["AZ", "RU"]];
        var compared = 0;
        for (var round = 0; round < 2; round++)
        {
            // The second round is answered from the kept edge views.
            for (var from = 0; from < network.Places.Count; from++)
            {
                for (var to = 0; to < network.Places.Count; to++)
                {
                    if (from == to)
                    {
                        continue;
                    }
                    foreach (var objective in new[] { Objective.Time, Objective.Cost, Objective.Co2, Objective.Generalized })
                    {
                        foreach (var avoid in avoidances)
                        {
                            var request = new RouteRequest(from, to, Commodity.Container, 2, objective, new RouteConstraints { AvoidCountries = avoid, Year = 2026, MaxTransfers = to % 3 == 0 ? 2 : null });
                            Assert.Equal(Describe(network, new Router(graph).Route(request)), Describe(network, planner.Route(request)));
                            compared++;
                        }
                    }
                }
            }
        }
        Assert.True(compared > 1000);
        Assert.True(planner.ProfilesKept is > 0 and <= Router.MaxProfiles);
    }

    private static string Describe(Network network, RouteOutcome outcome) =>
        outcome.Found
            ? JsonSerializer.Serialize(RouteDocuments.Route(network, outcome.Itinerary!), JsonDefaults.Compact)
            : JsonSerializer.Serialize(outcome.NoRoute, JsonDefaults.Compact);
}
