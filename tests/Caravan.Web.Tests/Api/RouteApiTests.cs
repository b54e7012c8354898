using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Caravan.Web.Tests.Api;

/// <summary><c>GET /api/route</c>: the CLI's JSON, and problem details for everything that can go wrong.</summary>
public class RouteApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string XianDuisburgAvoidingRuBy = "/api/route?from=Xi%27an&to=Duisburg&avoid=RU,BY&quantity=2&year=2026";

    [Fact]
    public async Task AnswersTheDocumentedShapeWithTheCaspianFerry()
    {
        var doc = await Json.ReadAsync(await host.Client.GetAsync(XianDuisburgAvoidingRuBy));
        Assert.Equal("CNSIA", doc.GetProperty("from").GetProperty("code").GetString());
        Assert.Equal("DEDUI", doc.GetProperty("to").GetProperty("code").GetString());
        var route = doc.GetProperty("routes")[0];
        Assert.Equal("middle", route.GetProperty("corridor").GetString());
        Assert.Equal("FEU", route.GetProperty("unit").GetString());
        var legs = route.GetProperty("legs").EnumerateArray().ToList();
        Assert.Contains(legs, l => l.GetProperty("mode").GetString() == "Ferry" && l.GetProperty("from").GetProperty("code").GetString() == "KZAKT");
        Assert.DoesNotContain(legs, l => l.GetProperty("to").GetProperty("country").GetString() is "RU" or "BY");
        foreach (var name in new[] { "distanceKm", "hours", "costUsd", "co2eKg" })
        {
            Assert.Equal(route.GetProperty("totals").GetProperty(name).GetDouble(), legs.Sum(l => l.GetProperty(name).GetDouble()), 0);
        }
    }

    [Fact]
    public async Task IsTheSameDocumentAsTheCliPrints()
    {
        var api = JsonNode.Parse(await host.Client.GetStringAsync(XianDuisburgAvoidingRuBy + "&optimize=cost"));
        var cli = JsonNode.Parse(RunCli("route", "--from", "Xi'an", "--to", "Duisburg", "--avoid", "RU,BY", "--quantity", "2", "--year", "2026", "--optimize", "cost", "--json", "--data", WebTestPaths.Mini));
        Assert.True(JsonNode.DeepEquals(api, cli), $"API:\n{api}\nCLI:\n{cli}");
    }

    [Fact]
    public async Task UnknownPlaceIsA400WithSuggestions()
    {
        var problem = await Json.ProblemAsync(await host.Client.GetAsync("/api/route?from=Duisbrug&to=xian"), 400);
        Assert.EndsWith("/unknown-place", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Contains("did you mean Duisburg (DEDUI)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("DEDUI", problem.GetProperty("suggestions").GetProperty("from")[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("cargo=plutonium", "cargo")]
    [InlineData("quantity=1e", "quantity")]
    [InlineData("quantity=-3", "quantity")]
    [InlineData("quantity=NaN", "quantity")]
    [InlineData("year=twenty", "year")]
    [InlineData("maxTransfers=1.5", "maxTransfers")]
    [InlineData("optimize=beauty", "optimize")]
    [InlineData("avoid=Russia", "avoid")]
    [InlineData("avoidModes=Teleport", "avoidModes")]
    [InlineData("valueOfTime=%F0%9F%9A%82", "valueOfTime")]
    public async Task BadValuesAre400sNamingTheField(string parameter, string field)
    {
        var problem = await Json.ProblemAsync(await host.Client.GetAsync($"/api/route?from=xian&to=DEDUI&{parameter}"), 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.StartsWith(field + ":", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingPlacesAreNamed()
    {
        var problem = await Json.ProblemAsync(await host.Client.GetAsync("/api/route"), 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("from", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("to", out _));
    }

    [Fact]
    public async Task OversizedQueriesAreRefused()
    {
        var longQuery = await Json.ProblemAsync(await host.Client.GetAsync("/api/route?from=" + new string('x', 5000) + "&to=DEDUI"), 414);
        Assert.Contains("at most", longQuery.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var longField = await Json.ProblemAsync(await host.Client.GetAsync("/api/route?from=" + new string('x', 600) + "&to=DEDUI"), 400);
        Assert.Contains("at most 512", longField.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoRouteIsA422NamingTheBlockingConstraints()
    {
        var problem = await Json.ProblemAsync(await host.Client.GetAsync("/api/route?from=xian&to=DEDUI&avoid=KZ&avoidModes=Sea"), 422);
        Assert.EndsWith("/no-route", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        var blocking = problem.GetProperty("blocking").EnumerateArray().Select(b => b.GetProperty("value").GetString()).ToList();
        Assert.Contains("KZ", blocking);
        Assert.Contains("Sea", blocking);
    }

    internal static string RunCli(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Caravan.Cli.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        Assert.True(p.WaitForExit(60_000), "caravan did not finish");
        Assert.True(p.ExitCode == 0, stderr);
        return stdout.Result;
    }
}
