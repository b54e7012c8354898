using Caravan.Appraisal;
using Caravan.Json;
using Caravan.Services;
using Microsoft.Playwright;

namespace Caravan.Web.Tests.Browser;

/// <summary>The sweep view opens the JSON of <c>caravan sweep --json</c> and shows its frontier and ranked table.</summary>
public sealed class SweepPageTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static async Task<(SweepOutcome Outcome, string File)> SmallSweepAsync(string folder)
    {
        string Overlay(string relative) => Path.Combine(WebTestPaths.Root, "data", relative).Replace("\\", "/", StringComparison.Ordinal);
        var spec = Path.Combine(folder, "page-sweep.json");
        File.WriteAllText(spec, $$"""
            {
              "name": "page-sweep", "years": [2035], "horizonYear": 2050, "priceBaseYear": 2026, "discountRate": 0.06,
              "reference": "{{Overlay("sweeps/projects/do-minimum.json")}}",
              "projects": [
                { "id": "cku", "overlay": "{{Overlay("scenarios/cku-railway.json")}}", "capitalCostUsd": 8e9, "openingYear": 2030, "sources": ["S211"] },
                { "id": "khorgos", "overlay": "{{Overlay("sweeps/projects/khorgos-capacity.json")}}", "capitalCostUsd": 3e8, "openingYear": 2028, "sources": ["S059"] }
              ],
              "futures": { "list": [ { "id": "central" }, { "id": "fast", "demandGrowth": { "container": 0.05 }, "borderDwellFactor": 0.8 } ] },
              "portfolios": { "strategy": "all" }
            }
            """);
        var data = Path.Combine(WebTestPaths.Root, "data");
        var sweep = SweepService.Load(spec, data);
        var outcome = await SweepService.RunAsync(SweepService.Plan(sweep, data), new LocalRunExecutor(new RunEvaluator(), 2), null, null);
        var file = Path.Combine(folder, "page-sweep.outcome.json");
        File.WriteAllText(file, JsonDefaults.Serialize(outcome, JsonDefaults.Indented));
        return (outcome, file);
    }

    [Fact]
    public async Task TheSweepViewShowsTheFrontierAndTheRankedPortfolios()
    {
        var folder = Directory.CreateTempSubdirectory("caravan-sweep-page-").FullName;
        try
        {
            var (outcome, file) = await SmallSweepAsync(folder);
            var page = await host.OpenAsync();
            Assert.False(await page.EvalOnSelectorAsync<bool>("#sweep-box", "d => d.open"));
            await page.ClickAsync("#sweep-box > summary");
            await page.SetInputFilesAsync("#sweep-file", file);
            await page.WaitForFunctionAsync($"() => document.querySelectorAll('#sweep-table tbody tr').length === {outcome.Portfolios.Count}");

            // The table is the engine's ranking, row for row.
            var labels = await page.EvalOnSelectorAllAsync<string[]>("#sweep-table tbody tr td:nth-child(2)", "cells => cells.map(c => c.textContent)");
            Assert.Equal(outcome.Portfolios.Select(p => p.Label), labels);
            // One point per portfolio, the frontier's marked, and the status names the frontier.
            Assert.Equal(outcome.Portfolios.Count, await page.Locator("#sweep-chart g.sweep-pt").CountAsync());
            var frontier = await page.EvalOnSelectorAllAsync<string[]>("#sweep-chart g.sweep-pt.frontier", "gs => gs.map(g => g.dataset.label)");
            Assert.Equal(outcome.Frontier.Order(StringComparer.Ordinal), frontier.Order(StringComparer.Ordinal));
            var status = await page.Locator("#sweep-status").InnerTextAsync();
            Assert.Contains("page-sweep: 4 portfolios × 2 futures", status, StringComparison.Ordinal);
            Assert.Contains(string.Join(", ", outcome.Frontier), status, StringComparison.Ordinal);

            // A file that is not a sweep's JSON is said to be so, and clears the view.
            var wrong = Path.Combine(folder, "not-a-sweep.json");
            File.WriteAllText(wrong, """{"type": "FeatureCollection", "features": []}""");
            await page.SetInputFilesAsync("#sweep-file", wrong);
            await page.WaitForFunctionAsync("() => document.querySelector('#sweep-status').textContent.includes('not the JSON of caravan sweep')");
            Assert.Equal(0, await page.Locator("#sweep-table tbody tr").CountAsync());
            Assert.Empty(host.PageErrors);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
