using System.Globalization;
using System.Text;
using Caravan.Appraisal;
using Caravan.Data;

namespace Caravan.Services;

/// <summary>
/// The appraisal sweep use case for every door: read a spec (diagnostics <c>file:line:column: field: message</c>),
/// run it on an executor (an Orleans silo or cluster, or this process), appraise, and write the ranked table as CSV.
/// </summary>
public static class SweepService
{
    /// <summary>Reads a spec or throws <see cref="CaravanDataException"/> with every diagnostic.</summary>
    public static SweepSpec Load(string specPath, string dataFolder)
    {
        var bag = new DiagnosticBag();
        var spec = SweepSpecReader.ReadFile(specPath, specPath, dataFolder, bag);
        if (spec is null || bag.HasErrors)
        {
            throw new CaravanDataException($"cannot read sweep spec {specPath}", bag.Snapshot());
        }
        return spec;
    }

    /// <summary>The planner of a spec on a data folder (reads the folder's network once for its hash).</summary>
    public static SweepPlanner Plan(SweepSpec spec, string dataFolder) => new(spec, dataFolder, new RunEvaluator().BaseHash(dataFolder));

    /// <summary>Runs and appraises a sweep.</summary>
    public static Task<SweepOutcome> RunAsync(SweepPlanner planner, IRunExecutor executor, ISweepRunCache? store, IProgress<SweepProgress>? progress, CancellationToken cancellation = default) =>
        SweepRunner.RunAsync(planner, executor, store, progress, cancellation);

    /// <summary>The ranked portfolios as CSV (one row each, money in USD), written atomically.</summary>
    public static void WriteCsv(SweepOutcome outcome, string path)
    {
        var sb = new StringBuilder();
        sb.Append("rank,portfolio,capital_cost_usd,pv_capital_cost_usd,expected_pv_benefit_usd,expected_npv_usd,bcr,min_npv_usd,max_regret_usd,co2e_tonnes_last_year,on_frontier");
        foreach (var f in outcome.Futures)
        {
            sb.Append(",npv_usd_").Append(f);
        }
        sb.Append('\n');
        foreach (var p in outcome.Portfolios)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{p.Rank},{p.Label},{p.CapitalCostUsd:R},{p.PvCapitalCostUsd:R},{p.ExpectedPvBenefitUsd:R},{p.ExpectedNpvUsd:R},{(p.BenefitCostRatio is { } b ? b.ToString("R", CultureInfo.InvariantCulture) : "")},{p.MinNpvUsd:R},{p.MaxRegretUsd:R},{p.ExpectedCo2eTonnes:R},{(p.OnFrontier ? "yes" : "no")}");
            foreach (var v in p.NpvByFutureUsd)
            {
                sb.Append(CultureInfo.InvariantCulture, $",{v:R}");
            }
            sb.Append('\n');
        }
        AtomicFile.WriteAllText(path, sb.ToString());
    }
}
