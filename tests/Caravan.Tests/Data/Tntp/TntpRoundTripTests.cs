using Caravan.Data.Tntp;
using Xunit;

namespace Caravan.Tests.Data.Tntp;

public sealed class TntpRoundTripTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("caravan-tntp-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void NetworkTripsNodesAndFlowsRoundTrip()
    {
        var source = TestData.Tntp("SiouxFalls");
        var net = TntpNetReader.Read(Path.Combine(source, "SiouxFalls_net.tntp"));
        var trips = TntpTripsReader.Read(Path.Combine(source, "SiouxFalls_trips.tntp"));
        var nodes = TntpNodeReader.Read(Path.Combine(source, "SiouxFalls_node.tntp"), net.NodeCount);
        var flows = TntpFlowReader.Read(Path.Combine(source, "SiouxFalls_flow.tntp"), net.NodeCount);

        TntpWriter.WriteNetwork(Path.Combine(_folder, "X_net.tntp"), net with { DistanceFactor = 0.5 });
        TntpWriter.WriteTrips(Path.Combine(_folder, "X_trips.tntp"), trips);
        TntpWriter.WriteNodes(Path.Combine(_folder, "X_node.tntp"), nodes);
        TntpWriter.WriteFlows(Path.Combine(_folder, "X_flow.tntp"), flows);

        var net2 = TntpNetReader.Read(Path.Combine(_folder, "X_net.tntp"));
        Assert.Equal((net.ZoneCount, net.NodeCount, net.FirstThruNode), (net2.ZoneCount, net2.NodeCount, net2.FirstThruNode));
        Assert.Equal(net.Tail, net2.Tail);
        Assert.Equal(net.Head, net2.Head);
        Assert.Equal(net.Capacity, net2.Capacity);
        Assert.Equal(net.FreeFlowTime, net2.FreeFlowTime);
        Assert.Equal(net.B, net2.B);
        Assert.Equal(net.Power, net2.Power);
        Assert.Equal(net.Length, net2.Length);
        Assert.Equal(0.5, net2.DistanceFactor);

        var trips2 = TntpTripsReader.Read(Path.Combine(_folder, "X_trips.tntp"));
        Assert.Equal(trips.OriginStart, trips2.OriginStart);
        Assert.Equal(trips.Destination, trips2.Destination);
        Assert.Equal(trips.Demand, trips2.Demand);
        Assert.Equal(360600.0, trips2.DeclaredTotal);

        var nodes2 = TntpNodeReader.Read(Path.Combine(_folder, "X_node.tntp"));
        Assert.Equal(nodes.Id, nodes2.Id);
        Assert.Equal(nodes.X, nodes2.X);

        var flows2 = TntpFlowReader.Read(Path.Combine(_folder, "X_flow.tntp"));
        Assert.Equal(flows.Volume, flows2.Volume);
        Assert.Equal(flows.Cost, flows2.Cost);
        Assert.Equal(4, Directory.GetFiles(_folder).Length); // No temporary files left behind.
    }
}
