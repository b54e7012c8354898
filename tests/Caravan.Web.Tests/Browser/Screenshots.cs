using Microsoft.Playwright;

namespace Caravan.Web.Tests.Browser;

/// <summary>
/// Screenshots of the page: into docs/screenshots/ when CARAVAN_UPDATE_SCREENSHOTS=1 (for the README), else into
/// the test output folder, so an ordinary test run leaves the work tree clean.
/// </summary>
internal static class Screenshots
{
    public static async Task TakeAsync(IPage page, string name)
    {
        var update = Environment.GetEnvironmentVariable("CARAVAN_UPDATE_SCREENSHOTS") == "1";
        var folder = update ? Path.Combine(WebTestPaths.Root, "docs", "screenshots") : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png") });
    }
}
