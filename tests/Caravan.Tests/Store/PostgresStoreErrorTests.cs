using System.Net;
using System.Net.Sockets;
using Caravan.Store;
using Caravan.Tests.Cli;
using Caravan.Tests.Support;
using Xunit;

namespace Caravan.Tests.Store;

/// <summary>
/// <c>--db postgres://…</c>: a bad URL, an unreachable server, a wrong password or a missing database is a clear
/// exit-2 error that names the store without its password, never "internal error"; runs saved by one command are
/// listed by the next.
/// </summary>
public sealed class PostgresStoreErrorTests
{
    private static PostgresServer Server => PostgresServer.Shared;

    [Theory]
    [InlineData("postgres://u@h:5432", "no /database")]
    [InlineData("postgres://u@:5432/db", "no host")]
    [InlineData("postgres://u@h:99999/db", "port '99999'")]
    [InlineData("postgres://u@h:port/db", "port 'port'")]
    [InlineData("postgres://u@h/a/b", "one database name")]
    [InlineData("postgres://u@h/db?sslmode=maybe", "sslmode must be")]
    [InlineData("postgres://u@h/db?timeout=3", "unknown parameter 'timeout'")]
    [InlineData("postgres://u@h/db#x", "fragment")]
    public void ABadUrlSaysWhatIsWrong(string url, string expected)
    {
        var e = Assert.Throws<RunStoreException>(() => PostgresLocation.Parse(url));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheUrlGivesHostPortDatabaseUserAndPassword()
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(PostgresLocation.Parse("postgresql://ops%40team:p%3Ass@db.example:6543/runs?sslmode=require").ConnectionString);
        Assert.Equal(("db.example", 6543, "runs", "ops@team", "p:ss", Npgsql.SslMode.Require), (b.Host, b.Port, b.Database, b.Username, b.Password, b.SslMode));
        Assert.Equal(5432, new Npgsql.NpgsqlConnectionStringBuilder(PostgresLocation.Parse("postgres://u@[::1]/runs").ConnectionString).Port);
        Assert.Equal("postgres://u:***@h/db", PostgresLocation.Redact("postgres://u:secret@h/db"));
    }

    [Fact]
    public void AnUnreachableServerIsExitTwo()
    {
        var port = ClosedPort();
        var r = CliProcess.Run("runs", "list", "--db", $"postgres://caravan:secret@127.0.0.1:{port}/postgres");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"postgres://caravan@127.0.0.1:{port}/postgres: cannot reach the PostgreSQL server", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongPasswordIsExitTwoAndNotPrinted()
    {
        var url = $"postgres://{Server.User}:not-the-password@{Server.Host}:{Server.Port}/postgres";
        foreach (var args in new[] { new[] { "runs", "list", "--db", url }, ["runs", "delete", "1", "--db", url] })
        {
            var r = CliProcess.Run(args);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("authentication failed", r.Stderr, StringComparison.Ordinal);
            Assert.Contains("PGPASSWORD", r.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("not-the-password", r.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", r.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AMissingDatabaseIsExitTwo()
    {
        var r = CliProcess.Run("runs", "list", "--db", Server.UrlFor("no_such_database"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no such database", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePasswordComesFromPgPasswordWhenTheUrlHasNone()
    {
        var database = Server.CreateDatabase("pgpass");
        var url = $"postgres://{Server.User}@{Server.Host}:{Server.Port}/{database}";
        var saved = new PostgresRunStoreWithPassword(Server.Password).Open(url);
        Assert.Equal(RunStoreMigrations.Latest, saved.SchemaVersion);
        Assert.Throws<RunStoreException>(() => new PostgresRunStoreWithPassword("wrong").Open(url));
    }

    [Fact]
    public void RunsSavedWithTheCliAreListedShownAndExported()
    {
        var url = Server.UrlFor(Server.CreateDatabase("cli"));
        var save = CliProcess.Run("route", "--from", "xian", "--to", "DEDUI", "--data", TestPaths.Mini, "--save", "--db", url);
        Assert.True(save.ExitCode == 0, save.Stderr);
        var list = CliProcess.Run("runs", "list", "--db", url, "--json");
        Assert.Equal(0, list.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(list.Stdout);
        var run = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal("route", run.GetProperty("kind").GetString());
        var id = run.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var show = CliProcess.Run("runs", "show", id, "--db", url);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("result row(s): leg", show.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, CliProcess.Run("runs", "delete", id, "--db", url).ExitCode);
        Assert.Equal("[]", CliProcess.Run("runs", "list", "--db", url, "--json").Stdout.Trim());
    }

    private static int ClosedPort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>Opens a store with PGPASSWORD set for this process only while it opens.</summary>
    private sealed class PostgresRunStoreWithPassword(string password)
    {
        private static readonly Lock Gate = new();

        public PostgresRunStore Open(string url)
        {
            lock (Gate)
            {
                var old = Environment.GetEnvironmentVariable("PGPASSWORD");
                Environment.SetEnvironmentVariable("PGPASSWORD", password);
                try
                {
                    return new PostgresRunStore(url);
                }
                finally
                {
                    Environment.SetEnvironmentVariable("PGPASSWORD", old);
                }
            }
        }
    }
}
