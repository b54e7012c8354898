namespace Caravan.Appraisal;

/// <summary>
/// From run results to the appraisal: user benefit of each portfolio against do-nothing in the same future and year
/// (Σ over OD flows of tonnes × the drop in composite cost, the logsum change of the choice model in USD), its present
/// value, NPV and benefit–cost ratio per future, expected values, regret and the frontier.
/// </summary>
public static class SweepAppraisal
{
    /// <summary>How benefits are measured, as the outcome states it.</summary>
    public const string BenefitMeasure = "logsum change of the nested-logit choice model, in USD through the composite cost exp(-logsum/beta), demand fixed per future and year";

    /// <summary>User benefit of a portfolio against do-nothing, USD per year.</summary>
    public static double Benefit(RunResult doNothing, RunResult portfolio)
    {
        var b = 0.0;
        for (var i = 0; i < portfolio.RowTonnes.Length; i++)
        {
            b += portfolio.RowTonnes[i] * (doNothing.CompositeCostUsdPerTonne[i] - portfolio.CompositeCostUsdPerTonne[i]);
        }
        return b;
    }

    /// <summary>NPV of a portfolio in each future.</summary>
    public static double[] NpvByFuture(SweepSpec spec, ulong portfolio, Func<ulong, int, int, RunResult> result)
    {
        var capital = Economics.CapitalPresentValue(Members(spec, portfolio), spec.PriceBaseYear, spec.DiscountRate);
        var npv = new double[spec.Futures.Count];
        var annual = new double[spec.Years.Count];
        for (var f = 0; f < npv.Length; f++)
        {
            for (var k = 0; k < spec.Years.Count; k++)
            {
                annual[k] = Benefit(result(0, f, spec.Years[k]), result(portfolio, f, spec.Years[k]));
            }
            npv[f] = Economics.PresentValue(annual, spec.Years, spec.HorizonYear, spec.PriceBaseYear, spec.DiscountRate) - capital;
        }
        return npv;
    }

    /// <summary>Expected NPV over the futures (equal weights).</summary>
    public static double ExpectedNpv(SweepSpec spec, ulong portfolio, Func<ulong, int, int, RunResult> result) => NpvByFuture(spec, portfolio, result).Average();

    /// <summary>The projects of a portfolio, in spec order.</summary>
    public static IEnumerable<CandidateProject> Members(SweepSpec spec, ulong portfolio) =>
        spec.Projects.Where((_, i) => (portfolio & (1UL << i)) != 0);

    /// <summary>The label of a portfolio.</summary>
    public static string Label(SweepSpec spec, ulong portfolio) =>
        portfolio == 0 ? SweepRunner.DoNothing : string.Join('+', Members(spec, portfolio).Select(p => p.Id));

    /// <summary>Appraises the portfolios from their runs.</summary>
    public static SweepOutcome Appraise(SweepSpec spec, IReadOnlyList<ulong> portfolios, Func<ulong, int, int, RunResult> result, int runs, int computed, int skipped)
    {
        var list = portfolios.Prepend(0UL).Distinct().ToList();
        var futures = spec.Futures.Count;
        var rate = spec.DiscountRate;
        var npv = list.Select(p => NpvByFuture(spec, p, result)).ToList();
        var regret = Economics.Regret(npv);
        var last = spec.Years[^1];
        var rows = new List<PortfolioAppraisal>();
        for (var i = 0; i < list.Count; i++)
        {
            var p = list[i];
            var members = Members(spec, p).ToList();
            var pvCost = Economics.CapitalPresentValue(members, spec.PriceBaseYear, rate);
            var years = new List<YearFigures>();
            foreach (var y in spec.Years)
            {
                double benefit = 0, cost = 0, tariff = 0, hours = 0, co2 = 0, util = 0;
                var corridors = new SortedDictionary<string, double>(StringComparer.Ordinal);
                for (var f = 0; f < futures; f++)
                {
                    var r = result(p, f, y);
                    benefit += Benefit(result(0, f, y), r) / futures;
                    cost += r.LogisticsCostUsd / futures;
                    tariff += r.TariffUsd / futures;
                    hours += r.TonneHours / futures;
                    co2 += r.Co2eTonnes / futures;
                    util += r.MaxUtilisation / futures;
                    foreach (var (c, t) in r.Corridors)
                    {
                        corridors[c] = corridors.GetValueOrDefault(c) + (t / futures);
                    }
                }
                years.Add(new YearFigures(y, benefit, cost, tariff, hours, co2, util, corridors));
            }
            var expectedNpv = npv[i].Average();
            var pvBenefit = expectedNpv + pvCost;
            rows.Add(new PortfolioAppraisal(0, Label(spec, p), [.. members.Select(m => m.Id)], members.Sum(m => m.CapitalCostUsd), pvCost, pvBenefit, expectedNpv,
                p == 0 ? null : Economics.BenefitCostRatio(pvBenefit, pvCost), npv[i].Min(), regret[i].Max(), years[^1].Co2eTonnes, false, npv[i], years));
        }
        var frontier = Economics.Frontier(rows.Select(r => r.ExpectedPvBenefitUsd).ToList(), rows.Select(r => r.PvCapitalCostUsd).ToList(), rows.Select(r => r.ExpectedCo2eTonnes).ToList());
        var onFrontier = new HashSet<int>(frontier);
        rows = [.. rows.Select((r, i) => r with { OnFrontier = onFrontier.Contains(i) })];
        var ranked = rows.OrderByDescending(r => r.ExpectedNpvUsd).ThenBy(r => r.Label, StringComparer.Ordinal).Select((r, i) => r with { Rank = i + 1 }).ToList();
        var warnings = new List<string>();
        var unconverged = 0;
        foreach (var p in list)
        {
            for (var f = 0; f < futures; f++)
            {
                foreach (var y in spec.Years)
                {
                    unconverged += result(p, f, y).Converged ? 0 : 1;
                }
            }
        }
        if (unconverged > 0)
        {
            warnings.Add($"{unconverged} of {list.Count * futures * spec.Years.Count} portfolio runs stopped at the iteration limit before every element was within capacity (their flows still count)");
        }
        return new SweepOutcome(spec.Name, spec.SpecHash, spec.Strategy.Kind.ToString().ToLowerInvariant(), BenefitMeasure, runs, computed, skipped,
            [.. spec.Futures.Select(f => f.Id)], spec.Years, rate, spec.PriceBaseYear, spec.HorizonYear, ranked,
            [.. ranked.Where(r => r.OnFrontier).OrderBy(r => r.PvCapitalCostUsd).ThenBy(r => r.Label, StringComparer.Ordinal).Select(r => r.Label)], warnings);
    }
}
