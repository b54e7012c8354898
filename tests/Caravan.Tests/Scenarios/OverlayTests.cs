using Caravan.Model;
using Caravan.Routing;
using Caravan.Scenarios;
using Xunit;

namespace Caravan.Tests.Scenarios;

/// <summary>Overlay operations, composition and identity on the mini fixture.</summary>
public sealed class OverlayTests : IDisposable
{
    private readonly OverlayFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void BasedOnChainsApplyBaseMostFirst()
    {
        _files.Write("a", """{"name": "a", "description": "open CKU", "changes": [{"op": "open", "where": {"ids": ["X15"]}}]}""");
        var b = _files.Write("b", """{"name": "b", "description": "on a: slower CKU border", "basedOn": "a", "changes": [{"op": "set", "on": "crossings", "where": {"ids": ["X15"]}, "values": {"median_hours": 20, "p90_hours": 40}}]}""");
        var r = OverlayFiles.Load(b);
        Assert.True(r.Scenario is not null, string.Join("\n", r.Diagnostics));
        Assert.Equal(["a", "b"], r.Scenario!.Chain.Select(o => o.Name));
        var x15 = r.Scenario.Network.Links.Single(l => l.Id == "X15");
        Assert.Equal(LinkStatus.Operating, x15.Status);
        Assert.Equal(20, x15.Border!.MedianHours);
        Assert.Equal(2, r.Scenario.Log.ForLink("X15").Count());
    }

    [Fact]
    public void BasedOnCycleIsADiagnosticNotAHang()
    {
        _files.Write("x", """{"name": "x", "description": "d", "basedOn": "y", "changes": []}""");
        var y = _files.Write("y", "{\"name\": \"y\", \"description\": \"d\",\n \"basedOn\": \"x\", \"changes\": []}");
        var r = OverlayFiles.Load(y);
        Assert.Null(r.Scenario);
        var e = Assert.Single(OverlayFiles.Errors(r));
        Assert.Contains("cycle", e.Message, StringComparison.Ordinal);
        Assert.Equal("$.basedOn", e.Field);
    }

    [Fact]
    public void CloseCountryRemovesItsLinksAndServicesFollow()
    {
        var path = _files.Write("no-az", """{"name": "no-az", "description": "d", "changes": [{"op": "close", "where": {"countries": "AZ"}}]}""");
        var n = OverlayFiles.Load(path).Scenario!.Network;
        Assert.False(n.TryGetLink("L4", out _));
        Assert.DoesNotContain(n.Services, s => s.LinkIds.Contains("L4"));
    }

    [Fact]
    public void AddPlaceLinkAndCrossingThenRouteOverThem()
    {
        var path = _files.Write("new", """
        {
          "name": "new", "description": "a new road to Osh", "sources": ["T1"],
          "changes": [
            {"op": "add", "on": "places", "source": "T1", "items": [{"code": "KGOSH", "name": "Osh", "country": "KG", "lat": 40.5, "lon": 72.8}]},
            {"op": "add", "on": "crossings", "source": "T1", "items": [{"id": "XN1", "from": "UZAND", "to": "KGOSH", "mode": "Rail1520", "median_hours": 2, "p90_hours": 4}]}
          ]
        }
        """);
        var r = OverlayFiles.Load(path);
        Assert.True(r.Scenario is not null, string.Join("\n", r.Diagnostics));
        var n = r.Scenario!.Network;
        n.TryGetPlace("UZAND", out var a);
        n.TryGetPlace("KGOSH", out var b);
        Assert.True(new Router(n).Route(new RouteRequest(a, b, Commodity.Container, 1, Objective.Time, new RouteConstraints())).Found);
    }

    [Fact]
    public void RemovePlaceReindexesLinksAndTransfers()
    {
        var path = _files.Write("rm", """{"name": "rm", "description": "d", "changes": [{"op": "remove", "on": "places", "where": {"ids": ["RUMOW"]}}]}""");
        var n = OverlayFiles.Load(path).Scenario!.Network;
        Assert.False(n.TryGetPlace("RUMOW", out _));
        Assert.False(n.TryGetLink("X8", out _));
        foreach (var l in n.Links)
        {
            Assert.InRange(l.From, 0, n.Places.Count - 1);
            Assert.InRange(l.To, 0, n.Places.Count - 1);
        }
        var gauge = n.Transfers.Single(t => n.Places[t.Place].Code == "KZ-DOS");
        Assert.True(gauge.IsGaugeChange);
    }

    [Fact]
    public void OpenByYearOpensWhatIsDue()
    {
        var early = _files.Write("y2029", """{"name": "y2029", "description": "d", "changes": [{"op": "open", "year": 2029}]}""");
        var late = _files.Write("y2030", """{"name": "y2030", "description": "d", "changes": [{"op": "open", "year": 2030}]}""");
        Assert.Equal(LinkStatus.Planned, OverlayFiles.Load(early).Scenario!.Network.Links.Single(l => l.Id == "X15").Status);
        Assert.Equal(LinkStatus.Operating, OverlayFiles.Load(late).Scenario!.Network.Links.Single(l => l.Id == "X15").Status);
    }

    [Fact]
    public void ScaleHoursOnASpeedTimedLinkDividesItsSpeed()
    {
        var path = _files.Write("fast", """{"name": "fast", "description": "d", "changes": [{"op": "scale", "where": {"ids": ["L3"]}, "factors": {"hours": 0.5}}]}""");
        var n = OverlayFiles.Load(path).Scenario!.Network;
        Assert.Equal(2 * n.ParametersOf(Mode.Rail1520).SpeedKmh, n.Links.Single(l => l.Id == "L3").SpeedKmh!.Value, 6);
    }

    [Fact]
    public void ContentHashIgnoresLayoutButNotValues()
    {
        var a = _files.Write("h1", """{"name": "h", "description": "d", "changes": [{"op": "open", "where": {"ids": ["X15"]}}]}""");
        var b = _files.Write("h2", "{\n  // same, other layout\n  \"changes\": [ { \"where\": {\"ids\": [\"X15\"]}, \"op\": \"open\" } ],\n  \"description\": \"d\", \"name\": \"h\"\n}");
        var c = _files.Write("h3", """{"name": "h", "description": "e", "changes": [{"op": "open", "where": {"ids": ["X15"]}}]}""");
        var ha = OverlayFiles.Load(a).Scenario!.ContentHash;
        Assert.Equal(ha, OverlayFiles.Load(b).Scenario!.ContentHash);
        Assert.NotEqual(ha, OverlayFiles.Load(c).Scenario!.ContentHash);
        Assert.NotEqual(ha, OverlayFiles.Load("base").Scenario!.ContentHash);
    }
}
