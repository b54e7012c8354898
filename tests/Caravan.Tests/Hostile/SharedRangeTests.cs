using Caravan.Data;
using Caravan.Freight;
using Caravan.Tests.Cli;
using Caravan.Tests.Scenarios;
using Xunit;

namespace Caravan.Tests.Hostile;

/// <summary>
/// One range per field for the CSV files and the overlays: a value a scenario sets or scales to is checked against
/// the range the CSV reader enforces for that column, so it is refused at load (exit 2) instead of crashing
/// <c>assign</c>; and a demand row given twice is an error, not a silent sum.
/// </summary>
public sealed class SharedRangeTests : IDisposable
{
    private readonly OverlayFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("set", "values", "crossings", "X3", "capacity_per_year", "1e308")]
    [InlineData("scale", "factors", "crossings", "X3", "capacity_per_year", "1e-100")]
    [InlineData("set", "values", "links", "L1", "speed_kmh", "1e300")]
    [InlineData("scale", "factors", "links", "L1", "distance_km", "1e-100")]
    [InlineData("set", "values", "links", "L1", "tariff_usd_per_feu", "1e300")]
    public void OverlayValuesOutsideTheCsvRangesAreRefused(string op, string key, string on, string id, string column, string value)
    {
        var path = _files.Write("extreme", $$$"""{"name": "extreme", "description": "d", "changes": [{"op": "{{{op}}}", "on": "{{{on}}}", "where": {"ids": ["{{{id}}}"]}, "{{{key}}}": {"{{{column}}}": {{{value}}} } }]}""");
        var r = OverlayFiles.Load(path);
        Assert.Null(r.Scenario);
        var e = OverlayFiles.Errors(r).First(d => d.Message.Contains($"{column} would become", StringComparison.Ordinal));
        Assert.Contains($"the range {on}.csv allows", e.Message, StringComparison.Ordinal);
        Assert.Equal(FieldRanges.Link(column, on == "crossings").ToString(), e.Message[(e.Message.IndexOf("outside ", StringComparison.Ordinal) + 8)..e.Message.IndexOf(" (the range", StringComparison.Ordinal)]);
    }

    [Fact]
    public void AddedItemsUseTheSameRangesAsTheCsvReader()
    {
        var path = _files.Write("addcap", """
        {"name": "addcap", "description": "d", "sources": ["T1"], "changes": [
          {"op": "add", "on": "links", "source": "T1", "items": [{"id": "LX", "from": "CNSIA", "to": "KZ-DOS", "mode": "Road", "distance_km": 2000, "capacity_per_year": 0, "capacity_unit": "TEU"}]}]}
        """);
        var r = OverlayFiles.Load(path);
        Assert.Null(r.Scenario);
        Assert.Contains(OverlayFiles.Errors(r), d => d.Message.Contains(FieldRanges.Link("capacity_per_year").Min.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public void AssignWithAnExtremeScenarioExitsTwo()
    {
        var folder = TestPaths.CopyMini();
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "scenarios"));
            File.WriteAllText(Path.Combine(folder, "scenarios", "tiny.json"), """{"name": "tiny", "description": "d", "changes": [{"op": "scale", "on": "crossings", "where": {"ids": ["X3"]}, "factors": {"capacity_per_year": 1e-100}}]}""");
            var r = CliProcess.Run("assign", "--demand", Path.Combine(TestPaths.Mini, "demand.csv"), "--data", folder, "--scenario", "tiny");
            Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}: {r.Stderr}");
            Assert.Contains("capacity_per_year would become", r.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void ADemandRowGivenTwiceIsAnError()
    {
        var path = Path.Combine(_files.Folder, "demand.csv");
        var lines = File.ReadAllLines(Path.Combine(TestPaths.Mini, "demand.csv")).ToList();
        lines.Add(lines[1].Replace(lines[1].Split(',')[0], "cnsia", StringComparison.Ordinal)); // the same origin, spelt in lower case
        File.WriteAllLines(path, lines);
        var e = Assert.Throws<CaravanDataException>(() => DemandReader.Read(path, TestPaths.LoadMini()));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(lines.Count, d.Line);
        Assert.Contains("already given on line 2", d.Message, StringComparison.Ordinal);
    }
}
