using Caravan.Data;
using Xunit;

namespace Caravan.Tests.Data;

public class NetworkReaderTests
{
    private static IReadOnlyList<Diagnostic> LoadWith(string file, Func<string, string> edit)
    {
        var dir = TestPaths.CopyMini();
        try
        {
            var path = Path.Combine(dir, file);
            File.WriteAllText(path, edit(File.ReadAllText(path)));
            var result = NetworkReader.TryReadFolder(dir);
            Assert.Null(result.Network);
            return result.Diagnostics;
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics, string field)
    {
        var errors = diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.True(errors.Count >= 1, "expected an error");
        return Assert.Single(errors, d => d.Field == field);
    }

    [Fact]
    public void MiniFixtureLoadsCleanly()
    {
        var result = NetworkReader.TryReadFolder(TestPaths.Mini);
        Assert.NotNull(result.Network);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void NonNumericDistanceNamesFileLineAndField()
    {
        var d = Single(LoadWith("links.csv", t => t.Replace("L2,KZ-DOS,KZALA,Rail1520,1000,", "L2,KZ-DOS,KZALA,Rail1520,abc,", StringComparison.Ordinal)), "distance_km");
        Assert.Equal(3, d.Line);
        Assert.EndsWith("links.csv", d.File, StringComparison.Ordinal);
        Assert.Contains("'abc' is not a number", d.Message, StringComparison.Ordinal);
        Assert.Matches(@"links\.csv:3: distance_km: ", d.ToString());
    }

    [Theory]
    [InlineData("NaN", "not a finite number")]
    [InlineData("Infinity", "not a finite number")]
    [InlineData("-5", "outside the allowed range")]
    [InlineData("0", "outside the allowed range")]
    public void NonFiniteOrNonPositiveDistancesAreRejected(string value, string message)
    {
        var d = Single(LoadWith("links.csv", t => t.Replace("L2,KZ-DOS,KZALA,Rail1520,1000,", $"L2,KZ-DOS,KZALA,Rail1520,{value},", StringComparison.Ordinal)), "distance_km");
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownPlaceSuggestsTheNearestCode()
    {
        var d = Single(LoadWith("links.csv", t => t.Replace("L2,KZ-DOS,KZALA", "L2,KZ-DOS,KZALAA", StringComparison.Ordinal)), "to");
        Assert.Contains("did you mean 'KZALA'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateIdsAreReportedWithTheFirstLine()
    {
        var d = Single(LoadWith("places.csv", t => t + "KZALA,Almaty again,KZ,43,76,city,,T1,\n"), "code");
        Assert.Contains("first defined on line", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSourceIsAnError()
    {
        var d = Single(LoadWith("links.csv", t => t.Replace("both,middle,T1,\nL3", "both,middle,,\nL3", StringComparison.Ordinal)), "source");
        Assert.Contains("cite a source", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownSourceIsAnError()
    {
        var d = Single(LoadWith("links.csv", t => t.Replace("both,middle,T1,\nL3", "both,middle,T9,\nL3", StringComparison.Ordinal)), "source");
        Assert.Contains("unknown source id 'T9'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RaggedRowIsAnErrorNotADroppedRow()
    {
        var diagnostics = LoadWith("links.csv", t => t.Replace("L2,KZ-DOS,KZALA,Rail1520,1000,,,,,,,1,operating,,both,middle,T1,", "L2,KZ-DOS,KZALA", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Line == 3 && d.Message.Contains("fields but the header has", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingRequiredColumnIsReported()
    {
        var d = Single(LoadWith("places.csv", t => t.Replace("code,name,country,lat,lon", "code,name,country,latitude,lon", StringComparison.Ordinal)), "lat");
        Assert.Contains("required column missing", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFileIsReported()
    {
        var diagnostics = LoadWith("transfers.csv", _ => "");
        Assert.Contains(diagnostics, d => d.File.EndsWith("transfers.csv", StringComparison.Ordinal) && d.Message.Contains("empty", StringComparison.Ordinal));
    }

    [Fact]
    public void PlannedLinkWithoutOpeningYearIsReported()
    {
        var d = Single(LoadWith("crossings.csv", t => t.Replace("planned,2030", "planned,", StringComparison.Ordinal)), "opening_year");
        Assert.Contains("opening year", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RailLinkBetweenCountriesMustBeACrossing()
    {
        var d = Single(LoadWith("links.csv", t => t + "L99,KZALA,CNSIA,Rail1435,4000,,,,,,,,operating,,both,,T1,\n"), "to");
        Assert.Contains("crossings.csv", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BomCrlfAndCommentsAreAccepted()
    {
        var dir = TestPaths.CopyMini();
        try
        {
            var path = Path.Combine(dir, "links.csv");
            var text = "\uFEFF# a comment before the header\r\n" + File.ReadAllText(path).Replace("\n", "\r\n", StringComparison.Ordinal);
            File.WriteAllText(path, text);
            var result = NetworkReader.TryReadFolder(dir);
            Assert.NotNull(result.Network);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void InvalidUtf8IsReportedNotGarbled()
    {
        var dir = TestPaths.CopyMini();
        try
        {
            var path = Path.Combine(dir, "places.csv");
            var bytes = File.ReadAllBytes(path).Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).ToArray();
            File.WriteAllBytes(path, bytes);
            var result = NetworkReader.TryReadFolder(dir);
            Assert.Null(result.Network);
            Assert.Contains(result.Diagnostics, d => d.File.EndsWith("places.csv", StringComparison.Ordinal) && d.Message.Contains("cannot read", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void AllProblemsAreReportedTogether()
    {
        var diagnostics = LoadWith("links.csv", t => t
            .Replace("L2,KZ-DOS,KZALA,Rail1520,1000,", "L2,KZ-DOS,KZALA,Rail1520,x,", StringComparison.Ordinal)
            .Replace("L3,KZALA,KZAKT,Rail1520", "L3,KZALA,KZAKT,Rail1600", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Line == 3 && d.Field == "distance_km");
        Assert.Contains(diagnostics, d => d.Line == 4 && d.Field == "mode");
    }
}
