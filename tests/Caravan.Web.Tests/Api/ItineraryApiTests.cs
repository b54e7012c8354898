namespace Caravan.Web.Tests.Api;

/// <summary><c>GET /api/route/itinerary/{format}</c>: a plan's option as CSV or XLSX, and its errors as problems.</summary>
public sealed class ItineraryApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task AnOptionDownloadsAsCsvWithOneRowPerLeg()
    {
        var plan = await Json.ReadAsync(await host.Client.GetAsync("/api/route?from=xian&to=DEDUI"));
        var routes = plan.GetProperty("routes");
        for (var option = 1; option <= Math.Min(2, routes.GetArrayLength()); option++)
        {
            var response = await host.Client.GetAsync($"/api/route/itinerary/csv?from=xian&to=DEDUI&option={option}");
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"-{option}.csv", response.Content.Headers.ContentDisposition?.FileName ?? "", StringComparison.Ordinal);
            var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
            Assert.Equal(string.Join(',', Caravan.Export.ItinerarySheet.Columns), lines[0]);
            Assert.Equal(routes[option - 1].GetProperty("legs").GetArrayLength() + 1, lines.Length);
        }
        var xlsx = await host.Client.GetAsync("/api/route/itinerary/xlsx?from=xian&to=DEDUI");
        Assert.Equal(200, (int)xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]); // a zip: an Open XML workbook
        Assert.Equal((byte)'K', bytes[1]);
    }

    [Theory]
    [InlineData("/api/route/itinerary/pdf?from=xian&to=DEDUI", 400, "format")]
    [InlineData("/api/route/itinerary/csv?from=xian&to=DEDUI&option=0", 400, "option")]
    [InlineData("/api/route/itinerary/csv?from=xian&to=DEDUI&option=99", 400, "option")]
    [InlineData("/api/route/itinerary/csv?from=xian&to=DEDUI&option=one", 400, "option")]
    [InlineData("/api/route/itinerary/csv?from=xian&to=DEDUI&options=2", 400, "options")]
    [InlineData("/api/route/itinerary/csv?from=Duisbrug&to=DEDUI", 400, "from")]
    [InlineData("/api/route/itinerary/xlsx?from=xian&to=DEDUI&avoid=KZ&avoidModes=Sea", 422, null)]
    public async Task BadRequestsAreProblems(string url, int status, string? field)
    {
        var problem = await Json.ProblemAsync(await host.Client.GetAsync(url), status);
        if (field is not null)
        {
            Assert.Contains(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }
}
