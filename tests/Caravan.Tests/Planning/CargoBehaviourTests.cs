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

    [Fact]
    public void ContainerValueClassesComeFromCommoditiesCsvAndPickTheirOwnOption()
    {
        // One rule place: the classes' value of time and reliability weight are rows of commodities.csv, carried and
        // priced as containers. Shanghai→Hamburg: low-value boxes are recommended by sea, high-value ones by rail
        // and faster than the standard class's recommendation.
        var net = Embedded.Value.Net;
        var low = net.InfoOf(Commodity.ContainerLowValue);
        var standard = net.InfoOf(Commodity.Container);
        var high = net.InfoOf(Commodity.ContainerHighValue);
        Assert.True(low.IsContainerised && high.IsContainerised);
        Assert.True(low.ValueOfTimeUsdPerHour < standard.ValueOfTimeUsdPerHour && standard.ValueOfTimeUsdPerHour < high.ValueOfTimeUsdPerHour);
        Assert.True(low.ReliabilityRatio < high.ReliabilityRatio);
        Assert.Equal(standard.AllowedModes, high.AllowedModes);
        var lowPlan = Plan("Shanghai", "Hamburg", Commodity.ContainerLowValue).Options[0].Itinerary;
        var standardPlan = Plan("Shanghai", "Hamburg", Commodity.Container).Options[0].Itinerary;
        var highPlan = Plan("Shanghai", "Hamburg", Commodity.ContainerHighValue).Options[0].Itinerary;
        Assert.True(lowPlan.Legs.Where(l => l.Kind == LegKind.Move && l.Mode == Mode.Sea).Sum(l => l.DistanceKm) > 10_000);
        Assert.DoesNotContain(highPlan.Legs, l => l.Mode == Mode.Sea);
        Assert.True(highPlan.Totals.Hours <= standardPlan.Totals.Hours && standardPlan.Totals.Hours < lowPlan.Totals.Hours);
        Assert.True(Commodities.TryParse("container-high", out var parsed) && parsed == Commodity.ContainerHighValue);
    }
}
