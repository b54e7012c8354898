using Caravan.Model;
using Caravan.Planning;
using Caravan.Routing;
using Xunit;

namespace Caravan.Tests.Routing;

/// <summary>
/// A change of mode or gauge at a place is one transshipment: no path of any search chains two transfers at a place
/// or leaves a mode there to come back to it (the Małaszewicze rail → road → rail that skipped the gauge change).
/// </summary>
public class TransferStructureTests
{
    /// <summary>
    /// Why a path breaks the rule, or null when it keeps it: two transfers in a row at a place, a place where the path
    /// changes mode and which it visits again, or a place it leaves twice in the same mode.
    /// </summary>
    internal static string? Violation(RoutingGraph g, IReadOnlyList<int> path)
    {
        var transfersHere = 0;
        var visits = new Dictionary<int, int>();
        var transferredAt = new HashSet<int>();
        var departures = new HashSet<int>();
        foreach (var e in path)
        {
            var place = g.VertexPlace[g.Tail[e]];
            var code = g.Network.Places[place].Code;
            if (g.IsLinkEdge(e))
            {
                if (!departures.Add(g.Tail[e]))
                {
                    return $"leaves {code} twice by {g.EdgeMode[e]}";
                }
                visits[place] = visits.GetValueOrDefault(place) + 1;
                transfersHere = 0;
            }
            else if (g.Kind[e] == EdgeKind.Transfer)
            {
                transferredAt.Add(place);
                if (++transfersHere > 1)
                {
                    return $"two transfers in a row at {code}";
                }
            }
        }
        foreach (var (place, count) in visits)
        {
            if (count > 1 && transferredAt.Contains(place))
            {
                return $"changes mode at {g.Network.Places[place].Code} and comes back to it";
            }
        }
        return null;
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    [InlineData(24)]
    public void NoSearchChainsTransfersOnRandomNetworks(int seed)
    {
        var (_, graph, profile, random) = RandomGraphs.Routing(seed, places: 30, links: 90);
        var dijkstra = new ShortestPathSearch(graph);
        var pareto = new ParetoSearch(graph);
        var checkedPaths = 0;
        foreach (var (from, to) in RandomGraphs.Pairs(random, 30, 12))
        {
            foreach (var objective in new[] { Objective.Time, Objective.Cost, Objective.Generalized })
            {
                if (dijkstra.Run(from, to, profile.Weights(objective, null), profile.Allowed, null, out _) is { } path)
                {
                    Assert.True(Violation(graph, path) is null, Violation(graph, path));
                    checkedPaths++;
                }
            }
            foreach (var path in pareto.Run(from, to, profile, null, new ParetoLimits()).Paths)
            {
                Assert.True(Violation(graph, path) is null, Violation(graph, path));
                checkedPaths++;
            }
        }
        Assert.True(checkedPaths > 10, $"only {checkedPaths} paths checked");
    }

    [Fact]
    public void ARailRoadRailChainAtOnePlaceCannotReplaceAGaugeChange()
    {
        // A ==1520== B ==1435== C, and a one-way road B → D, so B handles road too. The gauge change at B takes 72 h,
        // the rail-road transfers 6 h each: rail → road → rail at B would save 60 h, but it chains two transfers at
        // one place, which the graph cannot express. The only path is the gauge change.
        var src = new[] { "T" };
        Place P(string code) => new(code, code, "PL", 0, 0, PlaceKind.City, [], src, "");
        Link L(string id, int a, int b, Mode m) => new(id, a, b, m, 100, null, null, null, null, null, "", null, LinkStatus.Operating, null, true, "", null, src, "");
        var places = new[] { P("A-A"), P("B-B"), P("C-C"), P("D-D") };
        var links = new[] { L("L1", 0, 1, Mode.Rail1520), L("L2", 1, 2, Mode.Rail1435), L("L3", 1, 3, Mode.Road) with { Bidirectional = false } };
        var transfers = new[]
        {
            new Transfer(1, Mode.Rail1520, Mode.Rail1435, "gauge-change", 72, 96, 300, 15, 1, null, "", src, ""),
            new Transfer(1, Mode.Rail1520, Mode.Road, "rail-road", 6, 12, 100, 5, 1, null, "", src, ""),
            new Transfer(1, Mode.Rail1435, Mode.Road, "rail-road", 6, 12, 100, 5, 1, null, "", src, ""),
        };
        var parameters = Modes.All.Select(m => new ModeParameters(m, 50, 1, 1000, 1, 0.1, 0.02, src)).ToList();
        var network = new Network(places, links, transfers, [], parameters, [new(Commodity.Container, "FEU", 10, new HashSet<Mode>(Modes.All), src)], [new Source("T", "t", "", "", "", "")]);
        var graph = new RoutingGraph(network);
        var profile = new QueryProfile(graph, Commodity.Container, new RouteConstraints());
        var path = new ShortestPathSearch(graph).Run(0, 2, profile.Hours, profile.Allowed, null, out var hours);
        Assert.NotNull(path);
        Assert.Equal(2 + 72 + 2, hours, 6);
        var kinds = path!.Where(e => graph.Kind[e] == EdgeKind.Transfer).Select(e => network.Transfers[graph.Ref[e]].Kind).ToList();
        Assert.Equal(["gauge-change"], kinds);
    }

    [Fact]
    public void TheValidatorRejectsATransferThatTwoChainedOnesBeat()
    {
        // With a road B ↔ D both ways, rail → road, out to D and back, road → rail would skip the 72 h gauge change
        // at B by two 6 h transfers: the data must not allow it, so the validator names the row.
        var src = new[] { "T" };
        Place P(string code) => new(code, code, "PL", 50, 20, PlaceKind.City, [], src, "");
        Link L(string id, int a, int b, Mode m) => new(id, a, b, m, 100, null, null, null, null, null, "", null, LinkStatus.Operating, null, true, "", null, src, "");
        var places = new[] { P("A-A"), P("B-B"), P("C-C"), P("D-D") };
        var links = new[] { L("L1", 0, 1, Mode.Rail1520), L("L2", 1, 2, Mode.Rail1435), L("L3", 1, 3, Mode.Road) };
        var transfers = new[]
        {
            new Transfer(1, Mode.Rail1520, Mode.Rail1435, "gauge-change", 72, 96, 300, 15, 1, null, "", src, ""),
            new Transfer(1, Mode.Rail1520, Mode.Road, "rail-road", 6, 12, 100, 5, 1, null, "", src, ""),
            new Transfer(1, Mode.Rail1435, Mode.Road, "rail-road", 6, 12, 100, 5, 1, null, "", src, ""),
        };
        var parameters = Modes.All.Select(m => new ModeParameters(m, 50, 1, 1000, 1, 0.1, 0.02, src)).ToList();
        var network = new Network(places, links, transfers, [], parameters, [new(Commodity.Container, "FEU", 10, new HashSet<Mode>(Modes.All), src)], [new Source("T", "t", "", "", "", "")]);
        var problems = Caravan.Data.Validation.NetworkValidator.Validate(network);
        Assert.Contains(problems, d => d.Message.Contains("Rail1520→Rail1435 at B-B", StringComparison.Ordinal) && d.Message.Contains("beaten by", StringComparison.Ordinal));
        Assert.DoesNotContain(Caravan.Data.Validation.NetworkValidator.Validate(Caravan.Data.NetworkReader.ReadFolder(TestPaths.Data)), d => d.Message.Contains("beaten by", StringComparison.Ordinal));
    }

    [Fact]
    public void NoOptionForAnyCalibrationPairChainsTransfers()
    {
        var network = Caravan.Data.NetworkReader.ReadFolder(TestPaths.Data);
        var graph = new RoutingGraph(network);
        var planner = new ShipmentPlanner(graph);
        var search = new PlaceSearch(network);
        var cases = Caravan.Calibration.CalibrationReader.Read(Path.Combine(TestPaths.Data, "calibration.csv"));
        var planned = 0;
        foreach (var c in cases)
        {
            Assert.True(search.TryResolve(c.From, out var from, out _), c.From);
            Assert.True(search.TryResolve(c.To, out var to, out _), c.To);
            var request = new RouteRequest(from, to, c.Commodity, 1, Objective.Generalized, new RouteConstraints { AvoidCountries = c.AvoidCountries, Year = c.Year });
            var plan = planner.Plan(new PlanRequest(request));
            foreach (var option in plan.Options)
            {
                Assert.True(Violation(graph, option.Itinerary.Edges) is null, $"{c.Id}: {Violation(graph, option.Itinerary.Edges)}");
                planned++;
            }
        }
        Assert.True(planned >= cases.Count, $"only {planned} options over {cases.Count} cases");
    }
}
