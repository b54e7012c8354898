using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Caravan.Web.Tests.Browser;

/// <summary>
/// The page follows the engine, on the embedded network: it opens on the engine's recommended option, lists the
/// options in the engine's order with the engine's labels, shows p50/p90 and the on-time probability, sends the dates,
/// names places on the map, hides air links on request and fits a phone. Every expectation is read from what
/// <c>/api/route</c> or <c>/api/network</c> answers for the same query.
/// </summary>
public class EnginePageTests(EmbeddedNetworkHost host) : IClassFixture<EmbeddedNetworkHost>
{
    private const string RouteOptions = "#options button.option";

    [Fact]
    public async Task OpensXianToDuisburgOnTheRecommendedOptionInTheEnginesOrderWithItsLabels()
    {
        var page = await host.NewPageAsync();
        var answer = await page.RunAndWaitForResponseAsync(() => page.GotoAsync("/?from=xian&to=duisburg"), r => r.Url.Contains("/api/route?", StringComparison.Ordinal));
        await page.WaitForSelectorAsync(RouteOptions);
        var routes = (await EngineAnswerAsync(answer.Url)).GetProperty("routes");

        var recommended = IndexOfLabel(routes, "recommended");
        Assert.True(recommended >= 0, "the engine labels one option recommended");
        var cost = Usd(routes[recommended].GetProperty("totals").GetProperty("costUsd").GetDouble());
        var pressed = page.Locator($"{RouteOptions}[aria-pressed='true']");
        Assert.Equal(recommended.ToString(CultureInfo.InvariantCulture), await pressed.GetAttributeAsync("data-index"));
        Assert.Contains("recommended", await pressed.Locator(".label").AllInnerTextsAsync());
        Assert.Contains(cost, await pressed.InnerTextAsync(), StringComparison.Ordinal);

        // Every option in the engine's order, with its cost and exactly the engine's labels (none on untagged ones).
        var options = page.Locator(RouteOptions);
        Assert.Equal(routes.GetArrayLength(), await options.CountAsync());
        for (var i = 0; i < routes.GetArrayLength(); i++)
        {
            var route = routes[i];
            Assert.Contains(Usd(route.GetProperty("totals").GetProperty("costUsd").GetDouble()), await options.Nth(i).InnerTextAsync(), StringComparison.Ordinal);
            var labels = await options.Nth(i).Locator(".label").AllInnerTextsAsync();
            Assert.Equal(Labels(route), labels);
        }
        Assert.DoesNotContain("best overall", await page.Locator("#results").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);

        // The itinerary and the map show the recommended route.
        Assert.Contains(cost, await page.Locator("#itinerary tfoot").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#map path.route-leg").CountAsync() > 0);
        await Screenshots.TakeAsync(page, "plan-recommended");
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task SendsTheDepartureAndDeadlineAndShowsP50P90AndTheOnTimeProbability()
    {
        var page = await host.OpenAsync(1280, 1400);
        await page.FillAsync("#from", "Xi'an");
        await page.FillAsync("#to", "Duisburg");
        await page.FillAsync("#date", "2026-12-01");
        await page.FillAsync("#deadline", "2026-12-20");
        var request = await page.RunAndWaitForRequestAsync(() => page.ClickAsync("#plan"), r => r.Url.Contains("/api/route?", StringComparison.Ordinal));
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(request.Url).Query);
        Assert.Equal("2026-12-01", query["depart"]);
        Assert.Equal("2026-12-20", query["deadline"]);
        await page.WaitForSelectorAsync(RouteOptions);

        var routes = (await EngineAnswerAsync(request.Url)).GetProperty("routes");
        var options = page.Locator(RouteOptions);
        Assert.Equal(routes.GetArrayLength(), await options.CountAsync());
        for (var i = 0; i < routes.GetArrayLength(); i++)
        {
            var route = routes[i];
            var text = await options.Nth(i).InnerTextAsync();
            Assert.Contains($"p50 {Days(route.GetProperty("p50Hours").GetDouble())}", text, StringComparison.Ordinal);
            Assert.Contains($"p90 {Days(route.GetProperty("p90Hours").GetDouble())}", text, StringComparison.Ordinal);
            var onTime = route.GetProperty("onTimeProbability").GetDouble();
            Assert.Contains($"{Percent(onTime)} on time", text, StringComparison.Ordinal);
            Assert.Equal(onTime, double.Parse((await options.Nth(i).GetAttributeAsync("data-on-time"))!, CultureInfo.InvariantCulture));
            // The arrival is the engine's dated plan: the last leg's arrival.
            var legs = route.GetProperty("legs");
            var arrives = legs[legs.GetArrayLength() - 1].GetProperty("arrives").GetString()!;
            Assert.Contains($"arrives {arrives[..10]} {arrives[11..16]} (UTC{arrives[16..]})", text, StringComparison.Ordinal);
        }
        Assert.Contains("date=2026-12-01", page.Url, StringComparison.Ordinal);
        Assert.Contains("deadline=2026-12-20", page.Url, StringComparison.Ordinal);

        // A deadline before the departure is the engine's error, shown on the deadline field.
        await page.FillAsync("#deadline", "2026-11-20");
        await page.ClickAsync("#plan");
        await page.Locator("#error").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Contains("deadline", await page.Locator("#error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task TheAirLinksLayerCanBeHiddenAndShownAgain()
    {
        var air = (await NetworkFeaturesAsync()).Count(p => p.TryGetProperty("mode", out var m) && m.GetString() == "Air");
        Assert.True(air > 0, "the embedded network has air links");

        var page = await host.OpenAsync();
        var airLinks = page.Locator("#map path.net-link.mode-Air");
        await airLinks.First.WaitForAsync();
        Assert.Equal(air, await airLinks.CountAsync());
        var toggle = page.Locator(".leaflet-control-layers label:has-text('Air links') input[type='checkbox']");
        Assert.True(await toggle.IsCheckedAsync());

        await toggle.UncheckAsync();
        Assert.Equal(0, await airLinks.CountAsync());
        Assert.True(await page.Locator("#map path.net-link.mode-Rail1435").CountAsync() > 0, "only the air links go");

        // Back on, by keyboard.
        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        Assert.True(await toggle.IsCheckedAsync());
        Assert.Equal(air, await airLinks.CountAsync());
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task PlacesAreNamedOnTheMapWithoutOverlapAndTheRouteNamesItsEnds()
    {
        var names = (await NetworkFeaturesAsync())
            .Where(p => p.GetProperty("type").GetString() == "place")
            .Select(p => p.GetProperty("name").GetString()!)
            .ToHashSet();

        var page = await host.OpenAsync();
        const string placeLabels = "#map .leaflet-tooltip.place-label:not(.label-hidden)";
        await page.Locator(placeLabels).First.WaitForAsync();
        var shown = await page.Locator(placeLabels).AllInnerTextsAsync();
        Assert.NotEmpty(shown);
        Assert.All(shown, n => Assert.Contains(n, names));
        await NoLabelsOverlapAsync(page);

        // Closer in, more names fit.
        await page.ClickAsync(".leaflet-control-zoom-in");
        await page.WaitForFunctionAsync("n => document.querySelectorAll(\"#map .leaflet-tooltip.place-label:not(.label-hidden)\").length > n", shown.Count);
        await NoLabelsOverlapAsync(page);

        // A planned route names its origin and destination, whatever else is crowded out.
        await page.FillAsync("#from", "Xi'an");
        await page.FillAsync("#to", "Duisburg");
        var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#plan"), r => r.Url.Contains("/api/route?", StringComparison.Ordinal));
        var plan = await EngineAnswerAsync(answer.Url);
        var ends = page.Locator("#map .leaflet-tooltip.route-end:not(.label-hidden)");
        await ends.First.WaitForAsync();
        var endNames = await ends.AllInnerTextsAsync();
        Assert.Contains(plan.GetProperty("from").GetProperty("name").GetString(), endNames);
        Assert.Contains(plan.GetProperty("to").GetProperty("name").GetString(), endNames);
        await NoLabelsOverlapAsync(page);

        // The network's names can be switched off; the route keeps its own.
        await page.Locator(".leaflet-control-layers label:has-text('Place names') input[type='checkbox']").UncheckAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#map .leaflet-tooltip.place-label').length === 0"); // they fade out
        Assert.Equal(2, await ends.CountAsync());
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task APlanFitsA390PxPhoneWithoutSidewaysScrolling()
    {
        var page = await host.OpenAsync(390, 844, "/?from=xian&to=duisburg&date=2026-12-01&deadline=2026-12-20");
        await page.WaitForSelectorAsync(RouteOptions);
        await page.WaitForSelectorAsync("#itinerary tbody tr");
        await page.WaitForSelectorAsync("#map .leaflet-tooltip.route-end");
        Assert.Equal("[]", await WiderThanTheViewportAsync(page));
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth"));
        await page.EvaluateAsync("() => document.querySelector('#results').scrollIntoView()");
        await Screenshots.TakeAsync(page, "phone-plan");
        await page.EvaluateAsync("() => document.querySelector('#map').scrollIntoView()");
        await Screenshots.TakeAsync(page, "phone-map");

        // Another option (a different itinerary), a scenario comparison and a place error keep it within the width.
        await page.Locator(RouteOptions).Last.ClickAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth"));
        await page.SelectOptionAsync("#compare-b", "northern-closed");
        await page.ClickAsync("#compare");
        await page.WaitForSelectorAsync(".compare-table tbody tr");
        Assert.Equal("[]", await WiderThanTheViewportAsync(page));
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth"));
        await page.FillAsync("#from", "Duisbrug");
        await page.ClickAsync("#plan");
        await page.Locator("#error").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Equal("[]", await WiderThanTheViewportAsync(page));
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth"));
        Assert.Empty(host.PageErrors);
    }

    /// <summary>What <c>/api/route</c> answers for the query the page sent.</summary>
    private async Task<JsonElement> EngineAnswerAsync(string pageUrl)
    {
        using var api = host.Api();
        using var doc = JsonDocument.Parse(await api.GetStringAsync("api/route" + new Uri(pageUrl).Query));
        return doc.RootElement.Clone();
    }

    /// <summary>The properties of every feature <c>/api/network</c> answers.</summary>
    private async Task<List<JsonElement>> NetworkFeaturesAsync()
    {
        using var api = host.Api();
        using var network = JsonDocument.Parse(await api.GetStringAsync("api/network"));
        return network.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").Clone()).ToList();
    }

    private static int IndexOfLabel(JsonElement routes, string label)
    {
        for (var i = 0; i < routes.GetArrayLength(); i++)
        {
            if (Labels(routes[i]).Contains(label))
            {
                return i;
            }
        }
        return -1;
    }

    private static List<string> Labels(JsonElement route) =>
        route.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Array
            ? labels.EnumerateArray().Select(l => l.GetString()!).ToList()
            : [];

    /// <summary>
    /// Waits until no two shown map labels intersect (a zoom animation may be under way; after it the labels are placed
    /// again); times out, failing the test, when they keep overlapping.
    /// </summary>
    private static Task NoLabelsOverlapAsync(IPage page) => page.WaitForFunctionAsync("""
        () => {
          const boxes = [...document.querySelectorAll('#map .leaflet-tooltip.place-label, #map .leaflet-tooltip.route-label')]
            .filter(e => !e.classList.contains('label-hidden')).map(e => e.getBoundingClientRect());
          for (let i = 0; i < boxes.length; i++)
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i], b = boxes[j];
              if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) return false;
            }
          return boxes.length > 0;
        }
        """, null, new PageWaitForFunctionOptions { Timeout = 10_000 });

    /// <summary>The elements (outside the map, which clips its own) whose right edge passes the viewport, for a readable failure.</summary>
    private static Task<string> WiderThanTheViewportAsync(IPage page) => page.EvaluateAsync<string>("""
        () => JSON.stringify([...document.querySelectorAll('body *')]
          .filter(e => !e.closest('#map') && e.getClientRects().length && e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
          .slice(0, 5).map(e => `${e.tagName.toLowerCase()}#${e.id}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)}`))
        """);

    private static string Usd(double v) => "$" + Math.Round(v, MidpointRounding.AwayFromZero).ToString("N0", CultureInfo.GetCultureInfo("en-US"));

    private static string Days(double hours) => (hours / 24).ToString("0.0", CultureInfo.InvariantCulture) + " d";

    /// <summary>The page's percentage: whole percent, never 0 % for a small chance or 100 % for a near-certainty.</summary>
    private static string Percent(double p) =>
        p is > 0 and < 0.005 ? "<1%" : p is < 1 and >= 0.995 ? ">99%" : Math.Round(p * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%";
}
