using System.Text.Json;
using Caravan.Comparison;
using Caravan.Tests.Cli;
using Xunit;

namespace Caravan.Tests.Scenarios;

/// <summary>Comparing scenarios on the mini fixture, in the engine and through the CLI.</summary>
public sealed class CompareTests : IDisposable
{
    private readonly OverlayFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static readonly OdPair[] Pairs =
    [
        new("Kashgar", "Andijan", Caravan.Model.Commodity.Container, 1),
        new("Xi'an", "Duisburg", Caravan.Model.Commodity.Container, 1),
        new("Tashkent", "Baku", Caravan.Model.Commodity.Container, 1),
    ];

    [Fact]
    public void CkuOpeningIsTheBiggestChangeAndSaysWhy()
    {
        var a = OverlayFiles.Load("base").Scenario!;
        var b = OverlayFiles.Load("cku-railway").Scenario!;
        var r = ScenarioComparer.Compare(a, b, Pairs, new ComparisonOptions());
        var top = r.Routes[0];
        Assert.Equal("CNKHG", top.From);
        Assert.True(top.DeltaHours < -48);
        Assert.Equal("cku", top.B!.Corridor);
        Assert.Contains(top.Reasons, x => x.Contains("X15", StringComparison.Ordinal) && x.Contains("opened in cku-railway", StringComparison.Ordinal));
        Assert.Contains(top.Causes, x => x.Contains("S211", StringComparison.Ordinal));
        Assert.Equal(0, r.Routes[1].DeltaHours);
        var skipped = Assert.Single(r.Skipped);
        Assert.Contains("Tashkent", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NorthernClosedNamesTheClosedCrossings()
    {
        var r = ScenarioComparer.Compare(OverlayFiles.Load("base").Scenario!, OverlayFiles.Load("northern-closed").Scenario!, Pairs, new ComparisonOptions());
        var xd = r.Routes.Single(x => x.To == "DEDUI");
        Assert.Equal("north", xd.A!.Corridor);
        Assert.Equal("middle", xd.B!.Corridor);
        Assert.Contains(xd.Reasons, x => x.Contains("X8", StringComparison.Ordinal) && x.Contains("closed", StringComparison.Ordinal));
    }

    [Fact]
    public void TargetsAreChecked()
    {
        var r = ScenarioComparer.Compare(OverlayFiles.Load("base").Scenario!, OverlayFiles.Load("middle-corridor-2030").Scenario!,
            [new OdPair("Almaty", "Baku", Caravan.Model.Commodity.Container, 1)], new ComparisonOptions());
        var t = Assert.Single(r.Targets);
        Assert.Equal(0.5, t.Target.Factor);
        Assert.Equal(1, t.Pairs);
        Assert.True(t.MeanRatio < 1);
    }

    [Fact]
    public void CliCompareJsonChartAndSave()
    {
        var pairs = Path.Combine(_files.Folder, "pairs.csv");
        File.WriteAllText(pairs, "from,to,cargo,quantity\nKashgar,Andijan,container,1\nxian,DEDUI,container,2\n");
        var chart = Path.Combine(_files.Folder, "chart.png");
        var db = Path.Combine(_files.Folder, "runs.db");
        var r = CliProcess.Run("compare", "base", "cku-railway", "--data", TestPaths.Mini, "--pairs", pairs, "--json", "--chart", chart, "--save", "--db", db);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("cku-railway", doc.RootElement.GetProperty("b").GetProperty("name").GetString());
        Assert.StartsWith("sha256:", doc.RootElement.GetProperty("b").GetProperty("contentHash").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, doc.RootElement.GetProperty("routes").GetArrayLength());
        var png = File.ReadAllBytes(chart);
        Assert.True(png.Length > 1000);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        Assert.Contains("saved run 1", r.Stderr, StringComparison.Ordinal);

        var list = CliProcess.Run("runs", "list", "--db", db);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("base → cku-railway", list.Stdout, StringComparison.Ordinal);
        var show = CliProcess.Run("runs", "show", "1", "--db", db);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("CNKHG→UZAND", show.Stdout, StringComparison.Ordinal);
        var outFile = Path.Combine(_files.Folder, "run.json");
        Assert.Equal(0, CliProcess.Run("runs", "export", "1", "--db", db, "--out", outFile).ExitCode);
        using var exported = JsonDocument.Parse(File.ReadAllText(outFile));
        Assert.Equal(2, exported.RootElement.GetProperty("results").GetArrayLength());
        Assert.Equal("od", exported.RootElement.GetProperty("results")[0].GetProperty("kind").GetString());
        Assert.Empty(Directory.GetFiles(_files.Folder, "*.tmp*"));
        Assert.Equal(0, CliProcess.Run("runs", "delete", "1", "--db", db).ExitCode);
        Assert.Equal(2, CliProcess.Run("runs", "show", "1", "--db", db).ExitCode);
    }

    [Fact]
    public void CliReportsBadOverlayWithFileLineAndField()
    {
        var bad = _files.Write("bad", "{\"name\": \"bad\", \"description\": \"d\", \"changes\": [\n  {\"op\": \"open\", \"where\": {\"ids\": [\"X155\"]}}\n]}");
        var r = CliProcess.Run("route", "--from", "Kashgar", "--to", "Andijan", "--data", TestPaths.Mini, "--scenario", bad);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("bad.json:2: $.changes[0].where.ids: unknown link id 'X155' (did you mean 'X15'?)", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void CliRouteWithScenarioUsesTheCkuLine()
    {
        var r = CliProcess.Run("route", "--from", "Kashgar", "--to", "Andijan", "--data", TestPaths.Mini, "--scenario", "cku-railway", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("cku", doc.RootElement.GetProperty("routes")[0].GetProperty("corridor").GetString());
        var bad = CliProcess.Run("places", "--data", TestPaths.Mini, "--scenario", "no-such-scenario");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("unknown scenario 'no-such-scenario'", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void CliPairsFileErrorsPointIntoTheFile()
    {
        var pairs = Path.Combine(_files.Folder, "pairs.csv");
        File.WriteAllText(pairs, "from,to,cargo\nKashgar,Andijan,bananas\n");
        var r = CliProcess.Run("compare", "base", "cku-railway", "--data", TestPaths.Mini, "--pairs", pairs);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("pairs.csv:2: cargo: unknown cargo 'bananas'", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void CliScenariosListsAndShowsWhatAChangeMatched()
    {
        var list = CliProcess.Run("scenarios");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("middle-corridor-2030", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("northern-closed", list.Stdout, StringComparison.Ordinal);
        var show = CliProcess.Run("scenarios", "northern-closed", "--data", TestPaths.Mini);
        Assert.True(show.ExitCode == 0, show.Stderr);
        Assert.Contains("X8", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("content hash: sha256:", show.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void CliValidateChecksAScenarioAndPrintsItsHash()
    {
        var ok = CliProcess.Run("validate", TestPaths.Mini, "--scenario", "cku-railway");
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        Assert.Contains("+ scenario cku-railway: ok", ok.Stdout, StringComparison.Ordinal);
        Assert.Contains("content hash sha256:", ok.Stdout, StringComparison.Ordinal);
        var warnings = CliProcess.Run("validate", TestPaths.Mini, "--scenario", "cagp-line-d", "--warnings");
        Assert.Equal(0, warnings.ExitCode);
        Assert.Contains("matches nothing in this network", warnings.Stderr, StringComparison.Ordinal);
    }
}
