using System.Text.Json;
using Caravan.Diagnostics;
using Caravan.Services;
using Json.Schema;
using Xunit;

namespace Caravan.Tests.Appraisal;

/// <summary>docs/schema/sweep.schema.json and the spec reader agree on the shipped specs and on specs both refuse.</summary>
public sealed class SweepSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(Path.Combine(TestPaths.Root, "docs", "schema", "sweep.schema.json")));

    public static TheoryData<string> ShippedSpecs()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(TestPaths.Data, "sweeps"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedSpecs))]
    public void ShippedSpecValidates(string file)
    {
        var path = Path.Combine(TestPaths.Data, "sweeps", file);
        var spec = SweepService.Load(path, TestPaths.Data);
        Assert.True(spec.Projects.Count > 0);
        var result = Schema.Value.Evaluate(JsonDocument.Parse(File.ReadAllText(path)).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, file + ": " + string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void TheBaseOfTheRefusedSpecsIsValid()
    {
        const string json = """{"name": "x", "years": [2030], "discountRate": 0.05, "projects": [{"id": "cku", "overlay": "cku-railway", "capitalCostUsd": 1e9, "openingYear": 2030, "sources": ["S211"]}], "futures": {"list": [{"id": "a"}]}, "portfolios": {"strategy": "all"}}""";
        Assert.True(Schema.Value.Evaluate(JsonDocument.Parse(json).RootElement).IsValid);
        Assert.Single(SweepService.Load(SweepSpecs.Write("valid-base", json), TestPaths.Data).Projects);
    }

    [Theory]
    [InlineData("unknown root key", """{"name": "x", "years": [2030], "discountRate": 0.05, "projects": [{"id": "cku", "overlay": "cku-railway", "capitalCostUsd": 1e9, "openingYear": 2030, "sources": ["S211"]}], "futures": {"list": [{"id": "a"}]}, "portfolios": {"strategy": "all"}, "horizon": 2050}""")]
    [InlineData("rate out of range", """{"name": "x", "years": [2030], "discountRate": 5, "projects": [{"id": "cku", "overlay": "cku-railway", "capitalCostUsd": 1e9, "openingYear": 2030, "sources": ["S211"]}], "futures": {"list": [{"id": "a"}]}, "portfolios": {"strategy": "all"}}""")]
    [InlineData("both kinds of futures", """{"name": "x", "years": [2030], "discountRate": 0.05, "projects": [{"id": "cku", "overlay": "cku-railway", "capitalCostUsd": 1e9, "openingYear": 2030, "sources": ["S211"]}], "futures": {"list": [{"id": "a"}], "monteCarlo": {"count": 2, "seed": 1}}, "portfolios": {"strategy": "all"}}""")]
    [InlineData("sample without count", """{"name": "x", "years": [2030], "discountRate": 0.05, "projects": [{"id": "cku", "overlay": "cku-railway", "capitalCostUsd": 1e9, "openingYear": 2030, "sources": ["S211"]}], "futures": {"list": [{"id": "a"}]}, "portfolios": {"strategy": "sample"}}""")]
    [InlineData("unknown class", """{"name": "x", "years": [2030], "discountRate": 0.05, "projects": [{"id": "cku", "overlay": "cku-railway", "capitalCostUsd": 1e9, "openingYear": 2030, "sources": ["S211"]}], "futures": {"list": [{"id": "a", "demandGrowth": {"coal": 0.1}}]}, "portfolios": {"strategy": "all"}}""")]
    public void BothRefuse(string why, string json)
    {
        Assert.False(Schema.Value.Evaluate(JsonDocument.Parse(json).RootElement).IsValid, why + ": the schema accepts it");
        var path = SweepSpecs.Write("refused-" + why.Replace(' ', '-'), json);
        Assert.Throws<CaravanDataException>(() => SweepService.Load(path, TestPaths.Data));
    }
}
