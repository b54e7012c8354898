using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Caravan.Web.Protection;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Web.Tests.Api;

/// <summary>
/// The web host's protections, in process: a bounded network cache, strict request JSON, Host filtering derived
/// from the bind address, and the API key for requests that start work.
/// </summary>
public sealed class ProtectionTests
{
    private static readonly string[] ModeNames = ["Rail1435", "Rail1520", "Road", "Sea", "Ferry", "Air", "PipelineOil", "PipelineGas"];
    private static readonly string[] StatusNames = ["operating", "construction", "planned"];

    [Fact]
    public async Task NetworkCacheStaysBoundedUnderManyDistinctFilters()
    {
        var (app, http) = await ApiHost.StartAsync();
        await using var _ = app;
        using var __ = http;
        var state = app.Services.GetRequiredService<NetworkState>();
        var distinct = 0;
        // Every non-empty mode subset with every non-empty status subset (255 × 7 filters), in spellings that differ.
        for (var m = 1; m < 1 << ModeNames.Length && distinct < 400; m += 3)
        {
            for (var s = 1; s < 1 << StatusNames.Length; s++)
            {
                var modes = string.Join(',', ModeNames.Where((_, i) => (m & (1 << i)) != 0));
                var statuses = string.Join(';', StatusNames.Where((_, i) => (s & (1 << i)) != 0).Reverse());
                var response = await http.GetAsync($"/api/network?mode={modes}&status={statuses}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                distinct++;
            }
        }
        Assert.True(distinct >= 400);
        Assert.InRange(state.Served.CachedGeoJsonDocuments, 1, Caravan.Services.EngineOptions.Default.MaxGeoJsonDocuments);
        // A repeated filter is still answered the same (from the cache or rebuilt).
        var a = await http.GetStringAsync("/api/network?mode=Road&status=operating");
        var b = await http.GetStringAsync("/api/network?status=operating&mode=road");
        Assert.Equal(a, b);
    }

    [Fact]
    public void BoundedCacheDropsTheLeastRecentlyUsed()
    {
        var cache = new BoundedCache<int, string>(3);
        var builds = 0;
        string Build(int k)
        {
            builds++;
            return k.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        for (var i = 0; i < 1000; i++)
        {
            cache.GetOrAdd(i % 7, Build);
            Assert.InRange(cache.Count, 1, 3);
        }
        cache.GetOrAdd(1, Build);
        cache.GetOrAdd(2, Build);
        var before = builds;
        cache.GetOrAdd(1, Build); // recently used: kept
        cache.GetOrAdd(3, Build); // new: evicts the least recently used (not 1)
        cache.GetOrAdd(1, Build);
        Assert.Equal(before + 1, builds);
    }

    [Fact]
    public async Task PlanCacheAnswersTheFreshDocumentAndStaysBounded()
    {
        var (app, http) = await ApiHost.StartAsync();
        await using var _ = app;
        using var __ = http;
        var state = app.Services.GetRequiredService<NetworkState>();
        const string Query = "/api/route?from=xian&to=DEDUI&avoid=RU,BY";
        var first = await http.GetStringAsync(Query);
        Assert.Equal(1, state.Served.CachedPlanDocuments);
        var again = await http.GetStringAsync(Query);
        Assert.Equal(first, again);
        // The kept document is the one the planner computes afresh, bypassing the cache.
        var query = new Caravan.Services.RoutePlanQuery { From = "xian", To = "DEDUI", Avoid = "RU,BY" };
        var fresh = state.Served.Routes.Plan(query);
        var kept = state.Served.Plan(query, default).Value!.Document;
        Assert.Same(kept, state.Served.Plan(query, default).Value!.Document);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(fresh.Value!.Document, Caravan.Json.CaravanJsonContext.Default.RouteResponse),
            System.Text.Json.JsonSerializer.Serialize(kept, Caravan.Json.CaravanJsonContext.Default.RouteResponse));
        // Another value of one field is another query: kept beside the first, not answered by it.
        var other = await http.GetAsync("/api/route?from=xian&to=TRIST&avoid=RU,BY");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.NotEqual(first, await other.Content.ReadAsStringAsync());
        // Errors are not kept; distinct plans beyond the capacity evict the least recently used.
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/route?from=Duisbrug&to=xian")).StatusCode);
        Assert.Equal(2, state.Served.CachedPlanDocuments);
        var places = new[] { "CNSIA", "CNAKL", "KZALA", "KZAKT", "AZBAK", "GETBS", "TRKSY", "TRIST", "DEDUI", "RUMOW", "CNSHA", "NLRTM" };
        var planned = 0;
        foreach (var from in places)
        {
            foreach (var to in places)
            {
                if (from != to)
                {
                    var response = await http.GetAsync($"/api/route?from={from}&to={to}&maxOptions=2");
                    planned += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
                    Assert.InRange(state.Served.CachedPlanDocuments, 1, state.Served.Routes.Options.MaxPlanDocuments);
                }
            }
        }
        Assert.True(planned > state.Served.Routes.Options.MaxPlanDocuments, $"{planned} plans");
        Assert.Equal(state.Served.Routes.Options.MaxPlanDocuments, state.Served.CachedPlanDocuments);
    }

    [Fact]
    public async Task APlanFromTheCacheKeepsItsWarnings()
    {
        var (app, http) = await ApiHost.StartAsync();
        await using var _ = app;
        using var __ = http;
        var state = app.Services.GetRequiredService<NetworkState>();
        // No place of the mini network is in Iran: the plan is answered with a warning on `avoid`.
        const string Query = "/api/route?from=xian&to=DEDUI&avoid=IR";
        var first = await http.GetStringAsync(Query);
        Assert.Equal(1, state.Served.CachedPlanDocuments);
        var again = await http.GetStringAsync(Query);
        Assert.Equal(first, again);
        var warnings = System.Text.Json.Nodes.JsonNode.Parse(again)!["warnings"]!.AsArray();
        Assert.Equal("avoid", Assert.Single(warnings)!["field"]!.GetValue<string>());
        // The service's answer from the cache says what the miss said, warnings included.
        var query = new Caravan.Services.RoutePlanQuery { From = "xian", To = "DEDUI", Avoid = "IR" };
        var fresh = state.Served.Routes.Plan(query);
        var kept = state.Served.Plan(query, default);
        Assert.Equal(1, state.Served.CachedPlanDocuments);
        Assert.Equal(fresh.Warnings, kept.Warnings);
        Assert.Equal("avoid", Assert.Single(kept.Warnings).Field);
    }

    [Theory]
    [InlineData("{\"demand\":\"nope\",\"demand\":\"mini\"}", "duplicate")]
    [InlineData("{\"Demand\":\"mini\"}", "Demand")]
    [InlineData("{\"demand\":\"mini\",\"scenaro\":\"base\"}", "scenaro")]
    [InlineData("{\"demand\":\"mini\",\"year\":\"2026\"}", "year")]
    public async Task RequestJsonIsStrict(string body, string named)
    {
        var folder = WebTestPaths.CopyMiniWithDemand();
        try
        {
            var (app, http) = await ApiHost.StartAsync(o => o with { DataFolder = folder });
            await using var _ = app;
            using var __ = http;
            var response = await http.PostAsync("/api/assignments", new StringContent(body, Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(named, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Caravan.Web.Endpoints", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("evil.example", HttpStatusCode.BadRequest)]
    [InlineData("127.0.0.1.nip.io", HttpStatusCode.BadRequest)]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("127.0.0.1:5080", HttpStatusCode.OK)]
    [InlineData("[::1]:5080", HttpStatusCode.OK)]
    public async Task HostHeaderMustNameTheLoopbackBind(string host, HttpStatusCode expected)
    {
        var (app, http) = await ApiHost.StartAsync();
        await using var _ = app;
        using var __ = http;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/meta");
        request.Headers.Host = host;
        var response = await http.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public void AllowedHostsFollowTheBindAddress()
    {
        Assert.Equal(["127.0.0.1", "localhost", "[::1]"], Exposure.AllowedHosts(["http://127.0.0.1:5080"], []));
        Assert.Equal(["caravan.example.org"], Exposure.AllowedHosts(["http://caravan.example.org:80"], []));
        var wildcard = Exposure.AllowedHosts(["http://0.0.0.0:5080"], ["proxy.example"]);
        Assert.Contains("localhost", wildcard);
        Assert.Contains("proxy.example", wildcard);
        Assert.Contains(Dns.GetHostName(), wildcard);
        Assert.True(Exposure.IsLoopbackOnly(["http://localhost:1", "http://[::1]:2"]));
        Assert.False(Exposure.IsLoopbackOnly(["http://127.0.0.1:1", "http://*:2"]));
    }

    [Fact]
    public async Task BindingBeyondLoopbackNeedsAnApiKey()
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => ApiHost.StartAsync(o => o with { Urls = "http://0.0.0.0:5080" }));
        Assert.Contains("API key", refused.Message, StringComparison.Ordinal);
        var (app, http) = await ApiHost.StartAsync(o => o with { Urls = "http://0.0.0.0:5080", ApiKey = "k-0123456789abcdef" });
        await app.DisposeAsync();
        http.Dispose();
    }

    [Fact]
    public async Task PostWithoutTheApiKeyIsRefusedAndWithItAccepted()
    {
        const string Key = "k-0123456789abcdef";
        var folder = WebTestPaths.CopyMiniWithDemand();
        try
        {
            var (app, http) = await ApiHost.StartAsync(o => o with { DataFolder = folder, ApiKey = Key });
            await using var _ = app;
            using var __ = http;
            const string Body = "{\"demand\":\"mini\"}";
            var none = await http.PostAsync("/api/assignments", new StringContent(Body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
            Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
            using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/assignments") { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key + "x");
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);
            using var right = new HttpRequestMessage(HttpMethod.Post, "/api/assignments") { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
            right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
            Assert.Equal(HttpStatusCode.Accepted, (await http.SendAsync(right)).StatusCode);
            // Reads stay open: the page needs them.
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/meta")).StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ListingRunsDoesNotCreateTheStore()
    {
        var folder = Path.Combine(Path.GetTempPath(), "caravan-nodb-" + Guid.NewGuid().ToString("N")[..8]);
        var (app, http) = await ApiHost.StartAsync(o => o with { DatabasePath = Path.Combine(folder, "deep", "runs.db") });
        await using var _ = app;
        using var __ = http;
        var list = await http.GetAsync("/api/runs");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("[]", await list.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/runs/1")).StatusCode);
        Assert.False(Directory.Exists(folder));
    }
}
