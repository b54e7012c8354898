using Caravan.Data;
using Caravan.Data.Tntp;
using Xunit;

namespace Caravan.Tests.Data.Tntp;

public class TntpReaderDiagnosticsTests
{
    private const string Header = """
        <NUMBER OF ZONES> 2
        <NUMBER OF NODES> 3
        <FIRST THRU NODE> 3
        <NUMBER OF LINKS> 2
        <END OF METADATA>
        ~ init term cap len fft b power speed toll type ;
        """;

    private static CaravanDataException ReadNet(string text)
        => Assert.Throws<CaravanDataException>(() => TntpNetReader.Read(new StringReader(text), "bad_net.tntp"));

    [Fact]
    public void ReadsAWellFormedNetwork()
    {
        var net = TntpNetReader.Read(new StringReader(Header + "\n1 3 100 1 2 0.15 4 0 0 1 ;\n3 2 100 1 2 0.15 4 0 0 1\n"), "ok_net.tntp");
        Assert.Equal(2, net.LinkCount);
        Assert.Equal(3, net.FirstThruNode);
        Assert.Equal([1, 3], net.Tail);
    }

    [Theory]
    [InlineData("1 3 100 1 2 0.15 4 0 0 1 ;\n3 2 NaN 1 2 0.15 4 0 0 1 ;", 8, "capacity", "not a finite number")]
    [InlineData("1 3 100 1 2 0.15 4 0 0 1 ;\n3 2 -5 1 2 0.15 4 0 0 1 ;", 8, "capacity", "must be positive")]
    [InlineData("1 3 100 1 2 0.15 4 0 0 1 ;\n3 9 100 1 2 0.15 4 0 0 1 ;", 8, "term_node", "outside 1..3")]
    [InlineData("1 3 100 1 2 0.15 4 0 0 1 ;\n3 2 100 1 ;", 8, "free_flow_time", "truncated row")]
    [InlineData("1 3 100 1 2 0.15 4 0 0 1 ;\nx 2 100 1 2 0.15 4 0 0 1 ;", 8, "init_node", "not an integer")]
    [InlineData("1 3 100 1 2 0.15 Infinity 0 0 1 ;\n3 2 100 1 2 0.15 4 0 0 1 ;", 7, "power", "not a finite number")]
    [InlineData("1 3 100 1 -2 0.15 4 0 0 1 ;\n3 2 100 1 2 0.15 4 0 0 1 ;", 7, "free_flow_time", "negative")]
    public void MalformedRowsAreReportedWithFileLineAndField(string rows, int line, string field, string message)
    {
        var error = ReadNet(Header + "\n" + rows + "\n");
        var d = Assert.Single(error.Diagnostics);
        Assert.Equal("bad_net.tntp", d.File);
        Assert.Equal(line, d.Line);
        Assert.Equal(field, d.Field);
        Assert.Contains(message, d.Message);
        Assert.StartsWith($"bad_net.tntp:{line}: {field}: ", d.ToString());
    }

    [Fact]
    public void EveryProblemIsCollectedNotJustTheFirst()
    {
        var error = ReadNet(Header + "\n1 3 -1 1 2 0.15 4 0 0 1 ;\n3 2 100 1 2 0.15 NaN 0 0 1 ;\n2 3 1 ;\n");
        Assert.Equal(["capacity", "power", "length"], error.Diagnostics.Select(d => d.Field));
        Assert.Equal([7, 8, 9], error.Diagnostics.Select(d => d.Line));
    }

    [Fact]
    public void EmptyFileReportsTheMissingHeader()
    {
        var error = ReadNet("");
        Assert.Contains(error.Diagnostics, d => d.Field == "<END OF METADATA>");
        Assert.Contains(error.Diagnostics, d => d.Field == "<NUMBER OF NODES>" && d.Message.Contains("missing"));
    }

    [Fact]
    public void MissingEndOfMetadataIsReported()
    {
        var error = ReadNet("<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 3\n<NUMBER OF LINKS> 1\n1 3 100 1 2 0.15 4 0 0 1 ;\n");
        var d = Assert.Single(error.Diagnostics);
        Assert.Equal(("<END OF METADATA>", 4), (d.Field, d.Line));
    }

    [Fact]
    public void LinkCountMustMatchTheHeader()
    {
        var error = ReadNet(Header + "\n1 3 100 1 2 0.15 4 0 0 1 ;\n");
        var d = Assert.Single(error.Diagnostics);
        Assert.Equal(("<NUMBER OF LINKS>", 4), (d.Field, d.Line));
    }

    [Fact]
    public void HugeHeaderCountsAreRejectedBeforeAllocating()
    {
        var error = ReadNet("<NUMBER OF ZONES> 1\n<NUMBER OF NODES> 2000000000\n<NUMBER OF LINKS> 2000000000\n<END OF METADATA>\n");
        Assert.Contains(error.Diagnostics, d => d.Field == "<NUMBER OF NODES>" && d.Message.Contains("outside the allowed range"));
    }

