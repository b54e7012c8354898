using System.Text.Json;
using Caravan.Tests.Cli;
using Xunit;

namespace Caravan.Tests.Appraisal;

/// <summary><c>caravan sweep</c> and <c>caravan silo</c> as a user runs them: exit codes, diagnostics, outputs.</summary>
public sealed class SweepCliTests
{
    [Fact]
    public void ABadSpecExitsWithItsDiagnostics()
    {
        var path = SweepSpecs.Write("cli-bad", """
            {
              "name": "cli-bad", "years": [2035], "discountRate": 0.06, "horizon": 2050,
              "projects": [], "futures": {"list": [{"id": "a"}]}, "portfolios": {"strategy": "all"}
            }
            """);
        var r = CliProcess.Run("sweep", path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(path + ":2:72: $.horizon: unknown property 'horizon'; allowed: name, description", r.Stderr, StringComparison.Ordinal);
        Assert.Contains(path + ":3:15: $.projects: give 1 to 40 candidate projects, not 0", r.Stderr, StringComparison.Ordinal);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void BadClusterAndSiloOptionsAreInputErrors()
    {
        var spec = SweepSpecs.Small(1, "cli-cluster");
        var r = CliProcess.Run("sweep", spec, "--cluster", "redis://x");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--cluster: 'redis://x' is neither postgres://", r.Stderr, StringComparison.Ordinal);
        var s = CliProcess.Run("silo", "--cluster", "localhost:12001,12002", "--port", "12005");
        Assert.Equal(2, s.ExitCode);
        Assert.Contains("--port 12005 is not one of the cluster's silo ports (12001, 12002)", s.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AClusterWithNoSiloUpIsAnInputError()
    {
        // Nothing listens on these ports' gateways (+10000): a wrong address or a cluster not started is the
        // user's to fix, so exit 2 with the address and what to do, not "internal error" and exit 1.
        var spec = SweepSpecs.Small(1, "cli-unreachable");
        var r = CliProcess.Run("sweep", spec, "--cluster", "localhost:23901,23902", "--db", Path.Combine(SweepSpecs.Folder, "unreachable.db"));
        Assert.True(r.ExitCode == 2, r.Stderr);
        Assert.Contains("error: --cluster localhost:23901,23902: no silo of the cluster answered", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", r.Stderr, StringComparison.Ordinal);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void AClusterDatabaseThatIsMissingIsAnInputError()
    {
        // A PostgreSQL cluster address whose database does not exist: the silo and the client say so, exit 2,
        // without the password, rather than "internal error" and exit 1.
        var server = Support.PostgresServer.Shared;
        var url = server.UrlFor("no_such_cluster_database");
        var silo = CliProcess.Run("silo", "--cluster", url, "--port", "11111");
        var sweep = CliProcess.Run("sweep", SweepSpecs.Small(1, "cli-nodb"), "--cluster", url, "--db", Path.Combine(SweepSpecs.Folder, "nodb.db"));
        foreach (var r in new[] { silo, sweep })
        {
            Assert.True(r.ExitCode == 2, r.Stderr);
            Assert.Contains("the cluster's PostgreSQL database cannot be used", r.Stderr, StringComparison.Ordinal);
            Assert.Contains("no_such_cluster_database", r.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", r.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(server.Password, r.Stderr, StringComparison.Ordinal);
            Assert.Equal("", r.Stdout);
        }
    }

    [Fact]
    public void ASweepPrintsJsonAndWritesCsvAndCharts()
    {
        var spec = SweepSpecs.Small(1, "cli-out");
        var dir = Path.Combine(SweepSpecs.Folder, "cli-out");
        var csv = Path.Combine(dir, "ranked.csv");
        Directory.CreateDirectory(dir);
        var r = CliProcess.Run("sweep", spec, "--json", "--csv", csv, "--png", dir, "--db", Path.Combine(dir, "runs.db"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var portfolios = doc.RootElement.GetProperty("portfolios");
        Assert.Equal(4, portfolios.GetArrayLength());
        Assert.Equal(1, portfolios[0].GetProperty("rank").GetInt32());
        Assert.Contains("computed 4 runs", r.Stderr, StringComparison.Ordinal);
        var lines = File.ReadAllLines(csv);
        Assert.StartsWith("rank,portfolio,capital_cost_usd,", lines[0], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
        foreach (var png in new[] { "frontier.png", "npv.png" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(dir, png));
            Assert.True(bytes.Length > 1000 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G', png);
        }
        // The table of the same sweep, from the store this time.
        var t = CliProcess.Run("sweep", spec, "--db", Path.Combine(dir, "runs.db"));
        Assert.Equal(0, t.ExitCode);
        Assert.Contains("Portfolios ranked by expected NPV", t.Stdout, StringComparison.Ordinal);
        Assert.Contains("4 distinct runs (0 computed, 4 from the store)", t.Stdout, StringComparison.Ordinal);
    }
}
