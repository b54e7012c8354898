using System.Text.Json;
using Caravan.Diagnostics;
using Caravan.Scenarios;
using Caravan.Scenarios.Json;
using Json.Schema;
using Xunit;

namespace Caravan.Tests.Scenarios;

/// <summary>
/// docs/schema/overlay.schema.json and <see cref="OverlayReader"/> agree: every shipped scenario passes both, and
/// overlays the reader refuses the schema refuses too, so the two cannot drift apart silently.
/// </summary>
public sealed class OverlaySchemaTests : IDisposable
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFile(Path.Combine(TestPaths.Root, "docs", "schema", "overlay.schema.json")));

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly OverlayFiles _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<string> ShippedScenarios()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(TestPaths.Data, "scenarios"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public void ShippedScenarioValidates(string file)
    {
        var path = Path.Combine(TestPaths.Data, "scenarios", file);
        Assert.True(ReaderAccepts(path), file + " is refused by OverlayReader");
        var result = Evaluate(File.ReadAllText(path));
        Assert.True(result.IsValid, file + ": " + Describe(result));
    }

    [Theory]
    [InlineData("unknown op", """{"name": "bad", "description": "d", "changes": [{"op": "sclae", "where": {"ids": ["X1"]}}]}""")]
    [InlineData("unknown selector key", """{"name": "bad", "description": "d", "changes": [{"op": "close", "where": {"country": ["RU"]}}]}""")]
    [InlineData("unknown root key", """{"name": "bad", "description": "d", "changes": [], "target": []}""")]
    [InlineData("unknown change key", """{"name": "bad", "description": "d", "changes": [{"op": "close", "where": {"ids": "X1"}, "notes": "n"}]}""")]
    [InlineData("factor is a string", """{"name": "bad", "description": "d", "changes": [{"op": "scale", "on": "crossings", "where": {"ids": ["X1"]}, "factors": {"dwell_hours": "half"}}]}""")]
    [InlineData("year is a string", """{"name": "bad", "description": "d", "changes": [{"op": "open", "year": "2030"}]}""")]
    [InlineData("changes is an object", """{"name": "bad", "description": "d", "changes": {}}""")]
    [InlineData("missing description", """{"name": "bad", "changes": []}""")]
    [InlineData("empty where on close", """{"name": "bad", "description": "d", "changes": [{"op": "close", "where": {}}]}""")]
    [InlineData("dwell on ordinary links", """{"name": "bad", "description": "d", "changes": [{"op": "scale", "where": {"corridor": "middle"}, "factors": {"dwell_hours": 0.5}}]}""")]
    [InlineData("unknown set attribute", """{"name": "bad", "description": "d", "changes": [{"op": "set", "on": "crossings", "where": {"ids": ["X1"]}, "values": {"median_hour": 3}}]}""")]
    [InlineData("values on scale", """{"name": "bad", "description": "d", "changes": [{"op": "scale", "where": {"ids": ["L1"]}, "factors": {"hours": 2}, "values": {"hours": 2}}]}""")]
    [InlineData("add without on", """{"name": "bad", "description": "d", "changes": [{"op": "add", "items": [{"code": "P9"}]}]}""")]
    [InlineData("unknown corridor", """{"name": "bad", "description": "d", "changes": [{"op": "open", "where": {"corridor": "ckuu"}}]}""")]
    [InlineData("unknown mode", """{"name": "bad", "description": "d", "changes": [{"op": "open", "where": {"modes": ["Rail1000"]}}]}""")]
    [InlineData("three countries between", """{"name": "bad", "description": "d", "changes": [{"op": "close", "where": {"between": ["KZ", "UZ", "KG"]}}]}""")]
    [InlineData("unknown target metric", """{"name": "bad", "description": "d", "changes": [], "targets": [{"metric": "days", "factor": 0.5}]}""")]
    public void OverlaysTheReaderRefusesTheSchemaRefuses(string why, string json)
    {
        Assert.False(ReaderAccepts(_files.Write("bad", json)), why + ": the reader accepts it");
        Assert.False(Evaluate(json).IsValid, why + ": the schema accepts it");
    }

    [Theory]
    [InlineData("$schema and every op", """
        {"$schema": "../../docs/schema/overlay.schema.json", "name": "ok", "description": "d", "basedOn": "base", "sources": "S1,S2",
         "changes": [
           {"op": "open", "year": 2030},
           {"op": "Close", "on": "crossings", "where": {"between": "KZ,UZ", "status": "planned"}},
           {"op": "set", "on": "transfers", "where": {"places": ["P1"], "kinds": "rail-ferry"}, "values": {"median_hours": 12, "p90_hours": null}},
           {"op": "scale", "on": "services", "where": {"modes": ["Rail", "ferry"]}, "factors": {"departures_per_week": 2}},
           {"op": "remove", "on": "places", "where": {"ids": ["P9"]}},
           {"op": "add", "on": "links", "source": "S1", "items": [{"id": "Z1", "from": "A", "to": "B", "mode": "Road", "distance_km": 10, "direction": "forward", "notes": null}]},
           {"op": "add", "on": "services", "items": [{"id": "V1", "links": "L1;L2", "departures_per_week": 3, "timetable": ["Mon 08:00"], "source": ["S1"]}]}
         ],
         "targets": [{"metric": "co2e_kg", "factor": 0.9, "corridor": "middle"}]}
        """)]
    public void OverlaysTheReaderAcceptsTheSchemaAccepts(string why, string json)
    {
        Assert.True(ReaderAccepts(_files.Write("ok", json)), why + ": the reader refuses it");
        var result = Evaluate(json);
        Assert.True(result.IsValid, why + ": " + Describe(result));
    }

    [Fact]
    public void SchemaKeyLeavesTheContentHashAlone()
    {
        var bag = new DiagnosticBag();
        var with = LocatedJsonParser.Parse("""{"$schema": "../../docs/schema/overlay.schema.json", "name": "a", "description": "d", "changes": []}"""u8, "a.json", bag)!;
        var without = LocatedJsonParser.Parse("""{"name": "a", "description": "d", "changes": []}"""u8, "a.json", bag)!;
        var other = LocatedJsonParser.Parse("""{"name": "a", "description": "e", "changes": []}"""u8, "a.json", bag)!;
        Assert.Equal(ContentHash.Canonical(without), ContentHash.Canonical(with));
        Assert.NotEqual(ContentHash.Canonical(without), ContentHash.Canonical(other));
    }

    /// <summary>The reader's own check of the file's shape (no network needed: ids are checked when applied).</summary>
    private static bool ReaderAccepts(string path)
    {
        var bag = new DiagnosticBag();
        return OverlayReader.ReadFile(path, Path.GetFileName(path), bag) is not null && !bag.Any(d => d.Severity == Severity.Error);
    }

    private static EvaluationResults Evaluate(string json)
    {
        using var doc = JsonDocument.Parse(json, Lenient);
        return Schema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults result) =>
        string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => d.InstanceLocation + ": " + string.Join(", ", d.Errors!.Values)));
}
