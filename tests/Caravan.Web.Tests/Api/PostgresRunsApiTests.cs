using System.Net;
using System.Net.Sockets;
using Caravan.Store;
using Caravan.Tests.Support;
using Xunit;

namespace Caravan.Web.Tests.Api;

/// <summary><c>caravan serve --db postgres://…</c>: <c>/api/runs</c> reads the PostgreSQL store; a store that cannot be reached or refuses the password is a 503 problem, never a 500.</summary>
public sealed class PostgresRunsApiTests
{
    [Fact]
    public async Task RunsComeFromThePostgresStore()
    {
        var server = PostgresServer.Shared;
        var url = server.UrlFor(server.CreateDatabase("web"));
        var (app, client) = await ApiHost.StartAsync(o => o with { DatabasePath = url });
        await using (app)
        {
            // A database without the tables is an empty store, and listing it creates nothing.
            Assert.Equal(0, (await Json.ReadAsync(await client.GetAsync("/api/runs"))).GetArrayLength());
            using (var store = new PostgresRunStore(url))
            {
                var id = store.Save(new NewRun(RunKind.Compare, "base", "hashA", "northern-closed", "hashB", "{\"year\":2026}", "{\"pairs\":1}"), [new RunResultRow("od", "CNSIA→DEDUI", "{\"deltaDays\":3.5}")]);
                var list = await Json.ReadAsync(await client.GetAsync("/api/runs"));
                Assert.Equal(id, list[0].GetProperty("id").GetInt64());
                var run = await Json.ReadAsync(await client.GetAsync($"/api/runs/{id}"));
                Assert.Equal("northern-closed", run.GetProperty("run").GetProperty("scenarioB").GetString());
                Assert.Equal(3.5, run.GetProperty("results")[0].GetProperty("data").GetProperty("deltaDays").GetDouble());
            }
            await Json.ProblemAsync(await client.GetAsync("/api/runs/999999"), 404);
            client.Dispose();
        }
    }

    [Fact]
    public async Task AnUnreachableOrRefusingStoreIs503()
    {
        var server = PostgresServer.Shared;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closed = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        foreach (var url in new[] { $"postgres://caravan:x@127.0.0.1:{closed}/postgres", $"postgres://{server.User}:wrong@{server.Host}:{server.Port}/postgres" })
        {
            var (app, client) = await ApiHost.StartAsync(o => o with { DatabasePath = url });
            await using (app)
            {
                var problem = await Json.ProblemAsync(await client.GetAsync("/api/runs"), 503);
                Assert.Equal("the run store cannot be read", problem.GetProperty("detail").GetString());
                await Json.ProblemAsync(await client.GetAsync("/api/runs/1"), 503);
                client.Dispose();
            }
        }
    }
}
