using System.Text.Json.Nodes;

namespace Caravan.Web.Tests.Api;

/// <summary><c>/api/scenarios</c>, <c>scenario=</c> on the network, route and places, and <c>/api/compare</c>.</summary>
public class ScenarioApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task ListsBaseAndTheShippedScenarios()
    {
        var list = await Json.ReadAsync(await host.Client.GetAsync("/api/scenarios"));
        var names = list.EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal("base", names[0]);
        Assert.Contains("northern-closed", names);
        var north = list.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "northern-closed");
        Assert.False(string.IsNullOrWhiteSpace(north.GetProperty("description").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Array, north.GetProperty("sources").ValueKind);
    }

    [Fact]
    public async Task ShowsWhatAScenarioChanges()
    {
        var doc = await Json.ReadAsync(await host.Client.GetAsync("/api/scenarios/northern-closed"));
        Assert.Equal("northern-closed", doc.GetProperty("name").GetString());
        var changes = doc.GetProperty("changes").EnumerateArray().ToList();
        Assert.NotEmpty(changes);
        Assert.Contains(changes, c => c.GetProperty("matched").GetInt32() > 0 && c.GetProperty("touched").GetArrayLength() > 0);
        var b = await Json.ReadAsync(await host.Client.GetAsync("/api/scenarios/base"));
        Assert.Empty(b.GetProperty("changes").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/scenarios/northern-closd")]
    [InlineData("/api/network?scenario=northern-closd")]
    [InlineData("/api/route?from=Xi%27an&to=Duisburg&scenario=northern-closd")]
    [InlineData("/api/route/single?from=Xi%27an&to=Duisburg&scenario=northern-closd")]
    [InlineData("/api/places?q=xian&scenario=northern-closd")]
    public async Task UnknownScenarioIsA404WithSuggestions(string url)
    {
        var problem = await Json.ProblemAsync(await host.Client.GetAsync(url), 404);
        Assert.Contains("northern-closed", problem.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task AnUnknownScenarioToCompareIsA404WithSuggestionsForItsField()
    {
        // The comparison service's error document: suggestions per field, as for every service error.
        var problem = await Json.ProblemAsync(await host.Client.GetAsync("/api/compare?a=base&b=northern-closd"), 404);
        Assert.Equal("UnknownScenario", problem.GetProperty("code").GetString());
        Assert.Contains("northern-closed", problem.GetProperty("suggestions").GetProperty("b").EnumerateArray().Select(s => s.GetString()));
    }

    [Theory]
    [InlineData("/api/scenarios/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/api/network?scenario=..%2Fbase.json")]
    [InlineData("/api/network?scenario=%2Ftmp%2Fx.json")]
    public async Task PathsAreNotScenarioNames(string url)
    {
        await Json.ProblemAsync(await host.Client.GetAsync(url), 404);
    }

    [Fact]
    public async Task TheNorthernClosureChangesThePlan()
    {
        var open = await Json.ReadAsync(await host.Client.GetAsync("/api/route/single?from=Xi%27an&to=Duisburg&optimize=time"));
        var closed = await Json.ReadAsync(await host.Client.GetAsync("/api/route/single?from=Xi%27an&to=Duisburg&optimize=time&scenario=northern-closed"));
        Assert.Equal("north", open.GetProperty("routes")[0].GetProperty("corridor").GetString());
        Assert.NotEqual("north", closed.GetProperty("routes")[0].GetProperty("corridor").GetString());
        var plan = await Json.ReadAsync(await host.Client.GetAsync("/api/route?from=Xi%27an&to=Duisburg&scenario=northern-closed"));
        Assert.All(plan.GetProperty("routes").EnumerateArray(), r => Assert.NotEqual("north", r.GetProperty("corridor").GetString()));
        var network = await Json.ReadAsync(await host.Client.GetAsync("/api/network?scenario=northern-closed"), "application/geo+json");
        Assert.Equal("FeatureCollection", network.GetProperty("type").GetString());
        var hits = await Json.ReadAsync(await host.Client.GetAsync("/api/places?q=xian&scenario=base"));
        Assert.Equal("CNSIA", hits[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task ConcurrentFirstRequestsLoadAScenarioOnce()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => host.Client.GetAsync("/api/places?q=xian&scenario=cku-railway")));
        Assert.All(answers, a => Assert.Equal(200, (int)a.StatusCode));
    }

    [Fact]
    public async Task CompareIsTheDocumentTheCliPrints()
    {
        var api = JsonNode.Parse(await host.Client.GetStringAsync("/api/compare?a=base&b=northern-closed"));
        var cli = JsonNode.Parse(RouteApiTests.RunCli("compare", "base", "northern-closed", "--json", "--year", "2026", "--data", WebTestPaths.Mini));
        Assert.True(JsonNode.DeepEquals(api, cli), $"API:\n{api}\nCLI:\n{cli}");
    }

    [Theory]
    [InlineData("/api/compare?a=base")]
    [InlineData("/api/compare?a=base&b=northern-closed&optimize=fastes")]
    [InlineData("/api/compare?a=base&b=northern-closed&year=soon")]
    public async Task BadCompareParametersAre400(string url)
    {
        await Json.ProblemAsync(await host.Client.GetAsync(url), 400);
    }
}
