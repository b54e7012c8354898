using Caravan.Data;
using Caravan.Model;
using Caravan.Planning;
using Caravan.Routing;
using Xunit;

namespace Caravan.Tests.Planning;

/// <summary>Each cargo behaves like itself on the embedded network: its value of time and mode rules.</summary>
public class CargoBehaviourTests
{
    private static readonly Lazy<(Network Net, ShipmentPlanner Planner, PlaceSearch Search)> Embedded = new(() =>
    {
        var net = NetworkReader.ReadFolder(TestPaths.Data);
        return (net, new ShipmentPlanner(new RoutingGraph(net)), new PlaceSearch(net));
    });

    private static PlanResult Plan(string from, string to, Commodity commodity)
    {
        var (_, planner, search) = Embedded.Value;
        Assert.True(search.TryResolve(from, out var a, out _), from);
        Assert.True(search.TryResolve(to, out var b, out _), to);
        return planner.Plan(new PlanRequest(new RouteRequest(a, b, commodity, 1, Objective.Generalized, new RouteConstraints())));
    }

    [Fact]
    public void CrudeFromAtyrauToAlashankouIsRecommendedByPipeline()
    {
        var plan = Plan("Atyrau", "Alashankou", Commodity.LiquidBulk);
        var first = plan.Options[0].Itinerary;
        Assert.All(first.Legs.Where(l => l.Kind == LegKind.Move), l => Assert.Equal(Mode.PipelineOil, l.Mode));
    }

    [Fact]
    public void AirCargoZhengzhouLiegeFliesDirectWithRoadOnlyAtTheEnds()
    {
        var plan = Plan("Zhengzhou", "Liège", Commodity.AirCargo);
        Assert.NotEmpty(plan.Options);
        var moves = plan.Options[0].Itinerary.Legs.Where(l => l.Kind == LegKind.Move).ToList();
        var air = moves.Where(l => l.Mode == Mode.Air).ToList();
        Assert.Single(air); // a direct freighter exists, so no hop via Baku
        var firstAir = moves.IndexOf(air[0]);
        Assert.All(moves.Where(l => l.Mode != Mode.Air), l => Assert.Equal(Mode.Road, l.Mode));
        // Road only before and after the flight, and only to or from an airport.
        var net = Embedded.Value.Net;
        foreach (var road in moves.Where(l => l.Mode == Mode.Road))
        {
            Assert.True(net.Places[road.From].Kind == PlaceKind.Airport || net.Places[road.To].Kind == PlaceKind.Airport);
        }
        foreach (var option in plan.Options)
        {
            Assert.Contains(option.Itinerary.Legs, l => l.Mode == Mode.Air && l.Kind == LegKind.Move);
        }
        Assert.True(firstAir >= 0);
    }

    [Fact]
    public void XianDuisburgIsRecommendedByRailWithOneGaugeChangeEachWay()
    {
        var plan = Plan("Xi'an", "Duisburg", Commodity.Container);
        var first = plan.Options[0].Itinerary;
        var days = first.Totals.Hours / 24;
        Assert.InRange(days, 15, 19);
        Assert.All(first.Legs.Where(l => l.Kind == LegKind.Move), l => Assert.True(l.Mode.IsRail(), $"{l.Mode} leg {l.LinkId}"));
        var gauges = first.Legs.Where(l => l.Kind == LegKind.Transfer).Select(l => l.Description).ToList();
        Assert.Equal(["gauge change 1435→1520 mm", "gauge change 1520→1435 mm"], gauges);
    }

    [Fact]
    public void NoContainerOptionLeavesRailForATruckAndComesBack()
    {
        foreach (var (from, to) in new[] { ("Xi'an", "Duisburg"), ("Chongqing", "Duisburg"), ("Xi'an", "Warsaw") })
        {
            foreach (var option in Plan(from, to, Commodity.Container).Options)
            {
                var modes = option.Itinerary.Legs.Where(l => l.Kind == LegKind.Move && l.Mode != Mode.Ferry).Select(l => l.Mode == Mode.Road ? 'r' : 'm');
                var pattern = new string([.. modes]);
                Assert.DoesNotMatch("m+r+m", pattern);
            }
        }
    }
}
