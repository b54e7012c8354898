using Caravan.Calibration;
using Caravan.Data;
using Caravan.Model;
using Caravan.Routing;
using Xunit;

namespace Caravan.Tests.Calibration;

public class PriceCalibrationTests
{
    private const string Header = "id,from,to,cargo,mode_hint,corridor,avoid,year,date,rate_low_usd,rate_high_usd,unit,basis,split,source,notes\n";

    [Theory]
    [InlineData(110, 90, 110, 0.1)]
    [InlineData(100, 100, 100, 0)]
    [InlineData(80, 90, 110, -0.2)]
    public void MidpointErrorIsRelativeToTheMiddleOfTheRange(double predicted, double low, double high, double expected) =>
        Assert.Equal(expected, PriceCalibrator.MidpointError(predicted, low, high), 9);

    [Fact]
    public void RatesArePricedOnTheCheapestRouteAndScoredPerSplit()
    {
        var path = Write(Header +
            "F1,CNSHA,NLRTM,container,Sea,,,2026,2026,3000,5000,USD/FEU,port-to-port,fit,T1,\n" +
            "T1,CNSHA,NLRTM,container,Sea,,,2026,2026,8000,8000,USD/FEU,port-to-port,test,T1,\n" +
            "T2,CNSHA,Nowhere,container,Sea,,,2026,2026,100,100,USD/FEU,port-to-port,test,T1,\n");
        try
        {
            var network = TestPaths.LoadMini();
            var report = PriceCalibrator.Run(network, PriceCaseReader.Read(path));
            var f1 = report.Results.Single(r => r.Case.Id == "F1");
            // The same question asked of the router directly: the cheapest sea route for one FEU.
            var search = new PlaceSearch(network);
            Assert.True(search.TryResolve("CNSHA", out var from, out _));
            Assert.True(search.TryResolve("NLRTM", out var to, out _));
            var modes = Modes.All.Where(m => m != Mode.Sea).ToHashSet();
            var outcome = new Router(network).Route(new RouteRequest(from, to, Commodity.Container, 1, Objective.Cost, new RouteConstraints { AvoidModes = modes, Year = 2026 }));
            var expected = outcome.Itinerary!.Totals.CostUsd;
            Assert.Equal(expected, f1.PredictedUsd!.Value, 6);
            Assert.True(expected >= 20000 * 0.2, "the 20,000 km sea link alone costs 4,000");
            Assert.Equal((expected - 4000) / 4000, f1.Error!.Value, 9);
            Assert.Equal(expected is >= 3000 and <= 5000, f1.InsideRange);

            var t1 = report.Results.Single(r => r.Case.Id == "T1");
            var t2 = report.Results.Single(r => r.Case.Id == "T2");
            Assert.Null(t2.PredictedUsd);
            Assert.Contains("Nowhere", t2.Problem);
            // The fitting row does not count in the test score; a rate that cannot be priced counts as a 100% miss.
            Assert.Equal(2, report.Test.Cases);
            Assert.Equal((Math.Abs(t1.Error!.Value) + 1.0) / 2, report.Test.MidpointMape, 9);
            Assert.Equal(1.0, report.Test.WorstError, 9);
            Assert.False(report.MeetsTargets);
            Assert.Equal(1, report.Fit.Cases);
            Assert.Equal(Math.Abs(f1.Error.Value), report.Fit.MidpointMape, 9);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void BadRateRowsNameLineAndField()
    {
        var path = Write(Header +
            "A,x,y,container,,,,2025,2025,5000,4000,USD/FEU,port-to-port,test,T1,\n" +
            "B,x,y,liquid-bulk,,,,2025,2025,20,30,USD/FEU,port-to-port,test,T1,\n" +
            "C,x,y,container,,,,2025,2025,1,2,USD/FEU,door-to-door,maybe,T9,\n");
        try
        {
            var e = Assert.Throws<CaravanDataException>(() => PriceCaseReader.Read(path, new HashSet<string> { "T1" }));
            Assert.Contains(e.Diagnostics, d => d.Line == 2 && d.Field == "rate_high_usd");
            Assert.Contains(e.Diagnostics, d => d.Line == 3 && d.Field == "unit");
            Assert.Contains(e.Diagnostics, d => d.Line == 4 && d.Field == "basis");
            Assert.Contains(e.Diagnostics, d => d.Line == 4 && d.Field == "split");
            Assert.Contains(e.Diagnostics, d => d.Line == 4 && d.Field == "source");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Write(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rates-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }
}
