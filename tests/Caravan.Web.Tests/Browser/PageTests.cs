using Microsoft.Playwright;

namespace Caravan.Web.Tests.Browser;

/// <summary>The page in a real Chromium against the real server: plan, choose, read errors, all by keyboard too.</summary>
public class PageTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task PlansXianToDuisburgAroundRussiaOverTheCaspianFerry()
    {
        var page = await host.OpenAsync();
        await page.FillAsync("#from", "Xi'an");
        await page.FillAsync("#to", "Duisburg");
        await page.CheckAsync("#avoid-country-RU");
        await page.CheckAsync("#avoid-country-BY");
        await page.ClickAsync("#plan");
        await page.WaitForSelectorAsync("#options li");
        Assert.True(await page.Locator("#error").IsHiddenAsync());
        Assert.Equal("2 options from Xi'an to Duisburg", await page.Locator("#summary[role='status']").InnerTextAsync());

        // The list shows the option and its itinerary has the Caspian ferry from Aktau to Baku.
        var first = await page.Locator("#options li").First.InnerTextAsync();
        Assert.Contains("middle", first, StringComparison.Ordinal);
        var ferry = page.Locator("#itinerary tr.leg-move[data-mode='Ferry']");
        Assert.Equal(1, await ferry.CountAsync());
        var ferryText = await ferry.InnerTextAsync();
        Assert.Contains("Aktau", ferryText, StringComparison.Ordinal);
        Assert.Contains("Baku", ferryText, StringComparison.Ordinal);
        Assert.True(await page.Locator("#itinerary tr.leg-border").CountAsync() >= 1);
        Assert.True(await page.Locator("#itinerary tr.leg-gauge").CountAsync() >= 1);

        // The map draws the ferry leg, the borders and the gauge changes, and no leg through Russia or Belarus.
        Assert.Equal(1, await page.Locator("#map path.route-leg.mode-Ferry").CountAsync());
        Assert.True(await page.Locator("#map path.route-border-mark").CountAsync() >= 1);
        Assert.True(await page.Locator("#map path.route-gauge-change").CountAsync() >= 1);
        Assert.True(await page.Locator("#chart g.pt").CountAsync() >= 1);
        Assert.DoesNotContain("Moscow", await page.Locator("#itinerary").InnerTextAsync(), StringComparison.Ordinal);
        await page.WaitForSelectorAsync("#map path.leaflet-interactive >> nth=0");
        await Screenshots.TakeAsync(page, "plan-xian-duisburg");
        await page.Locator("#itinerary").ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(page, "plan-itinerary");
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task AMistypedPlaceShowsAMessageWithSuggestions()
    {
        var page = await host.OpenAsync();
        await page.FillAsync("#from", "Duisbrug");
        await page.FillAsync("#to", "xian");
        await page.ClickAsync("#plan");
        var error = page.Locator("#error");
        await error.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Contains("did you mean", await error.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#results").IsHiddenAsync());
        await Screenshots.TakeAsync(page, "error-unknown-place");

        // The suggestion is a button that fixes the field; planning then works.
        await page.ClickAsync("#error button[data-value='Duisburg']");
        Assert.Equal("Duisburg", await page.InputValueAsync("#from"));
        await page.ClickAsync("#plan");
        await page.WaitForSelectorAsync("#options li");
        Assert.True(await page.Locator("#error").IsHiddenAsync());
    }

    [Fact]
    public async Task NoRouteAndBadNumbersShowMessagesNotABrokenPage()
    {
        var page = await host.OpenAsync();
        await page.FillAsync("#from", "xian");
        await page.FillAsync("#to", "DEDUI");
        await page.FillAsync("#quantity", "lots");
        await page.ClickAsync("#plan");
        await page.Locator("#error").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Contains("quantity", await page.Locator("#error").InnerTextAsync(), StringComparison.Ordinal);

        await page.FillAsync("#quantity", "1");
        await page.CheckAsync("#avoid-country-KZ");
        await page.CheckAsync("#avoid-mode-Sea");
        await page.ClickAsync("#plan");
        await page.Locator("#error:has-text('No route')").WaitForAsync();
        var noRoute = await page.Locator("#error").InnerTextAsync();
        Assert.Contains("avoid-country KZ", noRoute, StringComparison.Ordinal);
        Assert.Contains("avoid-mode Sea", noRoute, StringComparison.Ordinal);
        await Screenshots.TakeAsync(page, "error-no-route");
    }

    [Fact]
    public async Task TheFormCanBeUsedWithTheKeyboardAlone()
    {
        var page = await host.OpenAsync();
        await page.FocusAsync("#from");
        await page.Keyboard.TypeAsync("Xi'an");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("to", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("Duisburg");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#options li");
        // Options are buttons: focus the first and choose it with Enter.
        await page.FocusAsync("#options button.option");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("true", await page.GetAttributeAsync("#options li:first-child button.option", "aria-pressed"));
    }

    [Fact]
    public async Task ALinkReopensThePlanAndPlanningUpdatesTheLink()
    {
        var page = await host.OpenAsync(1280, 1400, "/?from=xian&to=Duisburg&avoid=RU,BY&date=2026-12-01&deadline=2026-12-10");
        await page.WaitForSelectorAsync("#options li");
        Assert.True(await page.IsCheckedAsync("#avoid-country-RU"));
        Assert.Equal(1, await page.Locator("#map path.route-leg.mode-Ferry").CountAsync());
        // 15.5 days from 1 December misses a 10 December deadline: the engine gives it no chance, and the page says so.
        Assert.Contains("0% on time", await page.Locator("#options li").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("0", await page.GetAttributeAsync("#options button.option >> nth=0", "data-on-time"));
        Assert.Contains("avoid=BY%2CRU", page.Url, StringComparison.Ordinal);
        await Screenshots.TakeAsync(page, "plan-shared-link");
    }
}
