using Caravan.Assignment;
using Caravan.Data.Tntp;
using Caravan.Diagnostics;
using Caravan.Tests.Cli;
using Xunit;

namespace Caravan.Tests.Assignment;

/// <summary>
/// Extreme TNTP values (issue 16, point 3): a capacity of 1e-100 crashed Algorithm B with IndexOutOfRangeException
/// and a demand of 1e100 gave NaN with exit 0. Each value is valid on its own field's terms, so the check is what
/// the values do together: every link's cost at the total demand must be finite and summable, else the link's line
/// is named. The solver itself refuses such a problem from any other source, and never reports a NaN gap.
/// </summary>
public sealed class TntpExtremeValueTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("caravan-tntp-extreme-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>SiouxFalls with the first link row (line 10) and the first demand entry (line 7) edited.</summary>
    private string Folder(string? firstLink = null, string? firstDemand = null)
    {
        var source = TestData.Tntp("SiouxFalls");
        var net = File.ReadAllLines(Path.Combine(source, "SiouxFalls_net.tntp"));
        var trips = File.ReadAllText(Path.Combine(source, "SiouxFalls_trips.tntp"));
        Assert.StartsWith("\t1\t2\t25900.20064\t6\t6\t0.15\t4", net[9], StringComparison.Ordinal);
        if (firstLink is not null)
        {
            net[9] = firstLink;
        }
        if (firstDemand is not null)
        {
            var at = trips.IndexOf("2 :    100.0;", StringComparison.Ordinal);
            trips = trips[..at] + $"2 : {firstDemand};" + trips[(at + "2 :    100.0;".Length)..];
        }
        File.WriteAllLines(Path.Combine(_folder, "SiouxFalls_net.tntp"), net);
        File.WriteAllText(Path.Combine(_folder, "SiouxFalls_trips.tntp"), trips);
        return _folder;
    }

    private static Diagnostic Single(string folder)
        => Assert.Single(Assert.Throws<CaravanDataException>(() => TntpFolder.Load(folder)).Diagnostics);

    [Theory]
    [InlineData("\t1\t2\t1e-100\t6\t6\t0.15\t4\t0\t0\t1\t;", "capacity 1E-100")]
    [InlineData("\t1\t2\t25900.20064\t6\t6\t1e300\t4\t0\t0\t1\t;", "b 1E+300")]
    [InlineData("\t1\t2\t25900.20064\t6\t1e300\t0.15\t4\t0\t0\t1\t;", "free-flow time 1E+300")]
    [InlineData("\t1\t2\t25900.20064\t6\t6\t0.15\t1e10\t0\t0\t1\t;", "power 1E+10")]
    public void LinkWhoseCostOverflowsAtTheTotalDemandIsNamedByItsLine(string row, string mentioned)
    {
        var d = Single(Folder(firstLink: row));
        Assert.EndsWith("SiouxFalls_net.tntp", d.File, StringComparison.Ordinal);
        Assert.Equal(10, d.Line);
        Assert.Equal("link", d.Field);
        Assert.Contains(mentioned, d.Message, StringComparison.Ordinal);
        Assert.Contains("360600", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DemandAboveTheLimitIsRejectedWhereItIsWritten()
    {
        var d = Single(Folder(firstDemand: "1e100"));
        Assert.EndsWith("SiouxFalls_trips.tntp", d.File, StringComparison.Ordinal);
        Assert.Equal(7, d.Line);
        Assert.Equal("demand", d.Field);
        Assert.Contains("largest demand accepted", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DistanceCostThatOverflowsIsNamedByItsLine()
    {
        var folder = Folder(firstLink: "\t1\t2\t25900.20064\t1e308\t6\t0.15\t4\t0\t0\t1\t;");
        var d = Assert.Single(Assert.Throws<CaravanDataException>(() => TntpFolder.Load(folder, new TntpOptions { DistanceFactor = 10 })).Diagnostics);
        Assert.Equal(10, d.Line);
        Assert.Equal("length", d.Field);
    }

    [Theory]
    [InlineData("\t1\t2\t1e-100\t6\t6\t0.15\t1\t0\t0\t1\t;", null)] // finite: 1e105 per unit of flow
    [InlineData("\t1\t2\t1e308\t6\t6\t0.15\t4\t0\t0\t1\t;", null)]
    [InlineData("\t1\t2\t25900.20064\t6\t1e-300\t1e-300\t4\t0\t0\t1\t;", null)]
    [InlineData(null, "1e14")]
    public void ExtremeButFiniteValuesConvergeWithFiniteResults(string? row, string? demand)
    {
        var data = TntpFolder.Load(Folder(row, demand));
        var result = TrafficAssignment.Solve(data.Problem, new AssignmentOptions { TargetRelativeGap = 1e-6, Threads = 2 });
        Assert.True(result.Converged, $"gap {result.RelativeGap}");
        Assert.True(double.IsFinite(result.Objective) && double.IsFinite(result.RelativeGap));
        Assert.All(result.LinkFlow, f => Assert.True(double.IsFinite(f) && f >= -1e-6, $"flow {f}"));
    }

    [Fact]
    public void SolverRefusesAProblemWhoseCostsOverflowFromAnySource()
    {
        var problem = SmallNetworks.Linear(2, [0], [1], [1], [1e300], [0, 1], [(0, 1, 1e10)]);
        var e = Assert.Throws<CaravanDataException>(() => TrafficAssignment.Solve(problem, new AssignmentOptions()));
        Assert.Contains("link 1", Assert.Single(e.Diagnostics).Field, StringComparison.Ordinal);
    }

    [Fact]
    public void CliExitsWithBadInputNotAnInternalError()
    {
        var run = CliProcess.Run("assign", "--tntp", Folder(firstLink: "\t1\t2\t1e-100\t6\t6\t0.15\t4\t0\t0\t1\t;"), "--json");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("SiouxFalls_net.tntp:10: link:", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Stderr, StringComparison.Ordinal);
    }
}
