using Caravan.Model;
using Caravan.Routing;
using Xunit;

namespace Caravan.Tests.Routing;

public class RoutingGraphTests
{
    private static readonly Network Net = TestPaths.LoadMini();

    [Fact]
    public void OneVertexPerPlaceAndModeItHandles()
    {
        var g = new RoutingGraph(Net);
        var expected = new HashSet<(int, Mode)>();
        foreach (var l in Net.Links)
        {
            expected.Add((l.From, l.Mode));
            expected.Add((l.To, l.Mode));
        }
        Assert.Equal(expected.Count, g.VertexCount);
        foreach (var (p, m) in expected)
        {
            var v = g.VertexOf(p, m);
            Assert.True(v >= 0);
            Assert.Equal(p, g.VertexPlace[v]);
            Assert.Equal(m, g.VertexMode[v]);
        }
    }

    [Fact]
    public void CsrIsConsistent()
    {
        var g = new RoutingGraph(Net);
        Assert.Equal(0, g.FirstOut[0]);
        Assert.Equal(g.EdgeCount, g.FirstOut[g.VertexCount]);
        for (var v = 0; v < g.VertexCount; v++)
        {
            for (var e = g.FirstOut[v]; e < g.FirstOut[v + 1]; e++)
            {
                Assert.Equal(v, g.Tail[e]);
            }
        }
        // Every bidirectional link gives two edges, every usable transfer two.
        var links = Net.Links.Sum(l => l.Bidirectional ? 2 : 1);
        var transfers = Net.Transfers.Count(t => g.VertexOf(t.Place, t.ModeA) >= 0 && g.VertexOf(t.Place, t.ModeB) >= 0) * 2;
        Assert.Equal(links + transfers, g.EdgeCount);
    }

    [Fact]
    public void GaugeChangeIsAnEdgeBetweenTheTwoRailVertices()
    {
        Assert.True(Net.TryGetPlace("KZ-DOS", out var dostyk));
        var g = new RoutingGraph(Net);
        var a = g.VertexOf(dostyk, Mode.Rail1435);
        var b = g.VertexOf(dostyk, Mode.Rail1520);
        var found = false;
        for (var e = g.FirstOut[a]; e < g.FirstOut[a + 1]; e++)
        {
            found |= g.Head[e] == b && g.Kind[e] == EdgeKind.Transfer && g.DwellHours[e] == 5;
        }
        Assert.True(found);
    }

    [Fact]
    public void ScheduledLinkWaitsHalfTheHeadway()
    {
        var g = new RoutingGraph(Net);
        Assert.True(Net.TryGetLink("L4", out var ferry));
        for (var e = 0; e < g.EdgeCount; e++)
        {
            if (g.Kind[e] == EdgeKind.Move && g.Ref[e] == ferry)
            {
                Assert.Equal(42, g.WaitHours[e], 9);
            }
        }
    }
}
