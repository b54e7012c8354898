using Caravan.Data;
using Caravan.Tests.Cli;
using Xunit;

namespace Caravan.Tests.Hostile;

/// <summary>
/// What <c>caravan validate</c> calls an error also stops every command that loads the network: a link whose fixed
/// time implies an absurd speed (1e-299 h, or 0 h for 500 km) refuses to load, with exit 2 naming file, line and field.
/// </summary>
public sealed class LoadValidationTests : IDisposable
{
    private readonly string _folder = TestPaths.CopyMini();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Sets the <c>hours</c> of link L1 (links.csv line 2, 2,500 km of rail).</summary>
    private void SetHoursOfL1(string hours)
    {
        var path = Path.Combine(_folder, "links.csv");
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var cells = lines[1].Split(',');
        Assert.Equal("L1", cells[0]);
        cells[Array.IndexOf(header, "hours")] = hours;
        lines[1] = string.Join(',', cells);
        File.WriteAllLines(path, lines);
    }

    [Theory]
    [InlineData("1e-299")]
    [InlineData("0")]
    public void ImplausibleLinkRefusesToLoad(string hours)
    {
        SetHoursOfL1(hours);
        var result = NetworkReader.TryReadFolder(_folder);
        Assert.Null(result.Network);
        var d = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.EndsWith("links.csv", d.File, StringComparison.Ordinal);
        Assert.Equal(2, d.Line);
        Assert.Equal("hours", d.Field);
        Assert.Contains("implied speed", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateRouteAssignAndServeAllExitTwo()
    {
        SetHoursOfL1("0");
        var demand = Path.Combine(TestPaths.Mini, "demand.csv");
        foreach (var args in new[]
        {
            new[] { "validate", _folder },
            ["route", "--from", "xian", "--to", "DEDUI", "--data", _folder],
            ["assign", "--demand", demand, "--data", _folder],
            ["serve", "--data", _folder, "--urls", "http://127.0.0.1:1"],
        })
        {
            var r = CliProcess.Run(args);
            Assert.True(r.ExitCode == 2, $"{args[0]}: exit {r.ExitCode}\n{r.Stderr}");
            Assert.Contains("links.csv:2: hours: implied speed", r.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WarningsDoNotStopTheLoad()
    {
        // A transfer to a mode no link serves there is a warning: the network loads and the warning is kept.
        var path = Path.Combine(_folder, "transfers.csv");
        var lines = File.ReadAllLines(path).ToList();
        var header = lines[0].Split(',');
        var cells = new string[header.Length];
        Array.Fill(cells, "");
        cells[Array.IndexOf(header, "place")] = "CNSIA";
        cells[Array.IndexOf(header, "from_mode")] = "Rail1435";
        cells[Array.IndexOf(header, "to_mode")] = "Air";
        cells[Array.IndexOf(header, "kind")] = "handling";
        cells[Array.IndexOf(header, "median_hours")] = "2";
        cells[Array.IndexOf(header, "source")] = "T1";
        lines.Add(string.Join(',', cells));
        File.WriteAllLines(path, lines);
        var result = NetworkReader.TryReadFolder(_folder);
        Assert.True(result.Network is not null, string.Join("\n", result.Diagnostics));
        Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Warning && d.Message.Contains("never used", StringComparison.Ordinal));
    }
}
