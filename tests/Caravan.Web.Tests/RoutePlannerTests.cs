using System.Text.Json;
using Caravan.Data;
using Caravan.Export;
using Caravan.Model;
using Caravan.Routing;

namespace Caravan.Web.Tests;

/// <summary>The web host's planner (edge views kept per constraint set) answers exactly as the engine's router.</summary>
public class RoutePlannerTests
{
    [Fact]
    public void AnswersAsTheRouterOnEveryPairObjectiveAndAvoidance()
    {
        var network = NetworkReader.ReadFolder(WebTestPaths.Mini);
        var router = new Router(network);
        var planner = new RoutePlanner(router);
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
                            Assert.Equal(Describe(network, router.Route(request)), Describe(network, planner.Route(request)));
                            compared++;
                        }
                    }
                }
            }
        }
        Assert.True(compared > 1000);
        Assert.True(planner.ProfilesKept <= RoutePlanner.MaxProfiles);
    }

    private static string Describe(Network network, RouteOutcome outcome) =>
        outcome.Found
            ? JsonSerializer.Serialize(RouteDocuments.Route(network, outcome.Itinerary!), JsonDefaults.Compact)
            : JsonSerializer.Serialize(outcome.NoRoute, JsonDefaults.Compact);
}
