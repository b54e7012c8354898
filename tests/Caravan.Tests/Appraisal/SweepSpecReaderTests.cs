using Caravan.Appraisal;
using Caravan.Services;
using Xunit;

namespace Caravan.Tests.Appraisal;

/// <summary>Bad sweep specs fail with every problem as <c>file:line:column: field: message</c>.</summary>
public sealed class SweepSpecReaderTests
{
    private static IReadOnlyList<string> Errors(string name, string json)
    {
        var path = SweepSpecs.Write(name, json);
        var e = Assert.Throws<CaravanDataException>(() => SweepService.Load(path, TestPaths.Data));
        return [.. e.Diagnostics.Select(d => d.ToString())];
    }

    [Fact]
    public void UnknownPropertiesDuplicateKeysAndBadValuesAreLocated()
    {
        var errors = Errors("bad1", """
            {
              "name": "bad",
              "years": [2035, 2030],
              "discountRate": 0.06,
              "projects": [
                { "id": "cku", "overlay": "nowhere.json", "capitalCost": 1, "openingYear": 2030, "sources": ["S211"] }
              ],
              "futures": { "list": [ { "id": "a", "demandGrowth": { "containr": 0.02 } } ] },
              "portfolios": { "strategy": "greedy", "strategy": "all" }
            }
            """);
        var path = Path.Combine(SweepSpecs.Folder, "bad1.json");
        Assert.Equal(6, errors.Count);
        Assert.Contains(errors, e => e.StartsWith(path + ":3:19: $.years[1]: years ascend", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith(path + ":6:62: $.projects[0].capitalCost: unknown property 'capitalCost' (did you mean 'capitalCostUsd'?)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith(path + ":6:5: $.projects[0].capitalCostUsd: missing property", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(":6:31: $.projects[0].overlay: scenario file", StringComparison.Ordinal) && e.Contains("not found", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith(path + ":8:69: $.futures.list[0].demandGrowth.containr: unknown commodity class 'containr' (did you mean 'container'?)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith(path + ":9:41: $.portfolios.strategy: duplicate key 'strategy'", StringComparison.Ordinal));
    }

    [Fact]
    public void DistributionsAndStrategiesAreChecked()
    {
        var errors = Errors("bad2", $$"""
            {
              "name": "bad2",
              "years": [2035],
              "discountRate": 0.9,
              "projects": [ { "id": "cku", "overlay": "{{SweepSpecs.Overlay("scenarios/cku-railway.json")}}", "capitalCostUsd": 1e9, "openingYear": 2030 } ],
              "futures": { "monteCarlo": { "count": 3, "seed": 1, "borderDwellFactor": { "distribution": "gamma", "k": 2 } } },
              "portfolios": { "strategy": "sample" }
            }
            """);
        Assert.Contains(errors, e => e.Contains(":4:19: $.discountRate: discountRate is a fraction per year in [0, 0.5]", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(":5:17: $.projects[0].sources: a project names the sources", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(":6:108: $.futures.monteCarlo.borderDwellFactor.k: unknown property 'k'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(":6:94: $.futures.monteCarlo.borderDwellFactor.distribution: unknown distribution 'gamma'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(":7:17: $.portfolios.count: missing property 'count'", StringComparison.Ordinal));
    }

    [Fact]
    public void AGoodSpecReadsWithSeededFutures()
    {
        var spec = SweepService.Load(SweepSpecs.Small(6, "good"), TestPaths.Data);
        Assert.Equal(2, spec.Projects.Count);
        Assert.Equal(6, spec.Futures.Count);
        Assert.All(spec.Futures, f => Assert.InRange(f.BorderDwellFactor, 0.7, 1.3));
        var again = SweepService.Load(SweepSpecs.Small(6, "good2"), TestPaths.Data);
        Assert.Equal(spec.Futures.Select(f => f.BorderDwellFactor), again.Futures.Select(f => f.BorderDwellFactor));
        Assert.NotEqual(spec.Futures[0].BorderDwellFactor, spec.Futures[1].BorderDwellFactor);
    }
}
