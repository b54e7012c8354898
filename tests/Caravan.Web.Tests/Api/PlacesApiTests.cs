namespace Caravan.Web.Tests.Api;

/// <summary><c>GET /api/places</c>: autocomplete by code, name or alias.</summary>
public class PlacesApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Theory]
    [InlineData("alma", "KZALA")]
    [InlineData("西安", "CNSIA")]
    [InlineData("xi’an", "CNSIA")]
    [InlineData("dedui", "DEDUI")]
    [InlineData("Duisbrug", "DEDUI")]
    public async Task FindsPlacesHoweverTheyAreWritten(string q, string code)
    {
        var hits = await Json.ReadAsync(await host.Client.GetAsync($"/api/places?q={Uri.EscapeDataString(q)}"));
        Assert.Equal(code, hits[0].GetProperty("code").GetString());
        Assert.True(hits[0].TryGetProperty("lat", out _));
    }

    [Fact]
    public async Task LimitIsHonouredAndChecked()
    {
        var hits = await Json.ReadAsync(await host.Client.GetAsync("/api/places?limit=3"));
        Assert.Equal(3, hits.GetArrayLength());
        var problem = await Json.ProblemAsync(await host.Client.GetAsync("/api/places?q=a&limit=lots"), 400);
        Assert.Contains("limit", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
