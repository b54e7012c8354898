using System.Text.Json;
using Caravan.Cli;
using Caravan.Tests;
using Microsoft.Playwright;

namespace Caravan.Web.Tests.Browser;

/// <summary>
/// What a shipper does on the page, on the embedded network (with its time zones): sees the dated legs in local time,
/// downloads the itinerary as CSV and XLSX (the bytes <c>caravan route --csv/--xlsx</c> write), and sees on the map
/// what an origin reaches within a budget (<c>/api/reach</c>). The CLI runs in process, so this shares the parity
/// collection (console redirection is process-wide).
/// </summary>
[Collection("Parity")]
public sealed class ShipperPageTests(EmbeddedNetworkHost host) : IClassFixture<EmbeddedNetworkHost>
{
    private const string RouteOptions = "#options button.option";

    [Fact]
    public async Task DatedLegsAreShownInLocalTimeWithTheirOffset()
    {
        var page = await host.OpenAsync(1280, 1400);
        await page.FillAsync("#from", "Xi'an");
        await page.FillAsync("#to", "Duisburg");
        await page.FillAsync("#date", "2026-12-01");
        var request = await page.RunAndWaitForRequestAsync(() => page.ClickAsync("#plan"), r => r.Url.Contains("/api/route?", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("#itinerary tbody tr");
        var route = (await AnswerAsync("api/route" + new Uri(request.Url).Query)).GetProperty("routes")[0];
        var legs = route.GetProperty("legs");

        // The day starts at 00:00 in Xi'an (UTC+08:00) and the train arrives in Duisburg's time (UTC+01:00 in December).
        var first = legs[0].GetProperty("departs").GetString()!;
        Assert.Equal("2026-12-01T00:00+08:00", first);
        var last = legs[legs.GetArrayLength() - 1].GetProperty("arrives").GetString()!;
        Assert.EndsWith("+01:00", last, StringComparison.Ordinal);
        var itinerary = await page.Locator("#itinerary").InnerTextAsync();
        Assert.Contains("departs 2026-12-01 00:00 (UTC+08:00)", itinerary, StringComparison.Ordinal);
        Assert.Contains($"arrives {last[..10]} {last[11..16]} (UTC+01:00)", itinerary, StringComparison.Ordinal);
        Assert.Contains($"arrives {last[..10]} {last[11..16]} (UTC+01:00)", await page.Locator($"{RouteOptions}[aria-pressed='true']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(" UTC<", await page.Locator("#results").InnerHTMLAsync(), StringComparison.Ordinal);
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task TheItineraryDownloadsAsTheCliWritesIt()
    {
        var page = await host.OpenAsync(1280, 1400);
        await page.FillAsync("#from", "Xi'an");
        await page.FillAsync("#to", "Duisburg");
        await page.FillAsync("#date", "2026-12-01");
        var request = await page.RunAndWaitForRequestAsync(() => page.ClickAsync("#plan"), r => r.Url.Contains("/api/route?", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("#itinerary tbody tr");
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(request.Url).Query);

        // What the CLI writes for the same query (its chosen option, the first).
        var dir = Directory.CreateTempSubdirectory("caravan-itinerary").FullName;
        try
        {
            var csvPath = Path.Combine(dir, "cli.csv");
            var xlsxPath = Path.Combine(dir, "cli.xlsx");
            var args = new List<string> { "route" };
            foreach (var key in query.AllKeys)
            {
                args.AddRange(["--" + Caravan.Services.QueryField.Kebab(key!), query[key]!]);
            }
            args.AddRange(["--csv", csvPath, "--xlsx", xlsxPath, "--data", Path.Combine(WebTestPaths.Root, "data")]);
            var (exit, _, stderr) = CliRunner.RunCaptured([.. args]);
            Assert.True(exit == 0, stderr);

            // The browser downloads both from the page's links: the CSV byte for byte, the workbook cell for cell.
            var csv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-csv"));
            Assert.EndsWith(".csv", csv.SuggestedFilename, StringComparison.Ordinal);
            Assert.Equal(await File.ReadAllBytesAsync(csvPath), await File.ReadAllBytesAsync((await csv.PathAsync())!));
            var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-xlsx"));
            Assert.EndsWith(".xlsx", xlsx.SuggestedFilename, StringComparison.Ordinal);
            var downloaded = Path.Combine(dir, "page.xlsx");
            await xlsx.SaveAsAsync(downloaded);
            Assert.Equal(Cells(xlsxPath), Cells(downloaded));

            // Another option downloads its own legs.
            var routes = (await AnswerAsync("api/route" + new Uri(request.Url).Query)).GetProperty("routes");
            await page.Locator(RouteOptions).Nth(1).ClickAsync();
            var second = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-csv"));
            var lines = await File.ReadAllLinesAsync((await second.PathAsync())!);
            Assert.Equal(routes[1].GetProperty("legs").GetArrayLength() + 1, lines.Length);
            Assert.Contains(routes[1].GetProperty("legs")[0].GetProperty("departs").GetString()!, lines[1], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task ReachIsDrawnOnTheMap()
    {
        var page = await host.OpenAsync(1280, 1000);
        await page.FillAsync("#reach-from", "Xi'an");
        await page.FillAsync("#reach-within", "10d");
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#reach"), r => r.Url.Contains("/api/reach?", StringComparison.Ordinal));
        var reach = await AnswerAsync("api/reach" + new Uri(response.Url).Query);
        var count = reach.GetProperty("places").GetArrayLength();
        Assert.True(count > 5, $"Xi'an reaches {count} places within 10 days");
        await page.WaitForFunctionAsync("n => document.querySelectorAll('#map path.reach-place').length === n", count);
        Assert.Equal(1, await page.Locator("#map path.reach-origin").CountAsync());
        Assert.Contains($"{count} places within {reach.GetProperty("budget").GetString()}", await page.Locator("#reach-status").InnerTextAsync(), StringComparison.Ordinal);

        // A tighter budget draws fewer places; a bad one is the engine's error on its field.
        await page.FillAsync("#reach-within", "2d");
        await page.ClickAsync("#reach");
        await page.WaitForFunctionAsync("n => { const k = document.querySelectorAll('#map path.reach-place').length; return k > 0 && k < n; }", count);
        await page.FillAsync("#reach-within", "soon");
        await page.ClickAsync("#reach");
        await page.Locator("#error").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Contains("within", await page.Locator("#error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#map path.reach-place").CountAsync());
        await Screenshots.TakeAsync(page, "reach");
        Assert.Empty(host.PageErrors);
    }

    private async Task<JsonElement> AnswerAsync(string pathAndQuery)
    {
        using var api = host.Api();
        using var doc = JsonDocument.Parse(await api.GetStringAsync(pathAndQuery));
        return doc.RootElement.Clone();
    }

    /// <summary>Every used cell of the Itinerary sheet, as text with its type.</summary>
    private static List<string> Cells(string path)
    {
        return XlsxCells.Read(path, "Itinerary").Values.Select(c => $"{c.Reference}:{(c.IsNumber ? "Number" : "Text")}:{c.Text}").ToList();
    }
}
