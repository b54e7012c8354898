using Caravan.Appraisal;
using Caravan.Freight;
using Caravan.Freight.Choice;
using Caravan.Json;
using Caravan.Scenarios;
using Caravan.Services;
using Caravan.Store;
using Caravan.Sweep;
using Xunit;

namespace Caravan.Tests.Appraisal;

/// <summary>Sweeps in one process: the same answer on a thread pool and on the in-process Orleans silo, and re-runs skip finished runs.</summary>
public sealed class SweepRunTests
{
    internal static string Portfolios(SweepOutcome o) => JsonDefaults.Serialize(o with { Computed = 0, Skipped = 0 }, JsonDefaults.Compact);

    [Fact]
    public async Task InProcessSweepIsDeterministicAndReusesTheRunStore()
    {
        var spec = SweepService.Load(SweepSpecs.Small(2, "det"), TestPaths.Data);
        var planner = SweepService.Plan(spec, TestPaths.Data);
        var evaluator = new RunEvaluator();
        var local = await SweepService.RunAsync(planner, new LocalRunExecutor(evaluator, 2), null, null);
        Assert.Equal(8, local.Runs);
        Assert.Equal(4, local.Portfolios.Count);
        // 4 portfolios × 2 futures: 8 networks (each future has its own border dwell), each built once.
        Assert.Equal(8, evaluator.NetworksBuilt);
        var db = Path.Combine(SweepSpecs.Folder, "det.db");
        var sqlite = new SqliteRunStore(db);
        SweepOutcome first;
        await using (var silo = await SweepCluster.StartInProcessAsync(4))
        {
            first = await SweepService.RunAsync(planner, silo.Executor, new SweepRunStore(sqlite, spec.Name), null);
        }
        Assert.Equal(8, first.Computed);
        Assert.Equal(Portfolios(local), Portfolios(first));
        // A re-run finds every run in the store and computes none.
        var again = await SweepService.RunAsync(planner, new LocalRunExecutor(new RunEvaluator(), 2), new SweepRunStore(sqlite, spec.Name), null);
        Assert.Equal(0, again.Computed);
        Assert.Equal(8, again.Skipped);
        Assert.Equal(Portfolios(local), Portfolios(again));
        Assert.Equal(8, sqlite.List(100).Count(r => r.ScenarioA.StartsWith(SweepRunStore.ScenarioPrefix + spec.Name, StringComparison.Ordinal)));
        // Benefits are against do-nothing: do-nothing's own is zero, and the frontier holds it (no capital cost).
        var doNothing = local.Portfolios.Single(p => p.Label == SweepRunner.DoNothing);
        Assert.Equal(0, doNothing.ExpectedPvBenefitUsd);
        Assert.Contains(SweepRunner.DoNothing, local.Frontier);
        // The CKU railway opens a new route: the composite cost of some OD flow falls.
        var cku = local.Portfolios.Single(p => p.Label == "cku");
        Assert.True(cku.ExpectedPvBenefitUsd > 0, $"cku benefit {cku.ExpectedPvBenefitUsd}");
    }

    [Fact]
    public void TheLogsumUsesTheUtilitiesTheEquilibriumLoadsWith()
    {
        var network = ScenarioLoader.Load(TestPaths.Data, "cku-railway").Network;
        var demand = DemandReader.Read(Path.Combine(TestPaths.Data, "demand", "eurasia-2024.csv"), network);
        var parameters = ChoiceParameters.Read(Path.Combine(TestPaths.Data, "demand", "choice-parameters.csv"));
        var solution = ChoiceEquilibrium.Solve(ChoiceModel.Build(network, demand, parameters, new ChoiceOptions { Year = 2030 }));
        for (var i = 0; i < demand.Count; i++)
        {
            var p = ChoiceEquilibrium.SharesAt(solution, i);
            for (var r = 0; r < p.Length; r++)
            {
                Assert.Equal(solution.Probabilities[i][r], p[r], 12);
            }
        }
        var composite = ChoiceLogsum.CompositeCosts(solution);
        Assert.All(composite, c => Assert.True(c > 0 && double.IsFinite(c)));
    }
}
