using Caravan.Data;
using Caravan.Model;
using Caravan.Planning;
using Caravan.Reliability;
using Caravan.Routing;
using Xunit;

namespace Caravan.Tests.Planning;

/// <summary>
/// The Monte Carlo keeps e^(σ·z) columns in a process-wide cache. It must be bounded whatever the data, and a server
/// that fills it at start-up must not see it grow with the queries (the soak test's promise); kept or not, a column
/// gives the same numbers.
/// </summary>
public class DwellFactorCacheTests
{
    private static readonly Lazy<(Network Net, ShipmentPlanner Planner, PlaceSearch Search)> Loaded = new(() =>
    {
        var net = NetworkReader.ReadFolder(TestPaths.Data);
        return (net, new ShipmentPlanner(new RoutingGraph(net)), new PlaceSearch(net));
    });

    private static PlanRequest Request(string from, string to)
    {
        Assert.True(Loaded.Value.Search.TryResolve(from, out var a, out _), from);
        Assert.True(Loaded.Value.Search.TryResolve(to, out var b, out _), to);
        return new(new RouteRequest(a, b, Commodity.Container, 1, Objective.Time, new RouteConstraints { Year = 2026 }), 8, null, null, 2, false);
    }

    [Fact]
    public void FilledAtStartUpTheCacheIsFullAndPlansDoNotGrowItNorChangeTheirAnswers()
    {
        var before = Loaded.Value.Planner.Plan(Request("Xi'an", "Duisburg"));
        // The embedded network has more (spread, column) pairs than the bound, so filling it reaches the bound
        // exactly, whatever other tests of this process kept first.
        Assert.Equal(TransitSimulator.MaxDwellFactorColumns, TransitSimulator.KeepDwellFactors(Loaded.Value.Planner.Graph));
        foreach (var (from, to) in new[] { ("Xi'an", "Duisburg"), ("Chongqing", "Baku"), ("Almaty", "Istanbul"), ("Kashgar", "Tashkent"), ("Urumqi", "Poti") })
        {
            var plan = Loaded.Value.Planner.Plan(Request(from, to));
            Assert.NotEmpty(plan.Options);
            Assert.Equal(TransitSimulator.MaxDwellFactorColumns, TransitSimulator.KeptDwellFactorColumns);
        }
        var after = Loaded.Value.Planner.Plan(Request("Xi'an", "Duisburg"));
        Assert.Equal(before.Options.Count, after.Options.Count);
        for (var i = 0; i < before.Options.Count; i++)
        {
            Assert.Equal(before.Options[i].Distribution.Samples, after.Options[i].Distribution.Samples);
        }
    }
}
