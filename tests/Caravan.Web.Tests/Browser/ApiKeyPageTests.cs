using Microsoft.Playwright;

namespace Caravan.Web.Tests.Browser;

/// <summary>A server that requires an API key for POST: the page asks for the key, sends it, and the assignment runs.</summary>
public sealed class ApiKeyPageTests(ApiKeyPageTests.KeyedServer host) : IClassFixture<ApiKeyPageTests.KeyedServer>
{
    private const string Key = "page-test-key-0123456789";

    /// <summary>The real server with <c>CARAVAN_API_KEY</c> set.</summary>
    public sealed class KeyedServer : BrowserHost
    {
        protected override IReadOnlyDictionary<string, string>? ServerEnvironment() => new Dictionary<string, string> { ["CARAVAN_API_KEY"] = Key };
    }

    [Fact]
    public async Task ThePageAsksForTheKeyAndSendsItWithTheAssignment()
    {
        var page = await host.OpenAsync();
        var sent = new System.Collections.Concurrent.ConcurrentBag<(string Method, string Url, bool Keyed)>();
        page.Request += (_, r) => sent.Add((r.Method, r.Url, r.Headers.ContainsKey("authorization")));
        Assert.False(await page.EvalOnSelectorAsync<bool>("#api-key-box", "d => d.open"));

        // Without a key the server refuses to start work; the page opens the key field and says why.
        await page.ClickAsync("#assign");
        await page.WaitForFunctionAsync("() => document.querySelector('#api-key-box').open");
        Assert.Contains("needs its API key", await page.Locator("#api-key-status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("api-key", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // A wrong key is refused too, and said so.
        await page.FillAsync("#api-key", "not-the-key-of-this-server");
        await page.ClickAsync("#api-key-use");
        await page.ClickAsync("#assign");
        await page.WaitForFunctionAsync("() => document.querySelector('#api-key-status').innerText.includes('did not accept')");

        // With the right key the assignment starts and converges.
        await page.FillAsync("#api-key", Key);
        await page.Keyboard.PressAsync("Enter");
        Assert.Contains("Key set", await page.Locator("#api-key-status").InnerTextAsync(), StringComparison.Ordinal);
        await page.ClickAsync("#assign");
        await page.Locator("#bottlenecks li.bottleneck").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 60_000 });
        Assert.Contains("Converged", await page.Locator("#assign-status").InnerTextAsync(), StringComparison.Ordinal);

        // The key is kept for this tab only, and GET requests never carry it.
        Assert.Equal(Key, await page.EvaluateAsync<string>("() => sessionStorage.getItem('caravan.apiKey')"));
        Assert.Contains(sent, r => r is { Method: "POST", Keyed: true });
        Assert.Contains(sent, r => r is { Method: "GET", Keyed: false } && r.Url.Contains("/api/assignments/", StringComparison.Ordinal));
        Assert.DoesNotContain(sent, r => r is { Method: "GET", Keyed: true });
        Assert.Empty(host.PageErrors);
    }
}
