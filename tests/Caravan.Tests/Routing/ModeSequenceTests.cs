using Caravan.Model;
using Caravan.Routing;
using Xunit;

namespace Caravan.Tests.Routing;

/// <summary>The mode-order rule on a drawn network.</summary>
public class ModeSequenceTests
{
    // A ==1435== B --road-- C ==1435== D, and a slow rail A ==1435== D (100 h). Road B–C is fast: a container that
    // may go rail → road → rail would save most of the 100 h; under the "ends" rule it must take the slow rail or the
    // road at an end, and an access rule (main haul required) may not go by road only.
    private static Network Build(RoadRule rule, PlaceKind kind = PlaceKind.Terminal)
    {
        var src = new[] { "T" };
        Place P(string code) => new(code, code, "PL", 50, 20, kind, [], src, "");
        Link L(string id, int a, int b, Mode m, double hours) => new(id, a, b, m, 100, null, hours, null, null, null, "", null, LinkStatus.Operating, null, true, "", null, src, "");
        var places = new[] { P("A-A"), P("B-B"), P("C-C"), P("D-D") };
        var links = new[] { L("L1", 0, 1, Mode.Rail1435, 2), L("L2", 1, 2, Mode.Road, 2), L("L3", 2, 3, Mode.Rail1435, 2), L("L4", 0, 3, Mode.Rail1435, 100) };
        var transfers = new[]
        {
            new Transfer(1, Mode.Rail1435, Mode.Road, "rail-road", 1, 2, 10, 1, 1, null, "", src, ""),
            new Transfer(2, Mode.Rail1435, Mode.Road, "rail-road", 1, 2, 10, 1, 1, null, "", src, ""),
        };
        var parameters = Modes.All.Select(m => new ModeParameters(m, 50, 1, 1000, 1, 0.1, 0.02, src)).ToList();
        var info = new CommodityInfo(Commodity.Container, "FEU", 10, new HashSet<Mode>(Modes.All), src) { RoadRule = rule };
        return new Network(places, links, transfers, [], parameters, [info], [new Source("T", "t", "", "", "", "")]);
    }

    [Theory]
    [InlineData(RoadRule.Any, 8)]
    [InlineData(RoadRule.Ends, 100)]
    public void RoadBetweenTwoRailLegsOnlyWithoutTheRule(RoadRule rule, double expectedHours)
    {
        var network = Build(rule);
        var graph = new RoutingGraph(network);
        var profile = new QueryProfile(graph, Commodity.Container, new RouteConstraints());
        var search = new ShortestPathSearch(graph);
        Assert.NotNull(search.Run(0, 3, profile.Hours, profile.Allowed, null, out var hours, profile.Sequence));
        Assert.Equal(expectedHours, hours, 6);
        var pareto = new ParetoSearch(graph).Run(0, 3, profile, null, new ParetoLimits());
        Assert.Equal(expectedHours, pareto.Labels.Min(l => l.Hours), 6);
    }

    [Fact]
    public void AnAccessRuleNeedsTheMainHaul()
    {
        // All places are airports, so the road itself is allowed: only the sequence rule can refuse it.
        var network = Build(RoadRule.Access, PlaceKind.Airport);
        var graph = new RoutingGraph(network);
        var profile = new QueryProfile(graph, Commodity.Container, new RouteConstraints());
        // B to C: the 2 h road alone is no route under an access rule (air cargo flies); every answer takes the main haul.
        var path = new ShortestPathSearch(graph).Run(1, 2, profile.Hours, profile.Allowed, null, out var hours, profile.Sequence);
        Assert.NotNull(path);
        Assert.True(hours > 2);
        Assert.Contains(path!, e => graph.IsLinkEdge(e) && graph.EdgeMode[e] == Mode.Rail1435);
        Assert.All(new ParetoSearch(graph).Run(1, 2, profile, null, new ParetoLimits()).Paths, p => Assert.Contains(p, e => graph.EdgeMode[e] == Mode.Rail1435 && graph.IsLinkEdge(e)));
        // A to D may start by road to B only if the main haul follows.
        Assert.NotNull(new ShortestPathSearch(graph).Run(0, 3, profile.Hours, profile.Allowed, null, out _, profile.Sequence));
    }
}
