using Caravan.Scenarios;
using Xunit;

namespace Caravan.Tests.Scenarios;

/// <summary>Bad overlays give diagnostics with file, line and JSON path, never a crash.</summary>
public sealed class OverlayDiagnosticTests : IDisposable
{
    private readonly OverlayFiles _files = new();

    public void Dispose() => _files.Dispose();

    private Caravan.Diagnostics.Diagnostic OnlyError(string json, string name = "bad")
    {
        var path = _files.Write(name, json);
        var r = OverlayFiles.Load(path);
        Assert.Null(r.Scenario);
        var errors = OverlayFiles.Errors(r);
        Assert.True(errors.Count == 1, string.Join("\n", r.Diagnostics));
        Assert.EndsWith(name + ".json", errors[0].File, StringComparison.Ordinal);
        return errors[0];
    }

    [Fact]
    public void MalformedJsonGivesTheLine()
    {
        var e = OnlyError("{\n  \"name\": \"bad\",\n  \"description\": \"d\"\n  \"changes\": []\n}");
        Assert.Equal(4, e.Line);
        Assert.StartsWith("malformed JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownLinkIdSuggestsTheNearest()
    {
        var e = OnlyError("{\"name\": \"bad\", \"description\": \"d\",\n\"changes\": [\n {\"op\": \"open\",\n  \"where\": {\"ids\": [\"X155\"]}}]}");
        Assert.Equal(3, e.Line);
        Assert.Equal("$.changes[0].where.ids", e.Field);
        Assert.Contains("unknown link id 'X155'", e.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'X15'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongTypeNamesTheField()
    {
        var e = OnlyError("{\"name\": \"bad\", \"description\": \"d\", \"changes\": [\n{\"op\": \"scale\", \"on\": \"crossings\", \"where\": {\"ids\": [\"X1\"]},\n \"factors\": {\"dwell_hours\": \"half\"}}]}");
        Assert.Equal(3, e.Line);
        Assert.Equal("$.changes[0].factors.dwell_hours", e.Field);
        Assert.Contains("a factor is a number, not a string", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOpAndAttributeGetSuggestions()
    {
        var e = OnlyError("""{"name": "bad", "description": "d", "changes": [{"op": "sclae", "where": {"ids": ["X1"]}}]}""");
        Assert.Contains("did you mean 'scale'", e.Message, StringComparison.Ordinal);
        var f = OnlyError("""{"name": "bad2", "description": "d", "changes": [{"op": "set", "on": "crossings", "where": {"ids": ["X1"]}, "values": {"median_hour": 3}}]}""", "bad2");
        Assert.Equal("$.changes[0].values.median_hour", f.Field);
        Assert.Contains("did you mean 'median_hours'", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCorridorAndDwellOnOrdinaryLinksAreCaught()
    {
        var e = OnlyError("""{"name": "bad", "description": "d", "changes": [{"op": "open", "where": {"corridor": "ckuu"}}]}""");
        Assert.Contains("did you mean 'cku'", e.Message, StringComparison.Ordinal);
        var f = OnlyError("""{"name": "bad2", "description": "d", "changes": [{"op": "scale", "where": {"corridor": "middle"}, "factors": {"dwell_hours": 0.5}}]}""", "bad2");
        Assert.Contains("\"on\": \"crossings\"", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyWhereIsRefusedForDestructiveOps()
    {
        var e = OnlyError("""{"name": "bad", "description": "d", "changes": [{"op": "close", "where": {}}]}""");
        Assert.Contains("non-empty 'where'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void P90BelowMedianAfterSetIsAnError()
    {
        var e = OnlyError("""{"name": "bad", "description": "d", "changes": [{"op": "set", "on": "crossings", "where": {"ids": ["X1"]}, "values": {"median_hours": 100}}]}""");
        Assert.Contains("p90", e.Message, StringComparison.Ordinal);
        Assert.Equal("$.changes[0].values.median_hours", e.Field);
    }

    [Fact]
    public void DeepNestingIsRefused()
    {
        var deep = "{\"name\": \"bad\", \"description\": \"d\", \"changes\": [], \"targets\": " + new string('[', 200) + new string(']', 200) + "}";
        var e = OnlyError(deep);
        Assert.StartsWith("malformed JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HugeFileIsRefusedBeforeParsing()
    {
        var path = _files.Write("huge", "{\"name\": \"huge\", \"description\": \"" + new string('x', 2 << 20) + "\", \"changes\": []}");
        var r = OverlayFiles.Load(path);
        Assert.Null(r.Scenario);
        Assert.Contains("at most", Assert.Single(OverlayFiles.Errors(r)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownScenarioNameSuggests()
    {
        var r = OverlayFiles.Load("cku-railwya");
        Assert.Null(r.Scenario);
        Assert.Contains("did you mean 'cku-railway'", Assert.Single(OverlayFiles.Errors(r)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GarbageBytesAndWrongRootAreDiagnostics()
    {
        var path = Path.Combine(_files.Folder, "garbage.json");
        File.WriteAllBytes(path, [0xFF, 0xFE, 0x00, 0x01, 0x7B]);
        Assert.Null(OverlayFiles.Load(path).Scenario);
        var e = OnlyError("[1, 2, 3]", "array");
        Assert.Contains("JSON object", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryErrorIsCollectedNotJustTheFirst()
    {
        var path = _files.Write("many", """{"name": "many", "description": "d", "changes": [{"op": "x"}, {"op": "open", "where": {"modes": ["Boat"]}}, {"op": "set", "on": "services", "where": {"ids": ["S1"]}, "values": {"departures_per_week": "often"}}]}""");
        Assert.Equal(3, OverlayFiles.Errors(OverlayFiles.Load(path)).Count);
    }
}
