using Caravan.Calibration;
using Caravan.Data;
using Caravan.Data.Validation;
using Xunit;

namespace Caravan.Tests.Calibration;

/// <summary>
/// The embedded default network against its reference shipments (issue 3 item 3): enough cases across corridors,
/// every one routed, on the test split a midpoint MAPE on transit time ≤ 15% and no case off by more than 35%.
/// </summary>
public class DefaultDataCalibrationTests
{
    private static readonly Lazy<(NetworkLoadResult Load, CalibrationReport Report, IReadOnlyList<CalibrationCase> Cases)> Run = new(() =>
    {
        var load = NetworkReader.TryReadFolder(TestPaths.Data);
        Assert.NotNull(load.Network);
        var sources = load.Network!.Sources.Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var cases = CalibrationReader.Read(Path.Combine(TestPaths.Data, "calibration.csv"), sources);
        return (load, Calibrator.Run(load.Network, cases), cases);
    });

    [Fact]
    public void HasAtLeastFifteenCasesOverFiveCorridors()
    {
        var cases = Run.Value.Cases;
        Assert.True(cases.Count >= 15, $"only {cases.Count} calibration cases");
        var corridors = cases.Select(c => c.Corridor).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Assert.True(corridors.Count >= 5, $"only {corridors.Count} corridors: {string.Join(", ", corridors)}");
    }

    [Fact]
    public void EveryCaseIsPredicted()
    {
        var missed = Run.Value.Report.Results.Where(r => r.PredictedDays is null).Select(r => $"{r.Case.Id}: {r.Problem}").ToList();
        Assert.True(missed.Count == 0, string.Join("; ", missed));
    }

    [Fact]
    public void OnTheTestSplitTheMidpointMapeOfTheShownOptionIsAtMostFifteenPercent()
    {
        var test = Run.Value.Report.Splits.Single(s => s.Split == "test");
        Assert.True(test.Cases >= 10, $"only {test.Cases} test cases");
        Assert.True(test.TimeMape <= 0.15, $"test-split midpoint MAPE {test.TimeMape:P1}");
    }

    [Fact]
    public void EveryTestCaseIsWithinThirtyFivePercentOfItsMidpoint()
    {
        // The issue's bound, for the option shown first and for the fastest one.
        var off = Run.Value.Report.Results
            .Where(r => r.Case.Split == CalibrationSplit.Test
                && (r.TimeError is not { } e || Math.Abs(e) > 0.35 || r.FastestError is not { } f || Math.Abs(f) > 0.35))
            .Select(r => $"{r.Case.Id}: recommended {r.PredictedDays:0.0} d ({r.TimeError:P0}), fastest {r.FastestDays:0.0} d ({r.FastestError:P0}) vs {r.Case.ObservedLowDays}–{r.Case.ObservedHighDays} d")
            .ToList();
        Assert.True(off.Count == 0, string.Join("; ", off));
    }

    [Fact]
    public void BothSplitsHoldCasesAndTheFitSplitIsTheOneDataReadmeNames()
    {
        var fit = Run.Value.Cases.Where(c => c.Split == CalibrationSplit.Fit).Select(c => c.Id).Order().ToList();
        Assert.Equal(["CAL-01", "CAL-03", "CAL-04", "CAL-15", "CAL-16"], fit);
        var readme = File.ReadAllText(Path.Combine(TestPaths.Data, "README.md"));
        Assert.Contains("Fitting split: CAL-01, CAL-03, CAL-04, CAL-15, CAL-16", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultDataValidatesCleanAndIsLargeEnough()
    {
        var load = Run.Value.Load;
        var diagnostics = load.Diagnostics.ToList();
        diagnostics.AddRange(NetworkValidator.Validate(load.Network!, load.Locations));
        var errors = diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(load.Network!.Places.Count >= 150, $"only {load.Network.Places.Count} places");
        var links = load.Network.Links.Count(l => !l.IsCrossing);
        Assert.True(links >= 300, $"only {links} non-crossing links");
    }
}
