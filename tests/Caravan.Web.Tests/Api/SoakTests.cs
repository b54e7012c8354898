using System.Diagnostics;
using System.Net;
using System.Text;
using Caravan.Web.Tests.Browser;

namespace Caravan.Web.Tests.Api;

/// <summary>
/// One bounded soak of the real <c>caravan serve</c> on 127.0.0.1: 60 s of mixed route, network (every filter
/// spelling), places and assignment requests from a few concurrent clients. No answer may be a 5xx, and once the
/// load stops the server's working set must come back to within 10% of its baseline (the settled minimum over 25
/// idle seconds, in which the server trims its heap: <see cref="Protection.IdleMemoryTrim"/>).
/// The baseline is taken once what the server keeps on purpose is full to its bounds — <see cref="Caravan.Services.EngineOptions.MaxAssignmentRuns"/>
/// finished assignment runs with their results and <see cref="Caravan.Services.EngineOptions.MaxGeoJsonDocuments"/> network documents —
/// and every endpoint has run once. A warm-up measured in seconds alone left the baseline load-dependent: on a loaded
/// machine 15 s finished only a few assignments, the soak then filled the run registry to its bound, and the
/// legitimate growth (about 16 kept results) failed the 10% check although nothing leaked.
/// </summary>
public sealed class SoakTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);
    private static readonly string[] Modes = ["Rail1435", "Rail1520", "Road", "Sea", "Ferry", "Air", "PipelineOil", "PipelineGas"];

    private static long WorkingSetBytes(int pid)
    {
        using var p = Process.GetProcessById(pid);
        p.Refresh();
        return p.WorkingSet64;
    }

    /// <summary>
    /// The smallest working set seen over 25 idle seconds: the server trims its heap after 2 s, idle thread-pool
    /// threads retire after about 20 s and Kestrel's buffer pool evicts idle blocks, so memory comes back lazily.
    /// </summary>
    private static async Task<long> SettledWorkingSet(int pid)
    {
        var least = long.MaxValue;
        for (var i = 0; i < 25; i++)
        {
            await Task.Delay(1000);
            least = Math.Min(least, WorkingSetBytes(pid));
        }
        return least;
    }

    private static string Request(Random random)
    {
        switch (random.Next(4))
        {
            case 0:
                return random.Next(2) == 0 ? "api/route/single?from=xian&to=DEDUI" : "api/route?from=xian&to=DEDUI&avoid=RU,BY";
            case 1:
                var modes = string.Join(',', Modes.Where(_ => random.Next(2) == 0).DefaultIfEmpty("Road"));
                return $"api/network?mode={modes}&status={(random.Next(2) == 0 ? "operating" : "planned,operating")}";
            case 2:
                return "api/places?q=" + "xdbka"[random.Next(5)];
            default:
                return "api/assignments";
        }
    }

    [Fact]
    public async Task SixtySecondsOfMixedLoadGiveNo5xxAndMemoryReturnsToBaseline()
    {
        var folder = WebTestPaths.CopyMiniWithDemand();
        try
        {
            using var server = await ServerProcess.StartAsync(folder);
            using var http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
            // Fill what the server keeps to its bounds, then warm up with the mix (JIT tiers, thread pool), then the baseline.
            var kept = await FillBoundedState(http);
            await Load(http, WarmUp, new System.Collections.Concurrent.ConcurrentDictionary<int, int>(), []);
            var baseline = await SettledWorkingSet(server.ProcessId);
            var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
            var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
            await Load(http, Duration, statuses, latencies);
            var after = await SettledWorkingSet(server.ProcessId);
            var summary = string.Join(", ", statuses.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}"));
            var sorted = latencies.Order().ToArray();
            output.WriteLine($"soak: {sorted.Length} requests in {Duration.TotalSeconds:0} s = {sorted.Length / Duration.TotalSeconds:0} requests/s, p50 {sorted[sorted.Length / 2]:0.0} ms, p99 {sorted[(int)(sorted.Length * 0.99)]:0.0} ms, max {sorted[^1]:0.0} ms; {kept}; working set baseline {baseline / 1e6:0} MB, after {after / 1e6:0} MB; {summary}");
            Assert.DoesNotContain(statuses.Keys, code => code >= 500);
            Assert.True(statuses.GetValueOrDefault(200) > 100, summary);
            Assert.True(after <= baseline * 1.10, $"working set {after / 1e6:0} MB after the soak, baseline {baseline / 1e6:0} MB ({summary})");
            Assert.DoesNotContain("   at ", server.Log, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Touches every endpoint of the mix once, requests more distinct network filters than the GeoJSON cache holds
    /// and finishes <see cref="Caravan.Services.EngineOptions.MaxAssignmentRuns"/> assignment runs (one solves at a time, so one after another,
    /// each awaited through its event stream): afterwards the server holds all it will ever keep for this mix.
    /// </summary>
    private static async Task<string> FillBoundedState(HttpClient http)
    {
        foreach (var path in new[] { "api/route/single?from=xian&to=DEDUI", "api/route?from=xian&to=DEDUI&avoid=RU,BY", "api/places?q=x" })
        {
            using var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var documents = Caravan.Services.EngineOptions.Default.MaxGeoJsonDocuments + 4;
        for (var i = 1; i <= documents; i++)
        {
            var modes = string.Join(',', Modes.Where((_, bit) => (i & (1 << bit)) != 0));
            using var response = await http.GetAsync($"api/network?mode={modes}&status=operating");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var finished = 0;
        for (var attempt = 0; finished < Caravan.Services.EngineOptions.Default.MaxAssignmentRuns; attempt++)
        {
            Assert.True(attempt < 4 * Caravan.Services.EngineOptions.Default.MaxAssignmentRuns, $"only {finished} assignment runs finished");
            using var started = await Send(http, "api/assignments");
            if (started.StatusCode != HttpStatusCode.Accepted)
            {
                // A run of the previous attempt is still solving (429): wait for it.
                await Task.Delay(250);
                continue;
            }
            using var body = System.Text.Json.JsonDocument.Parse(await started.Content.ReadAsStringAsync());
            var id = body.RootElement.GetProperty("id").GetString();
            var events = await http.GetStringAsync($"api/assignments/{id}/events");
            Assert.Contains("event: done", events, StringComparison.Ordinal);
            finished++;
        }
        return $"filled {documents} network documents and {finished} finished assignment runs before the baseline";
    }

    /// <summary>Four clients sending the mix for <paramref name="duration"/>, counting answers by status.</summary>
    private static async Task Load(HttpClient http, TimeSpan duration, System.Collections.Concurrent.ConcurrentDictionary<int, int> statuses, System.Collections.Concurrent.ConcurrentBag<double> latencies)
    {
        var stop = DateTime.UtcNow + duration;
        var clients = Enumerable.Range(1, 4).Select(seed => Task.Run(async () =>
        {
            var random = new Random(seed);
            while (DateTime.UtcNow < stop)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await Send(http, Request(random));
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            }
        })).ToArray();
        await Task.WhenAll(clients);
    }

    private static Task<HttpResponseMessage> Send(HttpClient http, string path) =>
        path == "api/assignments"
            ? http.PostAsync(path, new StringContent("{\"demand\":\"mini\"}", Encoding.UTF8, "application/json"))
            : http.GetAsync(path);
}
