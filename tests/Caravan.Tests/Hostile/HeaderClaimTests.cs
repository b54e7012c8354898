using Caravan.Data.Tntp;
using Xunit;

namespace Caravan.Tests.Hostile;

/// <summary>
/// A header's counts are claims, not allocations: reading allocates by the rows that arrive, and a node count the
/// rows do not support (50 M nodes for 76 links) is an error before anything is built per node.
/// </summary>
public sealed class HeaderClaimTests
{
    private static string Net(string nodes, string links, string rows) =>
        $"<NUMBER OF ZONES> 2\n<NUMBER OF NODES> {nodes}\n<FIRST THRU NODE> 1\n<NUMBER OF LINKS> {links}\n<END OF METADATA>\n{rows}";

    [Theory]
    [InlineData("50000000", "1 2 100 1 2 0.15 4 0 0 1 ;\n2 3 100 1 2 0.15 4 0 0 1 ;\n", "node ids only up to 3")]
    [InlineData("50000000", "1 50000000 100 1 2 0.15 4 0 0 1 ;\n", "1 links can join at most 2")]
    public void ANodeCountTheRowsDoNotSupportIsRefused(string nodes, string rows, string message)
    {
        var e = Assert.Throws<CaravanDataException>(() => TntpNetReader.Read(new StringReader(Net(nodes, rows.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ToString(System.Globalization.CultureInfo.InvariantCulture), rows)), "x_net.tntp"));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("<NUMBER OF NODES>", d.Field);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllocationFollowsTheRowsNotTheClaimedLinkCount()
    {
        var text = Net("3", "50000000", "1 2 100 1 2 0.15 4 0 0 1 ;\n2 3 100 1 2 0.15 4 0 0 1 ;\n");
        Assert.Throws<CaravanDataException>(() => TntpNetReader.Read(new StringReader(text), "warmup_net.tntp"));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<CaravanDataException>(() => TntpNetReader.Read(new StringReader(text), "x_net.tntp"));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("declares 50000000 links but the file has 2", e.Diagnostics[0].Message, StringComparison.Ordinal);
        // Room for 1 M links would be ~80 MB; rows of two links need well under 1 MB.
        Assert.InRange(allocated, 0, 1 << 20);
    }
}
