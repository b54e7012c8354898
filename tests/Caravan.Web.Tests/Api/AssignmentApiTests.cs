using System.Net;
using System.Net.Http.Json;
using System.Text;
using Caravan.Data;
using Caravan.Store;
using Microsoft.AspNetCore.Builder;

namespace Caravan.Web.Tests.Api;

/// <summary>Assignment runs (start, events, result) and saved runs from the run store.</summary>
public sealed class AssignmentApiTests : IAsyncLifetime
{
    private string _data = "";
    private WebApplication? _app;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _data = WebTestPaths.CopyMiniWithDemand();
        (_app, _client) = await ApiHost.StartAsync(o => o with { Network = NetworkReader.ReadFolder(_data), DataFolder = _data, DatabasePath = Path.Combine(_data, "runs.db") });
    }

    public Task DisposeAsync() => ApiHost.StopAsync(_app, _client, _data);

    [Fact]
    public async Task AnAssignmentStreamsProgressThenAnswersFlowsAndBottlenecks()
    {
        Assert.Equal("mini", (await Json.ReadAsync(await _client.GetAsync("/api/demands")))[0].GetString());
        var started = await _client.PostAsJsonAsync("/api/assignments", new { demand = "mini", scenario = "base" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = (await Json.ReadAsync(started)).GetProperty("id").GetString()!;
        using var events = await _client.GetAsync($"/api/assignments/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType?.MediaType);
        var text = await events.Content.ReadAsStringAsync();
        Assert.Contains("event: progress", text, StringComparison.Ordinal);
        Assert.Contains("\"relativeGap\"", text, StringComparison.Ordinal);
        Assert.Contains("event: done", text, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"done\"", text, StringComparison.Ordinal);
        var result = await Json.ReadAsync(await _client.GetAsync($"/api/assignments/{id}"));
        Assert.Equal("done", result.GetProperty("status").GetString());
        Assert.True(result.GetProperty("converged").GetBoolean());
        Assert.Equal("choice", result.GetProperty("model").GetString());
        Assert.NotEmpty(result.GetProperty("bottlenecks").EnumerateArray());
        Assert.NotEmpty(result.GetProperty("corridors").EnumerateArray());
        var features = result.GetProperty("flows").GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(features);
        Assert.All(features, f =>
        {
            Assert.True(f.GetProperty("properties").GetProperty("flowTonnes").GetDouble() > 0);
            // Utilisation exactly where a capacity is published (omitted, i.e. null, elsewhere), never a -1 stand-in.
            var p = f.GetProperty("properties");
            Assert.Equal(p.TryGetProperty("capacityTonnes", out _), p.TryGetProperty("utilisation", out var u));
            Assert.True(u.ValueKind == System.Text.Json.JsonValueKind.Undefined || u.GetDouble() >= 0);
            Assert.True(p.TryGetProperty("shadowUsdPerTonne", out _));
        });
        // The events of a finished run replay and end at once.
        var replay = await _client.GetStringAsync($"/api/assignments/{id}/events");
        Assert.Contains("event: done", replay, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadRequestsAreProblems()
    {
        await Json.ProblemAsync(await _client.PostAsJsonAsync("/api/assignments", new { demand = "../demand/mini" }), 404);
        await Json.ProblemAsync(await _client.PostAsJsonAsync("/api/assignments", new { demand = "/etc/passwd" }), 404);
        var unknown = await Json.ProblemAsync(await _client.PostAsJsonAsync("/api/assignments", new { demand = "minu" }), 404);
        Assert.Equal("mini", unknown.GetProperty("suggestions")[0].GetString());
        var scenario = await Json.ProblemAsync(await _client.PostAsJsonAsync("/api/assignments", new { demand = "mini", scenario = "nothern-closed" }), 404);
        Assert.Contains("northern-closed", scenario.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()));
        await Json.ProblemAsync(await _client.PostAsJsonAsync("/api/assignments", new { scenario = "base" }), 400);
        await Json.ProblemAsync(await _client.PostAsJsonAsync("/api/assignments", new { demand = "mini", year = 3000 }), 400);
        // The engine's one range of years, as `caravan flows --year` and a route query's year give it (the host had its own, 1990–2100).
        var early = await Json.ProblemAsync(await _client.PostAsJsonAsync("/api/assignments", new { demand = "mini", year = 1800 }), 400);
        Assert.Contains("from 1900 to 2200", early.GetRawText(), StringComparison.Ordinal);
        await Json.ProblemAsync(await _client.PostAsync("/api/assignments", new StringContent("{not json", Encoding.UTF8, "application/json")), 400);
        await Json.ProblemAsync(await _client.GetAsync("/api/assignments/nope"), 404);
        await Json.ProblemAsync(await _client.GetAsync("/api/assignments/nope/events"), 404);
    }

    [Fact]
    public async Task RunsComeFromTheRunStore()
    {
        var empty = await Json.ReadAsync(await _client.GetAsync("/api/runs"));
        Assert.Equal(0, empty.GetArrayLength());
        var store = new SqliteRunStore(Path.Combine(_data, "runs.db"));
        var id = store.Save(new NewRun(RunKind.Compare, "base", "hashA", "northern-closed", "hashB", "{\"year\":2026}", "{\"pairs\":1}"), [new RunResultRow("od", "CNSIA→DEDUI", "{\"deltaDays\":3.5}")]);
        var list = await Json.ReadAsync(await _client.GetAsync("/api/runs"));
        Assert.Equal(id, list[0].GetProperty("id").GetInt64());
        Assert.Equal(2026, list[0].GetProperty("parameters").GetProperty("year").GetInt32());
        var run = await Json.ReadAsync(await _client.GetAsync($"/api/runs/{id}"));
        Assert.Equal("northern-closed", run.GetProperty("run").GetProperty("scenarioB").GetString());
        Assert.Equal(3.5, run.GetProperty("results")[0].GetProperty("data").GetProperty("deltaDays").GetDouble());
        await Json.ProblemAsync(await _client.GetAsync("/api/runs/999999"), 404);
        await Json.ProblemAsync(await _client.GetAsync("/api/runs/abc"), 400);
        await Json.ProblemAsync(await _client.GetAsync("/api/runs?limit=0"), 400);
    }

    [Fact]
    public async Task WithoutARunStoreRunsAre404()
    {
        var (app, client) = await ApiHost.StartAsync();
        await using (app)
        {
            await Json.ProblemAsync(await client.GetAsync("/api/runs"), 404);
            await Json.ProblemAsync(await client.GetAsync("/api/runs/1"), 404);
            client.Dispose();
        }
    }
}

/// <summary>One assignment at a time, and the running one stops with the server.</summary>
public sealed class AssignmentLimitTests
{
    [Fact]
    public async Task ASecondAssignmentIs429AndShutdownCancelsTheRunning()
    {
        var data = WebTestPaths.CopyMiniWithDemand();
        var (app, client) = await ApiHost.StartAsync(o => o with { Network = NetworkReader.ReadFolder(data), DataFolder = data });
        var runs = (AssignmentRuns)app.Services.GetService(typeof(AssignmentRuns))!;
        // The first run waits until the server stops, as a long assignment would.
        runs.BeforeSolve = token => token.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
        try
        {
            var first = await client.PostAsJsonAsync("/api/assignments", new { demand = "mini" });
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
            var problem = await Json.ProblemAsync(await client.PostAsJsonAsync("/api/assignments", new { demand = "mini", scenario = "cku-railway" }), 429);
            Assert.Contains("another assignment", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            var running = await Json.ReadAsync(await client.GetAsync($"/api/assignments/{(await Json.ReadAsync(first)).GetProperty("id").GetString()}"));
            Assert.Equal("running", running.GetProperty("status").GetString());
        }
        finally
        {
            client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
        Assert.Equal(Caravan.Services.AssignmentStatus.Cancelled, runs.All().Single().Status);
    }
}
