using Caravan.Calibration;
using Caravan.Data;
using Caravan.Export;
using Caravan.Freight;
using Caravan.Freight.Choice;
using Caravan.Model;
using Caravan.Services;
using Xunit;

namespace Caravan.Tests.Services;

/// <summary>
/// The one freight entry point (<see cref="AssignmentService.Run(Network, IReadOnlyList{DemandRow}, FreightRunOptions, CancellationToken, Action{Caravan.Assignment.IterationReport}?)"/>)
/// on the mini fixture (3.5 Mt to Duisburg against a 1 Mt Brest crossing) and on the shipped 2024 data.
/// </summary>
public class FreightRunTests
{
    private static readonly Network Mini = TestPaths.LoadMini();

    private static ChoiceParameters MiniParameters() => new(
    [
        new ClassChoiceParameters { Commodity = Commodity.Container, Groups = [ModeGroup.Sea, ModeGroup.Rail] },
        new ClassChoiceParameters { Commodity = Commodity.DryBulk, Groups = [ModeGroup.Rail, ModeGroup.Sea] },
    ]);

    private static FreightRun RunMini(int threads = 0) => AssignmentService.Run(
        Mini,
        DemandReader.Read(Path.Combine(TestPaths.Mini, "demand.csv"), Mini),
        new FreightRunOptions { Parameters = MiniParameters(), Choice = new ChoiceOptions { Year = 2026, Threads = threads } });

    // The engine's one document of a finished run, as `assign --demand --json` and the web's runs build it.
    private static FreightAssignmentDocument Document(FreightRun run, int top) =>
        AssignmentService.Document(new AssignmentRunHeader(null, "mini", "base", 2026, AssignmentStatus.Done, null, default), run, null, top);

    [Fact]
    public void TheRunReportsTheBindingCrossingWithItsShadowPriceAndConverges()
    {
        var run = RunMini();
        Assert.True(run.Report.Result.Converged);
        Assert.Equal("Converged", run.Report.Result.StopReason);
        var doc = Document(run, 5);
        var x3 = Assert.Single(doc.Bottlenecks!, b => b.Id == "X3" && b.From == "BY-BRE");
        Assert.InRange(x3.Utilisation!.Value, 0.97, 1.005);
        Assert.True(x3.ShadowUsdPerTonne > 0);
        Assert.Equal(run.Demand.Sum(d => d.Tonnes), doc.DemandTonnes!.Value, 6);
        // Totals are the share-weighted sums over the routes.
        var totals = doc.Totals!;
        Assert.True(totals.TariffUsd > 0 && totals.GeneralizedCostUsd > totals.TariffUsd);
        Assert.True(totals.Co2eKg > 0 && totals.TonneKm > 0 && totals.TonneHours > 0);
        // Each OD row's shares add up to one, and its logsum is the composite cost's log.
        foreach (var od in doc.OdPairs!)
        {
            Assert.Equal(1, od.Modes.Values.Sum(), 9);
            Assert.Equal(od.Logsum, -4 * Math.Log(od.CompositeCostUsdPerTonne), 9);
        }
    }

    [Fact]
    public void TheLogsumFallsInCostWhenACorridorGetsCheaper()
    {
        var run = RunMini();
        var cheaper = ChoiceEquilibrium.Solve(run.Model.Repriced(run.Model.Options with { CorridorTariffFactor = new Dictionary<string, double> { ["sea"] = 0.9 } }), run.Solution);
        // A cheaper option can only raise the expected maximum utility: the composite cost (user cost) falls.
        for (var i = 0; i < run.Demand.Count; i++)
        {
            Assert.True(cheaper.CompositeCostUsdPerTonne(i) <= run.Solution.CompositeCostUsdPerTonne(i) + 1e-9);
        }
    }

    [Fact]
    public void OneAndTwoThreadsGiveTheSameDocument()
    {
        var one = RunMini(1);
        var two = RunMini(2);
        Assert.Equal(one.Solution.EdgeTonnes, two.Solution.EdgeTonnes);
        Assert.Equal(one.Solution.ShadowUsdPerTonne, two.Solution.ShadowUsdPerTonne);
        string Json(FreightRun r) => JsonDefaults.Serialize(Document(r, 10) with { Seconds = 0 }, JsonDefaults.Compact);
        Assert.Equal(Json(one), Json(two));
    }

    [Fact]
    public void TheShippedBaseYearRunsTheSameOnOneAndTwoThreadsWithinCapacity()
    {
        var network = NetworkReader.ReadFolder(TestPaths.Data);
        var parameters = ChoiceParameters.Read(AssignmentService.ParametersPath(TestPaths.Data));
        var demand = DemandReader.Read(AssignmentService.DemandPath(TestPaths.Data), network);
        FreightRun Run(int threads) => AssignmentService.Run(network, demand, new FreightRunOptions { Parameters = parameters, Choice = new ChoiceOptions { Year = AssignmentService.BaseYear, Threads = threads } });
        var one = Run(1);
        var two = Run(2);
        Assert.True(one.Solution.Converged);
        Assert.Equal(one.Solution.EdgeTonnes, two.Solution.EdgeTonnes);
        Assert.Equal(one.Solution.Logsums, two.Solution.Logsums);
        // Done-when of issue 13: nothing above 110% of capacity in the base year.
        Assert.True(one.Solution.MaxUtilisation() <= 1.10, $"largest utilisation {one.Solution.MaxUtilisation():P1}");
        // The equilibrium is one only if each row's cheapest route at the final shadow prices is in its choice set.
        Assert.Equal(0, Caravan.Tests.Freight.Choice.ChoiceEquilibriumTests.RowsMissingTheirCheapestRoute(one.Solution));
    }

    [Fact]
    public void TheShippedBaseYearMeetsTheTestSplitTargets()
    {
        var network = NetworkReader.ReadFolder(TestPaths.Data);
        var run = AssignmentService.Run(network, AssignmentService.DemandPath(TestPaths.Data), AssignmentService.ParametersPath(TestPaths.Data), new ChoiceOptions { Year = AssignmentService.BaseYear }, false);
        var report = VolumeCalibrator.Compare(run.Solution, VolumeReader.Read(Path.Combine(TestPaths.Data, "calibration-volumes.csv"), network));
        var test = report.Splits.Single(s => s.Split == "test");
        Assert.True(test.Rows >= 11);
        Assert.True(test.WeightedMape <= 0.25, $"test-split weighted MAPE {test.WeightedMape:P1}");
        Assert.True(test.WorstFactor <= 2, $"worst test row {test.WorstFactor:0.00}×");
        // Every pipeline row within ±25%.
        Assert.All(report.Results.Where(r => r.Case.Kind == "pipeline"), r => Assert.True(Math.Abs(r.Error) <= 0.25, $"{r.Case.Id} {r.Error:P1}"));
        // Every corridor row of the test split within ±35% (the done-when; the fitting rows are fitted).
        Assert.All(report.Results.Where(r => r.Case.Kind == "corridor" && r.Case.Split == "test"), r => Assert.True(Math.Abs(r.Error) <= 0.35, $"{r.Case.Id} {r.Error:P1}"));
    }
}
