using System.Text;
using Caravan.Data;
using Caravan.Data.Csv;
using Caravan.Data.Tntp;
using Xunit;

namespace Caravan.Tests.Hostile;

/// <summary>
/// Diagnostics stay useful under hostile input: a header of a million unknown columns is one message, every
/// diagnostic is capped in length (never cutting a surrogate pair), the "more not shown" line names its file,
/// and a rejected header or file causes no cascade of follow-on errors.
/// </summary>
public sealed class DiagnosticBoundsTests
{
    [Fact]
    public void AMillionUnknownColumnsAreOneWarning()
    {
        var header = "origin,destination,commodity,quantity_per_year,unit,source," + string.Join(',', Enumerable.Range(0, 1_000_000).Select(i => "x" + i));
        var bag = new DiagnosticBag();
        CsvTable.Parse(header + "\n", "demand.csv", ["origin", "destination", "commodity", "quantity_per_year", "unit", "source"], ["notes"], bag);
        var d = Assert.Single(bag);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal("demand.csv", d.File);
        Assert.StartsWith("1000000 unknown columns are ignored: x0, x1,", d.Message, StringComparison.Ordinal);
        Assert.InRange(d.ToString().Length, 1, Diagnostic.MaxMessageLength + 300);
        Assert.Equal(0, bag.Suppressed);
    }

    [Fact]
    public void EveryDiagnosticIsCappedWithoutSplittingASurrogatePair()
    {
        var bag = new DiagnosticBag();
        // The cut falls inside the emoji at every parity, and the field and file are huge too.
        for (var pad = 0; pad < 2; pad++)
        {
            var message = new string('a', Diagnostic.MaxMessageLength - 2 + pad) + string.Concat(Enumerable.Repeat("💥", 8_000_000));
            bag.Error(new string('f', 10_000) + "💥", 1, new string('c', 10_000), message);
        }
        foreach (var d in bag)
        {
            Assert.InRange(d.Message.Length, 1, Diagnostic.MaxMessageLength);
            Assert.InRange(d.File.Length, 1, Diagnostic.MaxNameLength);
            Assert.InRange(d.Field.Length, 1, Diagnostic.MaxNameLength);
            // Strict UTF-8 encoding throws on a lone surrogate.
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(d.ToString());
        }
        var e = new CaravanDataException(new Diagnostic("x", 0, "", new string('y', 5_000_000)));
        Assert.InRange(e.Diagnostics[0].Message.Length, 1, Diagnostic.MaxMessageLength);
    }

    [Fact]
    public void TheMoreNotShownLineNamesTheFile()
    {
        var rows = new StringBuilder("origin,destination,commodity,quantity_per_year,unit,source\n");
        for (var i = 0; i < 3000; i++)
        {
            rows.Append("a,b\n");
        }
        var bag = new DiagnosticBag();
        CsvTable.Parse(rows.ToString(), "demand.csv", ["origin", "destination", "commodity", "quantity_per_year", "unit", "source"], [], bag);
        var last = bag.Snapshot()[^1];
        Assert.Equal("2000 more diagnostics not shown", last.Message);
        Assert.Equal("demand.csv", last.File);
    }

    [Theory]
    [InlineData("60000000", "outside the allowed range")]
    [InlineData("abc", "")]
    public void ARejectedNodeCountIsOneDiagnostic(string nodes, string message)
    {
        var text = $"<NUMBER OF ZONES> 2\n<NUMBER OF NODES> {nodes}\n<FIRST THRU NODE> 3\n<NUMBER OF LINKS> 2\n<END OF METADATA>\n1 3 100 1 2 0.15 4 0 0 1 ;\n3 2 100 1 2 0.15 4 0 0 1 ;\n";
        var e = Assert.Throws<CaravanDataException>(() => TntpNetReader.Read(new StringReader(text), "x_net.tntp"));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("<NUMBER OF NODES>", d.Field);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("50000000", "outside the allowed range")]
    [InlineData("many", "")]
    public void ARejectedZoneCountInATripsFileIsOneDiagnostic(string zones, string message)
    {
        // Found by probing (issue 16): with the header rejected, the pair key folded origin and destination together,
        // so every block after the first read as "demand from 2 to 1 is given twice".
        var text = $"<NUMBER OF ZONES> {zones}\n<END OF METADATA>\nOrigin 1\n 1 : 0.0; 2 : 100.0; 3 : 5;\nOrigin 2\n 1 : 100.0; 2 : 0.0; 3 : 7;\nOrigin 3\n 1 : 1; 2 : 2;\n";
        var e = Assert.Throws<CaravanDataException>(() => TntpTripsReader.Read(new StringReader(text), "x_trips.tntp"));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("<NUMBER OF ZONES>", d.Field);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADuplicateInATripsFileIsStillFoundWithoutTheHeader()
    {
        var text = "<NUMBER OF ZONES> 0\n<END OF METADATA>\nOrigin 1\n 2 : 100.0;\nOrigin 2\n 1 : 100.0; 1 : 3;\n";
        var e = Assert.Throws<CaravanDataException>(() => TntpTripsReader.Read(new StringReader(text), "x_trips.tntp"));
        Assert.Contains(e.Diagnostics, d => d.Message == "demand from 2 to 1 is given twice" && d.Line == 6);
        Assert.DoesNotContain(e.Diagnostics, d => d.Message == "demand from 1 to 2 is given twice");
    }

    [Fact]
    public void AnUnreadablePlacesFileCausesNoUnknownPlaceCascade()
    {
        var dir = TestPaths.CopyMini();
        try
        {
            var path = Path.Combine(dir, "places.csv");
            File.WriteAllBytes(path, [.. File.ReadAllBytes(path), 0xC3, 0x28, (byte)'\n']);
            var sources = Path.Combine(dir, "sources.csv");
            File.WriteAllText(sources, "id,name\nT1,x\n"); // a header without its required title column
            var result = NetworkReader.TryReadFolder(dir);
            Assert.Null(result.Network);
            var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
            Assert.Contains(errors, d => d.File.EndsWith("places.csv", StringComparison.Ordinal) && d.Message.Contains("not valid UTF-8", StringComparison.Ordinal));
            Assert.DoesNotContain(errors, d => d.Message.Contains("unknown place code", StringComparison.Ordinal));
            Assert.DoesNotContain(errors, d => d.Message.Contains("unknown source id", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
