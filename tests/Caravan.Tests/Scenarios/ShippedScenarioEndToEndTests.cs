using System.Text.Json;
using Caravan.Tests.Cli;
using Xunit;

namespace Caravan.Tests.Scenarios;

/// <summary>
/// Every scenario shipped in data/scenarios/ run end to end as a user runs it, through the real CLI process on the
/// embedded network and demand: a route, a freight assignment and a comparison with base under the demand.
/// The list comes from the folder, so a new scenario is covered without editing this test.
/// </summary>
public class ShippedScenarioEndToEndTests
{
    private static readonly string Demand = Path.Combine(TestPaths.Data, "demand", "eurasia-2024.csv");

    private static List<string> Names()
        => [.. Directory.GetFiles(Path.Combine(TestPaths.Data, "scenarios"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Shipped() => [.. Names()];

    [Fact]
    public void EveryDocumentedScenarioIsShipped()
    {
        var names = Names();
        foreach (var name in new[] { "base", "cku-railway", "middle-corridor-2030", "northern-closed", "cagp-line-d", "trans-caspian-gas" })
        {
            Assert.Contains(name, names);
        }
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void RoutesAssignsAndComparesWithDemand(string scenario)
    {
        var route = CliProcess.Run("route", "--from", "CNSIA", "--to", "DEDUI", "--scenario", scenario, "--json");
        Assert.True(route.ExitCode == 0, route.Stderr);
        using (var doc = JsonDocument.Parse(route.Stdout))
        {
            Assert.True(doc.RootElement.GetProperty("routes").GetArrayLength() > 0);
        }

        var assign = CliProcess.Run("assign", "--demand", Demand, "--scenario", scenario, "--year", "2030", "--json");
        Assert.True(assign.ExitCode == 0, assign.Stderr);
        using (var doc = JsonDocument.Parse(assign.Stdout))
        {
            Assert.True(doc.RootElement.GetProperty("converged").GetBoolean());
            Assert.True(doc.RootElement.GetProperty("demandTonnes").GetDouble() > 0);
            // Nothing above 110% of capacity under any shipped scenario (issue 13).
            Assert.True(doc.RootElement.GetProperty("maxUtilisation").GetDouble() <= 1.10, $"{scenario}: largest utilisation {doc.RootElement.GetProperty("maxUtilisation").GetDouble():P1}");
        }

        var compare = CliProcess.Run("compare", "base", scenario, "--demand", Demand, "--year", "2030", "--json");
        Assert.True(compare.ExitCode == 0, compare.Stderr);
        using (var doc = JsonDocument.Parse(compare.Stdout))
        {
            var flows = doc.RootElement.GetProperty("assignment");
            Assert.Equal(0, flows.GetProperty("unservedA").GetArrayLength());
            Assert.True(flows.GetProperty("corridors").GetArrayLength() > 0);
        }
    }

    [Fact]
    public void NorthernClosedReportsTheFlowsItCutsOffInsteadOfFailing()
    {
        var compare = CliProcess.Run("compare", "base", "northern-closed", "--demand", Demand, "--json");
        Assert.True(compare.ExitCode == 0, compare.Stderr);
        using var doc = JsonDocument.Parse(compare.Stdout);
        var unserved = doc.RootElement.GetProperty("assignment").GetProperty("unservedB").EnumerateArray().ToList();
        Assert.NotEmpty(unserved);
        // Every flow cut off starts or ends in Russia, or can reach its destination only through it.
        Assert.All(unserved, u => Assert.Contains("not connected", u.GetProperty("reason").GetString(), StringComparison.Ordinal));
        Assert.Contains(unserved, u => u.GetProperty("origin").GetString() == "RUMOW" || u.GetProperty("destination").GetString() == "RUMOW");
        Assert.All(unserved, u => Assert.True(u.GetProperty("tonnes").GetDouble() > 0));
    }

    [Fact]
    public void CagpLineDCarriesGasFromGalkynyshToKashgar()
    {
        var before = CliProcess.Run("route", "--from", "TM-GALKYNYSH", "--to", "CNKHG", "--cargo", "gas", "--quantity", "1000", "--year", "2026");
        Assert.Equal(2, before.ExitCode);
        Assert.Contains("no route", before.Stderr, StringComparison.Ordinal);
        var after = CliProcess.Run("route", "--from", "TM-GALKYNYSH", "--to", "CNKHG", "--cargo", "gas", "--quantity", "1000", "--year", "2026", "--scenario", "cagp-line-d", "--json");
        Assert.True(after.ExitCode == 0, after.Stderr);
        using var doc = JsonDocument.Parse(after.Stdout);
        Assert.Equal("pipeline", doc.RootElement.GetProperty("routes")[0].GetProperty("corridor").GetString());
    }

    [Fact]
    public void MiddleCorridor2030SpeedsUpTheChineseLegOfTheBlockTrains()
    {
        static double Hours(params string[] scenario)
        {
            var run = CliProcess.Run(["route", "--from", "CNSIA", "--to", "CNHRS", "--optimize", "time", "--json", .. scenario]);
            Assert.True(run.ExitCode == 0, run.Stderr);
            using var doc = JsonDocument.Parse(run.Stdout);
            return doc.RootElement.GetProperty("routes").EnumerateArray().Min(r => r.GetProperty("p50Hours").GetDouble());
        }
        var baseHours = Hours();
        var mc2030 = Hours("--scenario", "middle-corridor-2030");
        // Xi'an → Khorgos is all Chinese 1435 mm rail: the 45 → 60 km/h change cuts its moving time by a quarter.
        Assert.True(mc2030 < 0.8 * baseHours, $"{mc2030} h vs {baseHours} h on base");
    }
}