    [Fact]
    public void GarbageBytesDoNotCrash()
    {
        var random = new Random(5);
        var bytes = new char[20_000];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (char)random.Next(1, 128);
        }
        var text = new string(bytes);
        Assert.Throws<CaravanDataException>(() => TntpNetReader.Read(new StringReader(text), "noise"));
        Assert.Throws<CaravanDataException>(() => TntpTripsReader.Read(new StringReader(text), "noise"));
        Assert.Throws<CaravanDataException>(() => TntpFlowReader.Read(new StringReader(text), "noise"));
    }

    [Fact]
    public void AGiantLineWithoutBreaksIsCutNotBuffered()
    {
        // 8 million characters on one line: read in bounded pieces and reported, not held as one string.
        var text = Header + "\n1 3 " + new string('9', 8_000_000) + " 1 2 0.15 4 0 0 1 ;\n";
        var error = ReadNet(text);
        Assert.Contains(error.Diagnostics, d => d.Line == 7);
        Assert.All(error.Diagnostics, d => Assert.True(d.ToString().Length < 300));
    }

    [Fact]
    public void WindowsLineEndingsAreAccepted()
    {
        var net = TntpNetReader.Read(new StringReader((Header + "\n1 3 100 1 2 0.15 4 0 0 1 ;\n3 2 100 1 2 0.15 4 0 0 1 ;\n").Replace("\n", "\r\n")), "crlf_net.tntp");
        Assert.Equal(2, net.LinkCount);
    }

    [Fact]
    public void TripsProblemsNameLineAndField()
    {
        const string text = """
            <NUMBER OF ZONES> 2
            <TOTAL OD FLOW> 3
            <END OF METADATA>
            1 : 5 ;
            Origin 1
                2 : abc ;  3 : 1.0 ;
            Origin 2
                1 : -4 ;
            """;
        var error = Assert.Throws<CaravanDataException>(() => TntpTripsReader.Read(new StringReader(text), "bad_trips.tntp"));
        Assert.Equal(
            ["bad_trips.tntp:4: origin: demand entry before any 'Origin' line",
             "bad_trips.tntp:6: demand: 'abc' is not a finite number",
             "bad_trips.tntp:6: destination: zone 3 is outside 1..2 (<NUMBER OF ZONES>)",
             "bad_trips.tntp:8: demand: -4 is negative"],
            error.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void APairRepeatedInALaterBlockOfItsOriginIsFoundEvenWhenItsFirstDemandIsZero()
    {
        // The reader keeps no set while pairs come in order; the repeated origin block is the first pair out of order.
        const string text = """
            <NUMBER OF ZONES> 3
            <END OF METADATA>
            Origin 1
                2 : 0.0 ;  3 : 1.0 ;
            Origin 2
                1 : 5 ;
            Origin 1
                3 : 2 ;  2 : 4 ;
            """;
        var error = Assert.Throws<CaravanDataException>(() => TntpTripsReader.Read(new StringReader(text), "twice_trips.tntp"));
        Assert.Equal(
            ["twice_trips.tntp:8: destination: demand from 1 to 3 is given twice",
             "twice_trips.tntp:8: destination: demand from 1 to 2 is given twice"],
            error.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void BlocksOutOfOrderReadAsTheSameTableInOrder()
    {
        const string inOrder = "<NUMBER OF ZONES> 3\n<END OF METADATA>\nOrigin 1\n 2 : 1.5; 3 : 2;\nOrigin 2\n 1 : 4; 3 : 0;\nOrigin 3\n 1 : 7;\n";
        const string shuffled = "<NUMBER OF ZONES> 3\n<END OF METADATA>\nOrigin 3\n 1 : 7;\nOrigin 2\n 3 : 0; 1 : 4;\nOrigin 1\n 3 : 2; 2 : 1.5;\n";
        var expected = TntpTripsReader.Read(new StringReader(inOrder), "a_trips.tntp");
        var actual = TntpTripsReader.Read(new StringReader(shuffled), "b_trips.tntp");
        Assert.Equal([0, 2, 3, 4], expected.OriginStart);
        Assert.Equal([2, 3, 1, 1], expected.Destination);
        Assert.Equal(expected.OriginStart, actual.OriginStart);
        Assert.Equal(expected.Destination, actual.Destination);
        Assert.Equal(expected.Demand, actual.Demand);
    }
    [Fact]
    public void FlowRowsAreChecked()
    {
        var error = Assert.Throws<CaravanDataException>(() => TntpFlowReader.Read(new StringReader("From To Volume Cost\n1 2 3.5 1\n1 7 2\n"), "f_flow.tntp", 3));
        var d = Assert.Single(error.Diagnostics);
        Assert.Equal("f_flow.tntp:3: cost: truncated row: expected 4 fields, found 3", d.ToString());
    }

    [Fact]
    public void MissingFolderAndFilesAreDiagnostics()
    {
        var error = Assert.Throws<CaravanDataException>(() => TntpFolder.Load(Path.Combine(Path.GetTempPath(), "no-such-tntp-folder-" + Guid.NewGuid())));
        Assert.Equal("folder", Assert.Single(error.Diagnostics).Field);
    }
}
