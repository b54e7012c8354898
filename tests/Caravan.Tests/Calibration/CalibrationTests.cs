using Caravan.Calibration;
using Caravan.Data;
using Xunit;

namespace Caravan.Tests.Calibration;

public class CalibrationTests
{
    [Theory]
    [InlineData(10, 9, 11, 0)]
    [InlineData(9, 9, 11, 0)]
    [InlineData(11, 9, 11, 0)]
    [InlineData(13.2, 9, 11, 0.2)]
    [InlineData(7.2, 9, 11, -0.2)]
    public void RangeErrorIsZeroInsideElseRelativeToTheNearerEnd(double predicted, double low, double high, double expected) =>
        Assert.Equal(expected, Calibrator.RangeError(predicted, low, high), 9);

    [Fact]
    public void FixtureCasesArePredicted()
    {
        var cases = CalibrationReader.Read(Path.Combine(TestPaths.Mini, "calibration.csv"));
        var report = Calibrator.Run(TestPaths.LoadMini(), cases);
        var c1 = report.Results.Single(r => r.Case.Id == "C1");
        Assert.True(c1.Inside);
        Assert.Equal(Calibrator.MidpointError(c1.PredictedDays!.Value, 9, 11), c1.TimeError!.Value, 9);
        Assert.Equal("north", c1.Corridor);
        Assert.Equal(0, c1.CostError); // 9,520 USD inside 9,000–10,000
        var c2 = report.Results.Single(r => r.Case.Id == "C2");
        Assert.Equal("middle", c2.Corridor);
        Assert.False(c2.Inside);
        Assert.Equal((372.2 / 24 - 13) / 13, c2.TimeError!.Value, 3); // against the midpoint of 12–14, not its end
        Assert.Equal(report.Results.Average(r => Math.Abs(r.TimeError!.Value)), report.TimeMape, 9);
        // No split column: every case is a test case.
        Assert.Equal(report.Results.Count, report.Splits.Single(s => s.Split == "test").Cases);
    }

    [Theory]
    [InlineData(10, 9, 11, 0)]
    [InlineData(11, 9, 11, 0.1)]
    [InlineData(13, 12, 14, 0)]
    [InlineData(9, 12, 14, -4.0 / 13)]
    public void MidpointErrorIsRelativeToTheMiddleOfTheRange(double predicted, double low, double high, double expected) =>
        Assert.Equal(expected, Calibrator.MidpointError(predicted, low, high), 9);

    [Fact]
    public void TheRecommendedAndTheFastestOptionAreBothScored()
    {
        var cases = CalibrationReader.Read(Path.Combine(TestPaths.Mini, "calibration.csv"));
        var report = Calibrator.Run(TestPaths.LoadMini(), cases);
        foreach (var r in report.Results.Where(r => r.Problem is null))
        {
            Assert.NotNull(r.FastestDays);
            Assert.True(r.FastestDays <= r.PredictedDays + 1e-9, $"{r.Case.Id}: the fastest option is slower than the recommended one");
        }
    }

    [Fact]
    public void BadCaseRowsNameLineAndField()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cal-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "id,from,to,cargo,year,observed_low_days,observed_high_days,source\nA,x,y,container,2025,12,10,T1\nB,x,y,coal,2025,1,2,T1\n");
        try
        {
            var e = Assert.Throws<CaravanDataException>(() => CalibrationReader.Read(path));
            Assert.Contains(e.Diagnostics, d => d.Line == 2 && d.Field == "observed_high_days");
            Assert.Contains(e.Diagnostics, d => d.Line == 3 && d.Field == "cargo");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
