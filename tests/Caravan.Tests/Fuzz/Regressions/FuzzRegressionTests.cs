using System.Text;
using System.Text.RegularExpressions;
using Caravan.Data;
using Caravan.Data.Csv;
using Caravan.Freight;
using Caravan.Fuzz;
using Caravan.Model;
using Xunit;

namespace Caravan.Tests.Fuzz.Regressions;

/// <summary>
/// Every input that broke a reader's contract under the fuzzer (tests/fuzz/README.md) is kept in Inputs/&lt;target&gt;/
/// and replayed here through the same target; the named facts pin the diagnostic each fix produces.
/// </summary>
public class FuzzRegressionTests
{
    private static readonly string InputsFolder = Path.Combine(TestPaths.Root, "tests", "Caravan.Tests", "Fuzz", "Regressions", "Inputs");

    public static TheoryData<string, string> CrashInputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var dir in Directory.GetDirectories(InputsFolder).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(dir), Path.GetFileName(file));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CrashInputs))]
    public void FuzzerCrashInputNowKeepsTheContract(string target, string file)
    {
        var outcome = Targets.Run(target, File.ReadAllBytes(Path.Combine(InputsFolder, target, file)));
        Assert.StartsWith("rejected", outcome, StringComparison.Ordinal);
    }

    // U+FFFE is valid UTF-8 (EF BF BE) but string.Normalize rejects it: the "did you mean" search threw ArgumentException.
    [Fact]
    public void DemandPlaceWithNoncharacterIsReportedAsUnknownPlace()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("regression").FullName, "demand.csv");
        File.WriteAllText(path, "origin,destination,commodity,quantity_per_year,unit,source\nCN\uFFFEXIY,DEDUI,container,10,TEU,T1\n", new UTF8Encoding(false));
        var e = Assert.Throws<CaravanDataException>(() => DemandReader.Read(path, TestPaths.LoadMini()));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(("demand.csv", 2, "origin"), (d.File, d.Line, d.Field));
        Assert.Contains("unknown place code", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LinkEndWithNoncharacterIsReportedAsUnknownPlace()
    {
        var dir = TestPaths.CopyMini();
        try
        {
            var links = Path.Combine(dir, "links.csv");
            File.WriteAllText(links, File.ReadAllText(links).Replace("L1,CNSIA,", "L1,CN\uFFFEXIY,", StringComparison.Ordinal), new UTF8Encoding(false));
            var result = NetworkReader.TryReadFolder(dir);
            Assert.Null(result.Network);
            var d = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
            Assert.EndsWith("links.csv", d.File, StringComparison.Ordinal);
            Assert.Equal((2, "from"), (d.Line, d.Field));
            Assert.Contains("did you mean 'CNSIA'", d.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    // Code units as {XXXX}, so xunit can tell the cases apart (it cannot serialize lone surrogates).
    [Theory]
    [InlineData("Xi{FFFE}an", "xian")]
    [InlineData("Xi{FFFF}an", "xian")]
    [InlineData("A{D800}lma", "alma")]
    [InlineData("A{DC00}lma", "alma")]
    [InlineData("Almaty{D83D}", "almaty")]
    [InlineData("X{D835}{DC00}", "x")]
    public void NormalizeDropsWhatUnicodeNormalizationRejects(string text, string expected) =>
        Assert.Equal(expected, PlaceSearch.Normalize(Regex.Replace(text, @"\{([0-9A-F]{4})\}", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString())));

    // Found by review while writing the tntp-folder target: "Distance: " and 200,000 digits then a letter made the
    // README weight regex backtrack for minutes ([0-9]*\.?[0-9]+ then \b). Weight lines are short; long ones are
    // skipped before the regex sees them (a regression would hang this test, and CI's time limit would fail it).
    [Fact]
    public void ReadmeWeightLineOfDigitsIsSkipped()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("regression").FullName, "README.md");
        File.WriteAllText(path, "## Generalized Cost Weights\nDistance: " + new string('9', 200_000) + "x\nToll: 0.5 minutes/dollar\n");
        var (distance, toll) = Caravan.Data.Tntp.TntpCostWeights.ReadReadme(path);
        Assert.Null(distance);
        Assert.Equal(0.5, toll);
        // The rule itself: a weight line longer than 256 characters is not read, even when it holds a valid weight.
        File.WriteAllText(path, "## Generalized Cost Weights\nDistance: 0.04 minutes/mile " + new string('-', 300) + "\n");
        Assert.Null(Caravan.Data.Tntp.TntpCostWeights.ReadReadme(path).Distance);
    }

    // A clipped value quoted in a diagnostic must not end in half a surrogate pair (it would not encode to UTF-8/JSON).
    [Fact]
    public void ClippedValuesKeepSurrogatePairsWhole()
    {
        var value = new string('x', 56) + "💥💥💥💥";
        var clipped = CsvRecord.Clip(value);
        Assert.EndsWith("...", clipped, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(clipped[^4]));
        Assert.Equal(clipped, Encoding.UTF8.GetString(new UTF8Encoding(false, true).GetBytes(clipped)));
    }
}
