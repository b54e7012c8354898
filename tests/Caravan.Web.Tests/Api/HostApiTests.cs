using System.Net;

namespace Caravan.Web.Tests.Api;

/// <summary>What every endpoint shares: OpenAPI, problem details for faults, closed CORS, the network and meta.</summary>
public class HostApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task OpenApiDocumentDescribesTheEndpoints()
    {
        var doc = await Json.ReadAsync(await host.Client.GetAsync("/openapi/v1.json"));
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/route", "/api/places", "/api/network", "/api/meta", "/api/scenarios", "/api/scenarios/{name}", "/api/compare", "/api/demands", "/api/assignments", "/api/assignments/{id}", "/api/assignments/{id}/events", "/api/runs", "/api/runs/{id}" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
        var parameters = paths.GetProperty("/api/route").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("avoidModes", parameters);
        Assert.Contains("maxTransfers", parameters);
        Assert.Contains("scenario", parameters);
    }

    [Fact]
    public async Task InternalFaultsAreProblemDetailsWithoutStackTraces()
    {
        var response = await host.Client.GetAsync("/test/boom");
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret internal detail", text, StringComparison.Ordinal);
        await Json.ProblemAsync(response, 500);
    }

    [Fact]
    public async Task UnknownPathsAreProblemDetails()
    {
        await Json.ProblemAsync(await host.Client.GetAsync("/api/nothing-here"), 404);
    }

    [Fact]
    public async Task CorsIsClosedByDefault()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/meta");
        request.Headers.Add("Origin", "https://elsewhere.example");
        var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NetworkIsGeoJsonFilteredByModeAndStatus()
    {
        var all = await Json.ReadAsync(await host.Client.GetAsync("/api/network"), "application/geo+json");
        Assert.Equal("FeatureCollection", all.GetProperty("type").GetString());
        var planned = await Json.ReadAsync(await host.Client.GetAsync("/api/network?status=planned,construction"), "application/geo+json");
        var links = planned.GetProperty("features").EnumerateArray().Where(f => f.GetProperty("properties").GetProperty("type").GetString() != "place").ToList();
        Assert.NotEmpty(links);
        Assert.All(links, f => Assert.NotEqual("operating", f.GetProperty("properties").GetProperty("status").GetString()));
        var ferries = await Json.ReadAsync(await host.Client.GetAsync("/api/network?mode=ferry"), "application/geo+json");
        Assert.All(
            ferries.GetProperty("features").EnumerateArray().Where(f => f.GetProperty("properties").GetProperty("type").GetString() != "place"),
            f => Assert.Equal("Ferry", f.GetProperty("properties").GetProperty("mode").GetString()));
        await Json.ProblemAsync(await host.Client.GetAsync("/api/network?mode=Hovercraft"), 400);
        await Json.ProblemAsync(await host.Client.GetAsync("/api/network?status=dreamt"), 400);
    }

    [Fact]
    public async Task MetaListsTheChoices()
    {
        var meta = await Json.ReadAsync(await host.Client.GetAsync("/api/meta"));
        Assert.Contains(meta.GetProperty("countries").EnumerateArray(), c => c.GetString() == "RU");
        Assert.Contains(meta.GetProperty("cargos").EnumerateArray(), c => c.GetProperty("name").GetString() == "container");
        Assert.Equal(8, meta.GetProperty("modes").GetArrayLength());
    }
}
