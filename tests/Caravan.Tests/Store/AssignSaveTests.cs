using Caravan.Tests.Cli;
using Xunit;

namespace Caravan.Tests.Store;

/// <summary><c>assign --save</c> keeps both kinds of assignment in the run store, and they survive a new process.</summary>
public class AssignSaveTests
{
    [Fact]
    public void TntpAndFreightAssignmentsAreSavedAndListed()
    {
        var dir = Directory.CreateTempSubdirectory("assign-save").FullName;
        try
        {
            var db = Path.Combine(dir, "runs.db");
            var sioux = Path.Combine(TestPaths.Shared, "tntp", "SiouxFalls");
            Assert.Equal(0, CliProcess.Run("assign", "--tntp", sioux, "--gap", "1e-4", "--save", "--db", db).ExitCode);
            var freight = CliProcess.Run("assign", "--demand", Path.Combine(TestPaths.Mini, "demand.csv"), "--data", TestPaths.Mini, "--save", "--db", db);
            Assert.True(freight.ExitCode == 0, freight.Stderr);
            var list = CliProcess.Run("runs", "list", "--db", db);
            Assert.Equal(0, list.ExitCode);
            Assert.Contains("tntp:SiouxFalls", list.Stdout, StringComparison.Ordinal);
            Assert.Contains("base", list.Stdout, StringComparison.Ordinal);
            var show = CliProcess.Run("runs", "show", "2", "--db", db);
            Assert.Equal(0, show.ExitCode);
            Assert.Contains("X3", show.Stdout, StringComparison.Ordinal);
            var showJson = CliProcess.Run("runs", "show", "2", "--db", db, "--json");
            Assert.True(showJson.ExitCode == 0, showJson.Stderr);
            using var doc = System.Text.Json.JsonDocument.Parse(showJson.Stdout);
            // The engine's run document (the one GET /api/runs/{id} answers): the record, then its first rows.
            var run = doc.RootElement.GetProperty("run");
            Assert.Equal(2, run.GetProperty("id").GetInt64());
            Assert.Equal("base", run.GetProperty("scenarioA").GetString());
            var rows = doc.RootElement.GetProperty("results").GetArrayLength();
            Assert.Equal(Math.Min(run.GetProperty("resultCount").GetInt64(), Caravan.Services.EngineOptions.Default.MaxRunResults), rows);
            Assert.True(rows > 0);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
