using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Caravan.Web.Tests.Api;

/// <summary><c>POST /api/matrix</c>, <c>GET /api/reach</c>, <c>GET /api/places/nearest</c>, <c>POST /api/route/batch</c>.</summary>
public class ModellingApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task MatrixAnswersTheFullSquare()
    {
        var doc = await Json.ReadAsync(await host.Client.PostAsync("/api/matrix", Body("{\"from\": [\"all\"], \"to\": [\"all\"], \"objective\": \"time\"}")));
        var n = doc.GetProperty("origins").GetArrayLength();
        var places = await Json.ReadAsync(await host.Client.GetAsync("/api/places?limit=50"));
        Assert.Equal(places.GetArrayLength(), n);
        Assert.Equal(n, doc.GetProperty("destinations").GetArrayLength());
        Assert.Equal(n, doc.GetProperty("hours").GetArrayLength());
        Assert.All(doc.GetProperty("hours").EnumerateArray(), row => Assert.Equal(n, row.GetArrayLength()));
        Assert.Equal(n * n, doc.GetProperty("cells").GetInt32());
        Assert.Equal("time", doc.GetProperty("objective").GetString());
    }

    [Fact]
    public async Task MatrixRefusesUnknownPropertiesAndPlaces()
    {
        var unknown = await Json.ProblemAsync(await host.Client.PostAsync("/api/matrix", Body("{\"from\": [\"Xi'an\"], \"to\": [\"Baku\"], \"objectiv\": \"time\"}")), 400);
        Assert.Contains("objectiv", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var place = await Json.ProblemAsync(await host.Client.PostAsync("/api/matrix", Body("{\"from\": [\"Xi'an\"], \"to\": [\"Duisbrug\"]}")), 400);
        Assert.Contains("Duisburg", place.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReachListsPlacesWithinTheBudgetOnly()
    {
        var doc = await Json.ReadAsync(await host.Client.GetAsync("/api/reach?from=Xi%27an&within=5d"));
        var places = doc.GetProperty("places").EnumerateArray().ToList();
        Assert.NotEmpty(places);
        Assert.All(places, p => Assert.True(p.GetProperty("hours").GetDouble() <= 120));
        var wider = await Json.ReadAsync(await host.Client.GetAsync("/api/reach?from=Xi%27an&within=20d"));
        Assert.True(wider.GetProperty("places").GetArrayLength() > places.Count);
        var bad = await Json.ProblemAsync(await host.Client.GetAsync("/api/reach?from=Xi%27an&within=10parsecs"), 400);
        Assert.Contains("within", bad.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NearestFindsPlacesByDistanceAndMode()
    {
        // Central Duisburg.
        var hits = await Json.ReadAsync(await host.Client.GetAsync("/api/places/nearest?lat=51.43&lon=6.76&limit=3"));
        Assert.Equal(3, hits.GetArrayLength());
        Assert.StartsWith("Duisburg", hits[0].GetProperty("place").GetProperty("name").GetString(), StringComparison.Ordinal);
        var d = hits.EnumerateArray().Select(h => h.GetProperty("distanceKm").GetDouble()).ToList();
        Assert.Equal(d.Order(), d);
        // Rotterdam is the nearest place that handles sea shipping (Duisburg handles none in the fixture).
        var sea = await Json.ReadAsync(await host.Client.GetAsync("/api/places/nearest?lat=51.43&lon=6.76&mode=Sea&limit=1"));
        Assert.Equal("Rotterdam", sea[0].GetProperty("place").GetProperty("name").GetString());
        await Json.ProblemAsync(await host.Client.GetAsync("/api/places/nearest?lat=95&lon=6"), 400);
    }

    [Fact]
    public async Task BatchAnswersInOrderEachWithItsOwnResult()
    {
        const string body = "{\"queries\": [{\"from\": \"Xi'an\", \"to\": \"Duisburg\", \"optimize\": \"time\"}, {\"from\": \"Nowhere\", \"to\": \"Baku\"}, {\"from\": \"Almaty\", \"to\": \"Baku\", \"quantity\": 2}]}";
        var results = await Json.ReadAsync(await host.Client.PostAsync("/api/route/batch", Body(body)));
        Assert.Equal(3, results.GetArrayLength());
        Assert.Equal([0, 1, 2], results.EnumerateArray().Select(r => r.GetProperty("index").GetInt32()));
        Assert.True(results[0].TryGetProperty("route", out _));
        Assert.Equal("from", results[1].GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(2, results[2].GetProperty("route").GetProperty("quantity").GetDouble());

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/route/batch") { Content = Body(body) };
        request.Headers.Accept.ParseAdd("application/x-ndjson");
        var response = await host.Client.SendAsync(request);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal(1, JsonDocument.Parse(lines[1]).RootElement.GetProperty("index").GetInt32());
    }

    [Fact]
    public async Task TheNewEndpointsAreInOpenApi()
    {
        var paths = (await Json.ReadAsync(await host.Client.GetAsync("/openapi/v1.json"))).GetProperty("paths");
        foreach (var path in new[] { "/api/matrix", "/api/reach", "/api/places/nearest", "/api/route/batch" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }
}
