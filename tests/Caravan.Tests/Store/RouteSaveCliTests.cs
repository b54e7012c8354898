using Caravan.Store;
using Caravan.Tests.Cli;
using Xunit;

namespace Caravan.Tests.Store;

/// <summary><c>caravan route --save</c> keeps the route with its scenario and content hash.</summary>
public sealed class RouteSaveCliTests : IDisposable
{
    private readonly TempDb _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void RouteSaveStoresLegsWithTheScenarioHash()
    {
        var r = CliProcess.Run("route", "--from", "xian", "--to", "DEDUI", "--data", TestPaths.Mini, "--scenario", "northern-closed", "--save", "--db", _db.Path);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var run = Assert.Single(new SqliteRunStore(_db.Path).List());
        Assert.Equal(RunKind.Route, run.Kind);
        Assert.Equal("northern-closed", run.ScenarioA);
        Assert.StartsWith("sha256:", run.ContentHashA, StringComparison.Ordinal);
        Assert.Contains("\"corridor\":\"middle\"", run.SummaryJson, StringComparison.Ordinal);
        Assert.All(new SqliteRunStore(_db.Path).Results(run.Id), row => Assert.Equal("leg", row.Kind));
    }
}
