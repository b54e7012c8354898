using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caravan.Cli;
using Caravan.Data;
using Caravan.Services;
using Caravan.Store;
using Microsoft.AspNetCore.Builder;

namespace Caravan.Web.Tests.Api;

/// <summary>
/// The other pairs of doors: a freight assignment through <c>caravan assign --demand --json</c> and
/// <c>POST /api/assignments</c> + <c>GET /api/assignments/{id}</c>, and the run store through <c>caravan runs
/// list|show --json</c> and <c>GET /api/runs</c>, <c>/api/runs/{id}</c>, give the engine's same document (timing
/// fields and the server's run id aside), and the same error code for a bad request.
/// </summary>
[Collection("Parity")]
public sealed class RunParityTests : IAsyncLifetime
{
    private string _data = "";
    private string _db = "";
    private long _runId;
    private WebApplication? _app;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _data = WebTestPaths.CopyMiniWithDemand();
        _db = Path.Combine(_data, "runs.db");
        var store = new SqliteRunStore(_db);
        _runId = store.Save(
            new NewRun(RunKind.Compare, "base", "sha256:aaa", "northern-closed", "sha256:bbb", "{\"year\":2026,\"objective\":\"time\"}", "{\"pairs\":2}"),
            [new RunResultRow("od", "CNSIA→DEDUI", "{\"deltaDays\":3.5}"), new RunResultRow("od", "CNKHG→UZAND", "{\"deltaDays\":-1.25,\"name\":\"Kashgar → Andijan\"}")]);
        store.Save(new NewRun(RunKind.Route, "base", "sha256:ccc", null, null, "{\"from\":\"CNSIA\"}", "not json"), [new RunResultRow("leg", "0", "{\"mode\":\"Rail\"}")]);
        (_app, _client) = await ApiHost.StartAsync(o => o with { Network = NetworkReader.ReadFolder(_data), DataFolder = _data, DatabasePath = _db, Engine = EngineOptions.Default });
    }

    public Task DisposeAsync() => ApiHost.StopAsync(_app, _client, _data);

    [Fact]
    public async Task AnAssignmentIsTheSameDocumentThroughBothDoors()
    {
        var started = await _client.PostAsJsonAsync("/api/assignments", new { demand = "mini", scenario = "base", year = 2026 });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = (await Json.ReadAsync(started)).GetProperty("id").GetString()!;
        // The events stream ends when the run does.
        await _client.GetStringAsync($"/api/assignments/{id}/events");
        var web = JsonNode.Parse(await _client.GetStringAsync($"/api/assignments/{id}"))!.AsObject();
        var (exit, stdout, stderr) = CliRunner.RunCaptured(["assign", "--demand", Path.Combine(_data, "demand", "mini.csv"), "--data", _data, "--year", "2026", "--json"]);
        Assert.True(exit == 0, stderr);
        var cli = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal(id, web["id"]!.GetValue<string>());
        Assert.False(cli.ContainsKey("id"));
        Assert.Equal("done", web["status"]!.GetValue<string>());
        Assert.NotEmpty(web["flows"]!["features"]!.AsArray());
        Assert.NotEmpty(web["odPairs"]!.AsArray());
        foreach (var timing in new[] { "id", "started", "seconds" })
        {
            web.Remove(timing);
            cli.Remove(timing);
        }
        Assert.True(JsonNode.DeepEquals(web, cli), $"API:\n{web}\nCLI:\n{cli}");
    }

    [Fact]
    public async Task TheRunListIsTheSameDocumentThroughBothDoors()
    {
        foreach (var (query, options) in new[] { ("", Array.Empty<string>()), ("?limit=1", new[] { "--limit", "1" }) })
        {
            var web = JsonNode.Parse(await _client.GetStringAsync("/api/runs" + query))!;
            var (exit, stdout, stderr) = CliRunner.RunCaptured(["runs", "list", "--db", _db, .. options, "--json"]);
            Assert.True(exit == 0, stderr);
            var cli = JsonNode.Parse(stdout)!;
            Assert.Equal(query.Length == 0 ? 2 : 1, web.AsArray().Count);
            Assert.True(JsonNode.DeepEquals(web, cli), $"API:\n{web}\nCLI:\n{cli}");
        }
    }

    [Fact]
    public async Task ARunIsTheSameDocumentThroughBothDoors()
    {
        foreach (var id in new[] { _runId, _runId + 1 })
        {
            var web = JsonNode.Parse(await _client.GetStringAsync($"/api/runs/{id}"))!;
            var (exit, stdout, stderr) = CliRunner.RunCaptured(["runs", "show", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", _db, "--json"]);
            Assert.True(exit == 0, stderr);
            var cli = JsonNode.Parse(stdout)!;
            Assert.Equal(id, web["run"]!["id"]!.GetValue<long>());
            Assert.NotEmpty(web["results"]!.AsArray());
            Assert.True(JsonNode.DeepEquals(web, cli), $"API:\n{web}\nCLI:\n{cli}");
        }
    }

    [Theory]
    [InlineData("/api/runs/999999", 404, "runs", "show", "999999")]
    [InlineData("/api/runs?limit=0", 400, "runs", "list", "--limit", "0")]
    [InlineData("/api/runs?limit=ten", 400, "runs", "list", "--limit", "ten")]
    public async Task ABadRunRequestIsTheSameErrorThroughBothDoors(string url, int status, params string[] args)
    {
        var problem = await Json.ProblemAsync(await _client.GetAsync(url), status);
        var web = JsonNode.Parse(problem.GetRawText())!;
        var (exit, stdout, _) = CliRunner.RunCaptured([.. args, "--db", _db, "--json"]);
        Assert.Equal(2, exit);
        var cli = JsonNode.Parse(stdout)!;
        Assert.Equal(cli["code"]!.GetValue<string>(), web["code"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(web["issues"], cli["issues"]), $"API:\n{web}\nCLI:\n{cli}");
    }
}
