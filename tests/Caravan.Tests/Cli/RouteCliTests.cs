using System.Text.Json;
using Xunit;

namespace Caravan.Tests.Cli;

/// <summary>The CLI end to end on the mini fixture: a real process, its exit code and output.</summary>
public class RouteCliTests
{
    private static readonly string Mini = TestPaths.Mini;

    [Fact]
    public void RouteJsonHasTheDocumentedShape()
    {
        var r = CliProcess.Run("route", "--from", "Xi'an", "--to", "Duisburg", "--avoid", "RU,BY", "--quantity", "2", "--json", "--data", Mini);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var route = doc.RootElement.GetProperty("routes")[0];
        var legs = route.GetProperty("legs");
        Assert.Contains(legs.EnumerateArray(), l => l.GetProperty("kind").GetString() == "move" && l.GetProperty("mode").GetString() == "Ferry");
        Assert.Contains(legs.EnumerateArray(), l => l.GetProperty("kind").GetString() == "wait");
        Assert.Contains(legs.EnumerateArray(), l => l.GetProperty("kind").GetString() == "border");
        Assert.Contains(legs.EnumerateArray(), l => l.GetProperty("kind").GetString() == "transfer");
        var first = legs[0];
        Assert.Equal("CNSIA", first.GetProperty("from").GetProperty("code").GetString());
        Assert.Equal("CN", first.GetProperty("from").GetProperty("country").GetString());
        foreach (var name in new[] { "distanceKm", "hours", "costUsd", "co2eKg" })
        {
            var sum = legs.EnumerateArray().Sum(l => l.GetProperty(name).GetDouble());
            Assert.Equal(route.GetProperty("totals").GetProperty(name).GetDouble(), sum, 0);
        }
    }

    [Fact]
    public void RouteTableShowsLegsAndTotals()
    {
        var r = CliProcess.Run("route", "--from", "xian", "--to", "DEDUI", "--data", Mini);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("gauge change 1435→1520 mm", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Total", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void GeoJsonIsAFeatureCollection()
    {
        var r = CliProcess.Run("route", "--from", "xian", "--to", "DEDUI", "--geojson", "--data", Mini);
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("FeatureCollection", doc.RootElement.GetProperty("type").GetString());
        Assert.True(doc.RootElement.GetProperty("features").GetArrayLength() > 3);
    }

    [Fact]
    public void UnknownPlaceExitsTwoWithSuggestion()
    {
        var r = CliProcess.Run("route", "--from", "Duisbrug", "--to", "xian", "--data", Mini);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("did you mean Duisburg (DEDUI)", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void NoRouteExitsTwoNamingTheConstraint()
    {
        var r = CliProcess.Run("route", "--from", "xian", "--to", "DEDUI", "--avoid", "KZ", "--avoid-modes", "Sea", "--data", Mini);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("KZ", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("Sea", r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--cargo", "plutonium")]
    [InlineData("--optimize", "beauty")]
    [InlineData("--quantity", "-3")]
    [InlineData("--avoid", "Russia")]
    [InlineData("--avoid-modes", "Teleport")]
    [InlineData("--depart", "9999-12-15T00:00")]
    [InlineData("--depart", "9999-11-20")]
    [InlineData("--deadline", "9999-12-31")]
    public void BadArgumentsExitTwo(string option, string value)
    {
        var r = CliProcess.Run("route", "--from", "xian", "--to", "DEDUI", option, value, "--data", Mini);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error:", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRequiredOptionExitsTwo()
    {
        var r = CliProcess.Run("route", "--from", "xian");
        Assert.Equal(2, r.ExitCode);
    }

    [Fact]
    public void ValidateMalformedFolderNamesFileLineFieldAndExitsTwo()
    {
        var dir = TestPaths.CopyMini();
        try
        {
            var links = Path.Combine(dir, "links.csv");
            File.WriteAllText(links, File.ReadAllText(links).Replace("L3,KZALA,KZAKT,Rail1520,3000", "L3,KZALA,KZAKT,Rail1520,three thousand", StringComparison.Ordinal));
            var r = CliProcess.Run("validate", dir);
            Assert.Equal(2, r.ExitCode);
            Assert.Matches(@"links\.csv:4: distance_km: 'three thousand' is not a number", r.Stderr);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void ValidateCleanFolderExitsZero()
    {
        var r = CliProcess.Run("validate", Mini);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("ok", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void PlacesSearchFindsAliases()
    {
        var r = CliProcess.Run("places", "Алматы", "--data", Mini, "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("KZALA", doc.RootElement[0].GetProperty("code").GetString());
    }
}

public class PlanCliTests
{
    private static readonly string Mini = TestPaths.Mini;

    [Fact]
    public void JsonListsAllOptionsWithReliabilityAndDatedLegs()
    {
        var r = CliProcess.Run("route", "--from", "xian", "--to", "Duisburg", "--json", "--depart", "2026-12-01T08:00", "--deadline", "2026-12-12T00:00", "--data", Mini);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Stdout);
        var routes = doc.RootElement.GetProperty("routes");
        Assert.True(routes.GetArrayLength() >= 2);
        foreach (var route in routes.EnumerateArray())
        {
            Assert.True(route.GetProperty("p90Hours").GetDouble() > route.GetProperty("p50Hours").GetDouble());
            Assert.InRange(route.GetProperty("onTimeProbability").GetDouble(), 0, 1);
            Assert.False(string.IsNullOrEmpty(route.GetProperty("corridor").GetString()));
            foreach (var leg in route.GetProperty("legs").EnumerateArray())
            {
                Assert.True(DateTimeOffset.TryParse(leg.GetProperty("departs").GetString(), out _));
                Assert.True(DateTimeOffset.TryParse(leg.GetProperty("arrives").GetString(), out _));
            }
        }
        Assert.Equal("2026-12-01T08:00Z", routes[0].GetProperty("legs")[0].GetProperty("departs").GetString());
        Assert.Contains(doc.RootElement.GetProperty("corridors").EnumerateArray(), c => c.GetProperty("corridor").GetString() == "middle");
    }

    [Fact]
    public void DeadlineBeforeDepartureIsBadInput()
    {
        var r = CliProcess.Run("route", "--from", "xian", "--to", "Duisburg", "--depart", "2026-12-10T08:00", "--deadline", "2026-12-01", "--data", Mini);
        Assert.Equal(2, r.ExitCode);
    }

    [Fact]
    public void LimitsCannotBeLiftedPastTheCeiling()
    {
        var r = CliProcess.Run("route", "--from", "xian", "--to", "Duisburg", "--max-labels", "999999999", "--data", Mini);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--max-labels", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ExceededLabelLimitExitsTwoWithAdvice()
    {
        var r = CliProcess.Run("route", "--from", "xian", "--to", "Duisburg", "--max-labels", "2", "--data", Mini);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("label limit", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultOutputShowsOptionsCorridorsAndLegs()
    {
        var r = CliProcess.Run("route", "--from", "xian", "--to", "Duisburg", "--data", Mini);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("non-dominated option", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Best route per corridor", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("p90 days", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Total", r.Stdout, StringComparison.Ordinal);
    }
}
