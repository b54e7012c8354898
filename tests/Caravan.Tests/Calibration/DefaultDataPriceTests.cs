using Caravan.Calibration;
using Caravan.Data;
using Caravan.Model;
using Caravan.Routing;
using Xunit;

namespace Caravan.Tests.Calibration;

/// <summary>
/// The embedded default network against the published rates of <c>data/rates.csv</c> (issue 12 point 4): enough
/// dated rates on both splits, every one priced, and on the test split a midpoint MAPE ≤ 20% with no case off by
/// more than 35%.
/// </summary>
public class DefaultDataPriceTests
{
    private static readonly Lazy<(Network Net, PriceReport Report, IReadOnlyList<PriceCase> Cases)> Run = new(() =>
    {
        var net = NetworkReader.ReadFolder(TestPaths.Data);
        var sources = net.Sources.Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var cases = PriceCaseReader.Read(Path.Combine(TestPaths.Data, "rates.csv"), sources);
        return (net, PriceCalibrator.Run(net, cases), cases);
    });

    [Fact]
    public void HasAtLeastThirtyRatesOnBothSplitsCoveringBulkOilAirAndTrucking()
    {
        var cases = Run.Value.Cases;
        Assert.True(cases.Count >= 30, $"only {cases.Count} rates");
        Assert.Contains(cases, c => c.Commodity == Commodity.DryBulk);
        Assert.Contains(cases, c => c.Commodity == Commodity.Container && c.AllowedModes.SetEquals([Mode.Road]));
        Assert.Contains(cases, c => c.Split == CalibrationSplit.Fit);
        Assert.True(cases.Count(c => c.Split == CalibrationSplit.Test) >= 10);
        Assert.Contains(cases, c => c.Commodity == Commodity.Container && c.AllowedModes.Contains(Mode.Sea));
        Assert.Contains(cases, c => c.Commodity == Commodity.Container && c.AllowedModes.Contains(Mode.Rail1520));
        Assert.Contains(cases, c => c.Commodity == Commodity.LiquidBulk);
        Assert.Contains(cases, c => c.Commodity == Commodity.AirCargo);
    }

    [Fact]
    public void EveryRateIsPriced()
    {
        var missed = Run.Value.Report.Results.Where(r => r.PredictedUsd is null).Select(r => $"{r.Case.Id}: {r.Problem}").ToList();
        Assert.True(missed.Count == 0, string.Join("; ", missed));
    }

    [Fact]
    public void TestSplitMeetsThePriceTargets()
    {
        var report = Run.Value.Report;
        var off = report.Results
            .Where(r => r.Case.Split == CalibrationSplit.Test && (r.Error is not { } e || Math.Abs(e) > PriceReport.TargetWorst))
            .Select(r => $"{r.Case.Id}: {r.PredictedUsd:0} vs {r.Case.RateLowUsd}–{r.Case.RateHighUsd} ({r.Error:P1})")
            .ToList();
        Assert.True(off.Count == 0, string.Join("; ", off));
        Assert.True(report.Test.MidpointMape <= PriceReport.TargetMape, $"test MAPE {report.Test.MidpointMape:P1}");
        Assert.True(report.MeetsTargets);
    }

    [Fact]
    public void ShanghaiToHamburgIsCheapestBySeaAndEveryRailRouteCostsMore()
    {
        var net = Run.Value.Net;
        var router = new Router(net);
        var search = new PlaceSearch(net);
        Assert.True(search.TryResolve("CNSHA", out var from, out _));
        Assert.True(search.TryResolve("DEHAM", out var to, out _));
        var cheapest = router.Route(new RouteRequest(from, to, Commodity.Container, 1, Objective.Cost, new RouteConstraints { Year = 2025 })).Itinerary!;
        Assert.All(cheapest.Legs.Where(l => l.Kind == LegKind.Move), l => Assert.Equal(Mode.Sea, l.Mode));
        var notRail = Modes.All.Where(m => m is not (Mode.Rail1435 or Mode.Rail1520)).ToHashSet();
        // The cheapest route on rail alone bounds every rail option from below.
        var rail = router.Route(new RouteRequest(from, to, Commodity.Container, 1, Objective.Cost, new RouteConstraints { Year = 2025, AvoidModes = notRail })).Itinerary!;
        Assert.True(cheapest.Totals.CostUsd < rail.Totals.CostUsd, $"sea {cheapest.Totals.CostUsd:0} vs rail {rail.Totals.CostUsd:0}");
    }

    [Fact]
    public void DryBulkPaysItsOwnRailTariffPerTonneAndOilTheModeRate()
    {
        // Grain Kostanay→Bandar Abbas: each rail move of dry bulk is priced at the bulk class's rate of
        // commodities.csv, liquid bulk on the same path at the mode's general per-tonne rate (modes.csv).
        var net = Run.Value.Net;
        var router = new Router(net);
        var search = new PlaceSearch(net);
        Assert.True(search.TryResolve("KZ-KOSTANAY", out var from, out _));
        Assert.True(search.TryResolve("IRBND", out var to, out _));
        var railOnly = Modes.All.Where(m => m is not (Mode.Rail1435 or Mode.Rail1520)).ToHashSet();
        var c = new RouteConstraints { Year = 2025, AvoidModes = railOnly };
        var grain = router.Route(new RouteRequest(from, to, Commodity.DryBulk, 1, Objective.Cost, c)).Itinerary!;
        var bulkRate = net.InfoOf(Commodity.DryBulk).RailUsdPerTonneKm!.Value;
        var moves = grain.Legs.Where(l => l.Kind == LegKind.Move && net.TryGetLink(l.LinkId, out var li) && net.Links[li].TariffUsdPerTonne is null).ToList();
        Assert.NotEmpty(moves);
        Assert.All(moves, l => Assert.Equal(bulkRate * l.DistanceKm, l.CostUsd, 6));
        var oil = router.Route(new RouteRequest(from, to, Commodity.LiquidBulk, 1, Objective.Cost, c)).Itinerary!;
        var oilMove = oil.Legs.First(l => l.Kind == LegKind.Move && l.Mode == Mode.Rail1520);
        Assert.Equal(net.ParametersOf(Mode.Rail1520).CostUsdPerTonneKm * oilMove.DistanceKm, oilMove.CostUsd, 6);
        Assert.InRange(grain.Totals.CostUsd, 80, 160);
    }
}
