using Microsoft.Playwright;

namespace Caravan.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright, against the real server on the mini fixture. A missing browser fails the
/// tests with a message saying how to install it; it never skips them.
/// </summary>
public class BrowserHost : IAsyncLifetime
{
    /// <summary>Chromium flags this closed network needs: no background connections, no GPU, no sandbox (root).</summary>
    public static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private string? _data;

    public ServerProcess Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Script errors and console errors seen on any page opened so far.</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> PageErrors { get; } = [];

    /// <summary>The browser binary: CARAVAN_CHROMIUM, else Debian's.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CARAVAN_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"browser tests need Chromium at {ChromiumPath}: run ./scripts/test.sh (it installs Debian's chromium) or `apt-get install -y chromium`, or set CARAVAN_CHROMIUM");
        }
        Server = await ServerProcess.StartAsync(DataFolder(), environment: ServerEnvironment());
        _playwright = await Playwright.CreateAsync();
        // Playwright gives every launch a new, empty user-data-dir of its own.
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumFlags,
            Timeout = 60_000,
        });
    }

    /// <summary>Environment variables of the served process (none by default).</summary>
    protected virtual IReadOnlyDictionary<string, string>? ServerEnvironment() => null;

    /// <summary>The data folder to serve: the mini fixture with its demand.csv as demand/mini.csv, so the page can assign it.</summary>
    protected virtual string DataFolder() => _data = WebTestPaths.CopyMiniWithDemand();

    /// <summary>A client of the same server, to ask the API what the page was told.</summary>
    public HttpClient Api() => new() { BaseAddress = Server.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A new page at the given size, opened on the served page and ready (the form is filled from the API).</summary>
    public async Task<IPage> OpenAsync(int width = 1440, int height = 900, string path = "/")
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("body[data-ready='true']");
        return page;
    }

    /// <summary>A new blank page at the given size whose script errors are collected; the caller opens it.</summary>
    public async Task<IPage> NewPageAsync(int width = 1440, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, BaseURL = Server.BaseUrl.ToString() });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        // Script errors and blocked content (CSP) fail the page tests; answers of 4xx that the page handles do not.
        page.PageError += (_, message) => PageErrors.Add(message);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                PageErrors.Add(message.Text);
            }
        };
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        Server?.Dispose();
        if (_data is not null && Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
