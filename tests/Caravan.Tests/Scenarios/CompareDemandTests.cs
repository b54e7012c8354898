using System.Text.Json;
using Caravan.Tests.Cli;
using Xunit;

namespace Caravan.Tests.Scenarios;

/// <summary><c>compare --demand</c> on the mini fixture: closing the northern route relieves the congested Brest crossing.</summary>
public class CompareDemandTests
{
    [Fact]
    public void ClosingTheNorthRelievesBrestAndShiftsFlowToOtherCorridors()
    {
        var dir = Directory.CreateTempSubdirectory("compare-demand").FullName;
        try
        {
            var map = Path.Combine(dir, "flows.png");
            var r = CliProcess.Run("compare", "base", "northern-closed", "--data", TestPaths.Mini, "--pairs", Path.Combine(dir, "pairs.csv"),
                "--demand", Path.Combine(TestPaths.Mini, "demand.csv"), "--flow-map", map, "--json");
            // The pairs file does not exist: bad input, exit 2, nothing written.
            Assert.Equal(2, r.ExitCode);
            Assert.False(File.Exists(map));

            File.WriteAllText(Path.Combine(dir, "pairs.csv"), "from,to\nXi'an,Duisburg\n");
            r = CliProcess.Run("compare", "base", "northern-closed", "--data", TestPaths.Mini, "--pairs", Path.Combine(dir, "pairs.csv"),
                "--demand", Path.Combine(TestPaths.Mini, "demand.csv"), "--flow-map", map, "--json");
            Assert.True(r.ExitCode == 0, r.Stderr);
            using var doc = JsonDocument.Parse(r.Stdout);
            var flows = doc.RootElement.GetProperty("assignment");
            Assert.Contains(flows.GetProperty("relievedBottlenecks").EnumerateArray(), b => b.GetString()!.StartsWith("X3 BY-BRE", StringComparison.Ordinal));
            var north = flows.GetProperty("corridors").EnumerateArray().Single(c => c.GetProperty("corridor").GetString() == "north");
            Assert.True(north.GetProperty("flowB").GetDouble() < north.GetProperty("flowA").GetDouble());
            var others = flows.GetProperty("corridors").EnumerateArray().Where(c => c.GetProperty("corridor").GetString() is "middle" or "sea")
                .Sum(c => c.GetProperty("flowB").GetDouble() - c.GetProperty("flowA").GetDouble());
            Assert.True(others > 0);
            Assert.True(new FileInfo(map).Length > 10_000);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}

/// <summary>Every command that reads the network takes <c>--scenario</c>.</summary>
public class ScenarioOptionTests
{
    [Theory]
    [InlineData("route")]
    [InlineData("validate")]
    [InlineData("export")]
    [InlineData("places")]
    [InlineData("calibrate")]
    [InlineData("assign")]
    [InlineData("serve")]
    public void CommandAcceptsScenario(string command)
    {
        var r = CliProcess.Run(command, "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("--scenario", r.Stdout, StringComparison.Ordinal);
    }
}
