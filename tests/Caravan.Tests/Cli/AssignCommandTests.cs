using System.CommandLine;
using System.Text.Json;
using Caravan.Cli;
using Caravan.Cli.Commands;
using Xunit;

namespace Caravan.Tests.Cli;

/// <summary>Runs <c>caravan assign</c> in process. Console redirection is process-wide, so these tests share one collection.</summary>
[Collection("Console")]
public sealed class AssignCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("caravan-assign-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Code, string Out, string Error) Run(params string[] args) => CliRunner.RunCaptured(args);

    [Fact]
    public void JsonSummaryComparesWithTheBestKnownSolution()
    {
        var (code, output, _) = Run("assign", "--tntp", TestData.Tntp("SiouxFalls"), "--gap", "1e-8", "--json", "--threads", "1");
        Assert.Equal(ExitCodes.Ok, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.True(root.GetProperty("relativeGap").GetDouble() <= 1e-8);
        Assert.Equal(4231335.287, root.GetProperty("objective").GetDouble(), 1e-3);
        Assert.True(root.GetProperty("totalSystemTravelTime").GetDouble() > 0);
        Assert.True(root.GetProperty("iterations").GetInt32() > 0);
        Assert.True(root.GetProperty("seconds").GetDouble() >= 0);
        Assert.Equal("b", root.GetProperty("algorithm").GetString());
        Assert.True(root.GetProperty("bestKnown").GetProperty("relativeTsttDifference").GetDouble() <= 1e-5);
    }

    [Theory]
    [InlineData("flows.tntp", "From\tTo\tVolume\tCost")]
    [InlineData("flows.csv", "from,to,volume,cost")]
    public void WritesFlowsAtomically(string name, string firstLine)
    {
        var path = Path.Combine(_folder, name);
        var (code, output, _) = Run("assign", "--tntp", TestData.Tntp("SiouxFalls"), "--algorithm", "bfw", "--gap", "1e-4", "--out", path);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("relative gap", output);
        var lines = File.ReadAllLines(path);
        Assert.Equal(firstLine, lines[0]);
        Assert.Equal(77, lines.Length);
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Theory]
    [InlineData("--algorithm", "xyz", "--algorithm")]
    [InlineData("--gap", "-1", "--gap")]
    [InlineData("--max-iterations", "0", "--max-iterations")]
    [InlineData("--time-limit", "0", "--time-limit")]
    [InlineData("--threads", "-2", "--threads")]
    [InlineData("--out", "flows.txt", "--out")]
    public void BadArgumentsExitWithCodeTwo(string option, string value, string mentioned)
    {
        var (code, _, error) = Run("assign", "--tntp", TestData.Tntp("SiouxFalls"), option, value);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(mentioned, error);
    }

    [Fact]
    public void ProportionalityIsReportedForSiouxFalls()
    {
        var (code, output, _) = Run("assign", "--tntp", TestData.Tntp("SiouxFalls"), "--gap", "1e-5", "--proportionality", "--json", "--threads", "1");
        Assert.Equal(ExitCodes.Ok, code);
        using var json = JsonDocument.Parse(output);
        var p = json.RootElement.GetProperty("proportionality");
        Assert.True(p.GetProperty("sharedPairs").GetInt32() > 0);
        Assert.True(p.GetProperty("pairs").GetInt32() >= p.GetProperty("sharedPairs").GetInt32());
        var mean = p.GetProperty("meanDeviation").GetDouble();
        var max = p.GetProperty("maxDeviation").GetDouble();
        Assert.True(double.IsFinite(mean) && mean >= 0 && mean <= max && max <= 1, $"mean {mean}, max {max}");
        var worst = p.GetProperty("worst");
        Assert.Equal(max, Math.Abs(worst.GetProperty("originShare").GetDouble() - worst.GetProperty("pairShare").GetDouble()), 1e-12);

        var (textCode, text, _) = Run("assign", "--tntp", TestData.Tntp("SiouxFalls"), "--gap", "1e-5", "--proportionality", "--threads", "1");
        Assert.Equal(ExitCodes.Ok, textCode);
        Assert.Contains("proportionality", text, StringComparison.Ordinal);
        Assert.Contains("mean deviation", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ProportionalityIsLeftOutUnlessAskedFor()
    {
        var (code, output, _) = Run("assign", "--tntp", TestData.Tntp("SiouxFalls"), "--gap", "1e-4", "--json");
        Assert.Equal(ExitCodes.Ok, code);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.TryGetProperty("proportionality", out _));
    }

    [Theory]
    [InlineData("fw")]
    [InlineData("bfw")]
    [InlineData("aon")]
    public void ProportionalityNeedsAlgorithmB(string algorithm)
    {
        var (code, _, error) = Run("assign", "--tntp", TestData.Tntp("SiouxFalls"), "--algorithm", algorithm, "--proportionality");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--proportionality", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--proportionality=maybe")]
    [InlineData("--proportionality=1")]
    public void ProportionalityTakesNoOtherValueThanTrueOrFalse(string option)
    {
        var (code, _, _) = Run("assign", "--tntp", TestData.Tntp("SiouxFalls"), option);
        Assert.Equal(ExitCodes.BadInput, code);
    }

    [Fact]
    public void ProportionalityIsAnErrorWithDemand()
    {
        var (code, _, error) = Run("assign", "--demand", Path.Combine(TestPaths.Mini, "demand.csv"), "--data", TestPaths.Mini, "--proportionality");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--proportionality applies to --tntp only", error, StringComparison.Ordinal);
    }

    [Fact]
    public void DemandRunUsesTheFreightDefaultsAndSaysItConverged()
    {
        var (code, output, error) = Run("assign", "--demand", Path.Combine(TestPaths.Mini, "demand.csv"), "--data", TestPaths.Mini, "--year", "2026", "--json");
        Assert.True(code == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.True(root.GetProperty("converged").GetBoolean());
        Assert.Equal("choice", root.GetProperty("model").GetString());
        Assert.Equal("Converged", root.GetProperty("stopReason").GetString());
        // The freight model's gap is its capacity excess: within the choice model's tolerance when converged.
        var gap = root.GetProperty("relativeGap").GetDouble();
        Assert.True(gap <= new Caravan.Freight.Choice.ChoiceOptions().CapacityTolerance, $"gap {gap}");
        Assert.DoesNotContain("warning", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--gap", "1e-6")]
    [InlineData("--algorithm", "fw")]
    [InlineData("--time-limit", "5")]
    public void TntpSolverSettingsAreAnErrorWithDemand(string option, string value)
    {
        var (code, _, error) = Run("assign", "--demand", Path.Combine(TestPaths.Mini, "demand.csv"), "--data", TestPaths.Mini, option, value);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"{option} applies to --tntp only", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--tntp")]
    [InlineData("--demand")]
    public void RunStoppedAtItsIterationLimitWarnsAndExitsWithCodeThree(string kind)
    {
        string[] input = kind == "--tntp" ? ["--tntp", TestData.Tntp("SiouxFalls")] : ["--demand", Path.Combine(TestPaths.Mini, "demand.csv"), "--data", TestPaths.Mini, "--year", "2026"];
        string[] tight = kind == "--tntp" ? ["--gap", "1e-14"] : [];
        var (code, output, error) = Run(["assign", .. input, .. tight, "--max-iterations", "1", "--json"]);
        Assert.Equal(ExitCodes.NotConverged, code);
        Assert.Equal(3, code);
        Assert.Contains("warning: not converged", error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("converged").GetBoolean());
        Assert.Equal("MaxIterations", json.RootElement.GetProperty("stopReason").GetString());
    }

    [Fact]
    public void MissingFolderExitsWithCodeTwo()
    {
        var (code, _, error) = Run("assign", "--tntp", Path.Combine(_folder, "nothing-here"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("folder: no such folder", error);
    }

    [Fact]
    public void MalformedNetworkFileListsItsDiagnostics()
    {
        File.WriteAllText(Path.Combine(_folder, "Bad_net.tntp"), "<NUMBER OF ZONES> 1\n<NUMBER OF NODES> 2\n<NUMBER OF LINKS> 1\n<END OF METADATA>\n1 2 abc 1 1 0.15 4 0 0 1 ;\n");
        File.WriteAllText(Path.Combine(_folder, "Bad_trips.tntp"), "<NUMBER OF ZONES> 1\n<END OF METADATA>\nOrigin 1\n1 : 0 ;\n");
        var (code, _, error) = Run("assign", "--tntp", _folder);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("Bad_net.tntp:5: capacity: 'abc' is not a finite number", error);
    }
}
