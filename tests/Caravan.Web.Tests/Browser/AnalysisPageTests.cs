using Microsoft.Playwright;

namespace Caravan.Web.Tests.Browser;

/// <summary>The page's scenario selector, scenario comparison and freight assignment, in a real Chromium.</summary>
public class AnalysisPageTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task SwitchingToTheNorthernClosureReplansAwayFromTheNorth()
    {
        var page = await host.OpenAsync();
        Assert.Equal("Scenario", (await page.Locator("label[for='scenario']").InnerTextAsync()).Trim());
        await page.FillAsync("#from", "Xi'an");
        await page.FillAsync("#to", "Duisburg");
        await page.ClickAsync("#plan");
        await page.WaitForSelectorAsync("#options li");
        var before = await page.Locator("#itinerary").InnerTextAsync();
        Assert.Contains("Moscow", before, StringComparison.Ordinal);

        // Choosing the scenario by keyboard reloads the network and plans again, now around Russia.
        await page.FocusAsync("#scenario");
        await page.SelectOptionAsync("#scenario", "northern-closed");
        await page.WaitForFunctionAsync("() => !document.querySelector('#itinerary').innerText.includes('Moscow')");
        Assert.Contains("scenario=northern-closed", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("Moscow", await page.Locator("#itinerary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#error").IsHiddenAsync());

        // Compare base with the closure: a table of pairs with the change in days and corridor.
        await page.SelectOptionAsync("#compare-a", "base");
        await page.SelectOptionAsync("#compare-b", "northern-closed");
        await page.ClickAsync("#compare");
        await page.WaitForSelectorAsync(".compare-table tbody tr");
        var table = await page.Locator(".compare-table").InnerTextAsync();
        Assert.Contains("Δ days", table, StringComparison.Ordinal);
        Assert.Contains("north →", table, StringComparison.Ordinal);
        await Screenshots.TakeAsync(page, "scenario-northern-closed");
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task AssigningDemandShowsProgressThenFlowsAndBottlenecks()
    {
        var page = await host.OpenAsync();
        Assert.Equal("mini", await page.InputValueAsync("#demand"));
        await page.FocusAsync("#assign");
        await page.Keyboard.PressAsync("Enter");
        var bottleneck = page.Locator("#bottlenecks li.bottleneck").First;
        await bottleneck.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 60_000 });
        Assert.Contains("capacity", await bottleneck.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Converged", await page.Locator("#assign-status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1.0, await page.EvalOnSelectorAsync<double>("#assign-progress", "p => p.value"));
        Assert.True(await page.Locator("#map path.flow-link").CountAsync() > 0);
        // The binding Brest crossing is held at its capacity (within the equilibrium's tolerance): busy or over.
        Assert.True(await page.Locator("#map path.flow-link.util-over, #map path.flow-link.util-busy").CountAsync() > 0);
        // The corridor table shows the run's corridors as the API answers them.
        var id = await page.GetAttributeAsync("#assign-result", "data-run");
        Assert.False(string.IsNullOrEmpty(id));
        var expected = await page.EvaluateAsync<int>("async id => (await (await fetch(`/api/assignments/${id}`)).json()).corridorTonnes.length", id);
        Assert.True(expected > 0);
        Assert.Equal(expected, await page.Locator("#flow-corridors tbody tr").CountAsync());
        Assert.Contains("Mt CO2e", await page.Locator("#flow-totals").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.TakeAsync(page, "assignment-flows");
        Assert.Empty(host.PageErrors);
    }
}
