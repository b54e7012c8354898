using Caravan.Model;
using Caravan.Routing;
using Xunit;

namespace Caravan.Tests.Routing;

public class RoutingGraphTests
{
    private static readonly Network Net = TestPaths.LoadMini();

    [Fact]
    public void AnArrivalAndADepartureVertexPerPlaceAndModeItHandles()
    {
        var g = new RoutingGraph(Net);
        var expected = new HashSet<(int, Mode)>();
        foreach (var l in Net.Links)
        {
            expected.Add((l.From, l.Mode));
            expected.Add((l.To, l.Mode));
        }
        Assert.Equal(2 * expected.Count, g.VertexCount);
        foreach (var (p, m) in expected)
        {
            var a = g.ArrivalOf(p, m);
            var d = g.DepartureOf(p, m);
            Assert.True(a >= 0 && d >= 0 && a != d);
            Assert.Equal(p, g.VertexPlace[a]);
            Assert.Equal(m, g.VertexMode[d]);
            Assert.True(g.IsArrival[a]);
            Assert.False(g.IsArrival[d]);
        }
    }

    [Fact]
    public void LinksLeaveDeparturesAndReachArrivalsTransfersRunFromArrivalToDeparture()
    {
        var g = new RoutingGraph(Net);
        for (var e = 0; e < g.EdgeCount; e++)
        {
            var fromArrival = g.IsArrival[g.Tail[e]];
            var toArrival = g.IsArrival[g.Head[e]];
            switch (g.Kind[e])
            {
                case EdgeKind.Move or EdgeKind.Border:
                    Assert.False(fromArrival);
                    Assert.True(toArrival);
                    break;
                case EdgeKind.Transfer:
                    Assert.True(fromArrival);
                    Assert.False(toArrival);
                    Assert.NotEqual(g.VertexMode[g.Tail[e]], g.VertexMode[g.Head[e]]);
                    Assert.Equal(g.VertexPlace[g.Tail[e]], g.VertexPlace[g.Head[e]]);
                    break;
                case EdgeKind.Stay:
                    Assert.True(fromArrival);
                    Assert.False(toArrival);
                    Assert.Equal(g.VertexMode[g.Tail[e]], g.VertexMode[g.Head[e]]);
                    break;
            }
            if (g.Reverse[e] >= 0)
            {
                Assert.Equal(e, g.Reverse[g.Reverse[e]]);
                Assert.Equal(g.VertexPlace[g.Tail[e]], g.VertexPlace[g.Head[g.Reverse[e]]]);
            }
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
        // Every bidirectional link gives two edges, every usable transfer two, every place × mode one stay.
        var links = Net.Links.Sum(l => l.Bidirectional ? 2 : 1);
        var transfers = Net.Transfers.Count(t => g.ArrivalOf(t.Place, t.ModeA) >= 0 && g.ArrivalOf(t.Place, t.ModeB) >= 0) * 2;
        Assert.Equal(links + transfers + (g.VertexCount / 2), g.EdgeCount);
    }

    [Fact]
    public void GaugeChangeIsAnEdgeFromOneGaugesArrivalToTheOthersDeparture()
    {
        Assert.True(Net.TryGetPlace("KZ-DOS", out var dostyk));
        var g = new RoutingGraph(Net);
        var a = g.ArrivalOf(dostyk, Mode.Rail1435);
        var b = g.DepartureOf(dostyk, Mode.Rail1520);
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
    [Fact]
    public void ABoardingPointWaitsForAnyServiceOnTheLinkNotOnlyThoseStartingThere()
    {
        // A block train DOS→ALA→AKT (5/week) passes ALA, where a shuttle ALA→AKT (2/week) starts: a shipment boarding
        // at ALA takes the next departure of either, so it waits half of 168/7 h, not half of the shuttle's 84 h.
        var dir = TestPaths.CopyMini();
        try
        {
            File.AppendAllText(Path.Combine(dir, "services.csv"), "S3,Through train,Test Rail,L2;L3,5,,T1,\nS4,Shuttle,Test Rail,L3,2,,T1,\n");
            var net = Caravan.Data.NetworkReader.ReadFolder(dir);
            Assert.True(net.TryGetLink("L2", out var l2));
            Assert.True(net.TryGetLink("L3", out var l3));
            Assert.Equal(7, net.BoardingDeparturesPerWeek(l3, forward: true), 9);
            Assert.Equal(5, net.BoardingDeparturesPerWeek(l2, forward: true), 9);
            Assert.Equal(0, net.BoardingDeparturesPerWeek(l2, forward: false), 9); // the through train is not boarded mid-route
            var g = new RoutingGraph(net);
            for (var e = 0; e < g.EdgeCount; e++)
            {
                if (g.Kind[e] == EdgeKind.Move && g.Ref[e] == l3)
                {
                    Assert.Equal(12, g.WaitHours[e], 9);
                }
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
