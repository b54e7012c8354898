using Caravan.Model;
using Caravan.Routing;
using Caravan.Scenarios;
using Xunit;

namespace Caravan.Tests.Scenarios;

/// <summary>The scenarios shipped in data/scenarios/, applied to the mini fixture (they select by corridor and country).</summary>
public class ShippedScenarioTests
{
    private static double Hours(Network n, string from, string to)
    {
        n.TryGetPlace(from, out var a);
        n.TryGetPlace(to, out var b);
        var outcome = new Router(n).Route(new RouteRequest(a, b, Commodity.Container, 1, Objective.Time, new RouteConstraints { Year = 2026 }));
        Assert.True(outcome.Found, outcome.NoRoute?.Message);
        return outcome.Itinerary!.Totals.Hours;
    }

    [Fact]
    public void EveryShippedScenarioReadsWithoutErrors()
    {
        foreach (var name in ScenarioLoader.Available(TestPaths.Data))
        {
            var r = OverlayFiles.Load(name);
            Assert.True(r.Scenario is not null, name + ": " + string.Join("\n", r.Diagnostics));
            Assert.StartsWith("sha256:", r.Scenario!.ContentHash, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryShippedScenarioAppliesToTheDefaultDataOnceItIsThere()
    {
        // The default network in data/ is written separately; until it lands there is nothing to check here.
        if (!File.Exists(Path.Combine(TestPaths.Data, "places.csv")))
        {
            return;
        }
        foreach (var name in ScenarioLoader.Available(TestPaths.Data))
        {
            var r = ScenarioLoader.TryLoad(TestPaths.Data, name);
            Assert.True(r.Scenario is not null, name + ": " + string.Join("\n", r.Diagnostics));
            // Selectors by corridor and country must select something in the real network.
            foreach (var e in r.Scenario!.Log.Entries)
            {
                Assert.True(e.Matched > 0 || name is "cagp-line-d" or "trans-caspian-gas", $"{name}: change {e.Change.Index + 1} ({e.Change.Describe()}) matches nothing in data/");
            }
        }
    }

    [Fact]
    public void CkuRailwayMakesKashgarAndijanFasterByDays()
    {
        var baseHours = Hours(OverlayFiles.Load("base").Scenario!.Network, "CNKHG", "UZAND");
        var s = OverlayFiles.Load("cku-railway").Scenario!;
        var cku = Hours(s.Network, "CNKHG", "UZAND");
        Assert.True(baseHours - cku > 48, $"base {baseHours:0} h, cku {cku:0} h");
        s.Network.TryGetLink("X15", out var x15);
        Assert.Equal(LinkStatus.Operating, s.Network.Links[x15].Status);
        Assert.Contains(s.Log.ForLink("X15"), e => e.Change.Note.Contains("CKU", StringComparison.Ordinal));
        // The base network is untouched: overlays are pure.
        var base0 = TestPaths.LoadMini();
        base0.TryGetLink("X15", out var b15);
        Assert.Equal(LinkStatus.Planned, base0.Links[b15].Status);
    }

    [Fact]
    public void NorthernClosedRemovesEveryLinkTouchingRussiaAndBelarus()
    {
        var n = OverlayFiles.Load("northern-closed").Scenario!.Network;
        Assert.DoesNotContain(n.Links, l => n.Places[l.From].Country is "RU" or "BY" || n.Places[l.To].Country is "RU" or "BY");
        Assert.False(n.TryGetLink("X8", out _));
        Assert.True(n.TryGetLink("L4", out _));
        // Xi'an → Duisburg still routes, through the Middle Corridor.
        n.TryGetPlace("CNSIA", out var a);
        n.TryGetPlace("DEDUI", out var b);
        var it = new Router(n).Route(new RouteRequest(a, b, Commodity.Container, 1, Objective.Time, new RouteConstraints())).Itinerary!;
        Assert.Contains(it.Legs, l => l.LinkId == "L4");
    }

    [Fact]
    public void MiddleCorridor2030HalvesDwellAndRaisesFerryFrequency()
    {
        var b = TestPaths.LoadMini();
        var n = OverlayFiles.Load("middle-corridor-2030").Scenario!.Network;
        n.TryGetLink("X5", out var x5);
        b.TryGetLink("X5", out var bx5);
        Assert.Equal(b.Links[bx5].Border!.MedianHours * 0.5, n.Links[x5].Border!.MedianHours, 6);
        Assert.Equal(1.6 * b.DeparturesPerWeekOn(Index(b, "L4")), n.DeparturesPerWeekOn(Index(n, "L4")), 6);
        var port = n.Transfers.Single(t => n.Places[t.Place].Code == "KZAKT");
        Assert.Equal(6, port.MedianHours, 6);
        // The north crossing X1 (labelled north) is not touched.
        Assert.Equal(b.Links[Index(b, "X1")].Border, n.Links[Index(n, "X1")].Border);
        Assert.True(Hours(n, "CNSIA", "TRIST") < Hours(b, "CNSIA", "TRIST"));
    }

    private static int Index(Network n, string id)
    {
        Assert.True(n.TryGetLink(id, out var i), id);
        return i;
    }
}
