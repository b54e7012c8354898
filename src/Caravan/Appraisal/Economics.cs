namespace Caravan.Appraisal;

/// <summary>
/// Discounting of a sweep: each appraisal year's annual benefit stands for the calendar years from it up to the next
/// appraisal year (the last up to the horizon); years before the first appraisal year count nothing. A project's
/// capital cost is one payment in its opening year. Everything is discounted to the price base year.
/// </summary>
public static class Economics
{
    /// <summary>Discount factor of a year: 1 / (1 + r)^(year − base).</summary>
    public static double Factor(int year, int priceBaseYear, double rate) => 1 / Math.Pow(1 + rate, year - priceBaseYear);

    /// <summary>Present value of annual benefits given at the appraisal years (ascending).</summary>
    public static double PresentValue(IReadOnlyList<double> annualByAppraisalYear, IReadOnlyList<int> years, int horizonYear, int priceBaseYear, double rate)
    {
        var pv = 0.0;
        for (var k = 0; k < years.Count; k++)
        {
            var end = k + 1 < years.Count ? years[k + 1] - 1 : horizonYear;
            for (var t = years[k]; t <= end; t++)
            {
                pv += annualByAppraisalYear[k] * Factor(t, priceBaseYear, rate);
            }
        }
        return pv;
    }

    /// <summary>Present value of the capital costs of a portfolio's projects.</summary>
    public static double CapitalPresentValue(IEnumerable<CandidateProject> projects, int priceBaseYear, double rate) =>
        projects.Sum(p => p.CapitalCostUsd * Factor(p.OpeningYear, priceBaseYear, rate));

    /// <summary>Benefit–cost ratio, or null without cost.</summary>
    public static double? BenefitCostRatio(double pvBenefit, double pvCost) => pvCost > 0 ? pvBenefit / pvCost : null;

    /// <summary>
    /// Regret of each portfolio in each future: the best NPV any portfolio reaches in that future minus its own
    /// (Savage's minimax-regret criterion); <paramref name="npv"/> is indexed [portfolio][future].
    /// </summary>
    public static double[][] Regret(IReadOnlyList<double[]> npv)
    {
        var futures = npv.Count > 0 ? npv[0].Length : 0;
        var best = new double[futures];
        Array.Fill(best, double.NegativeInfinity);
        foreach (var row in npv)
        {
            for (var f = 0; f < futures; f++)
            {
                best[f] = Math.Max(best[f], row[f]);
            }
        }
        return [.. npv.Select(row => row.Select((v, f) => best[f] - v).ToArray())];
    }

    /// <summary>
    /// Indices of the non-dominated points when <paramref name="benefit"/> is maximised and <paramref name="cost"/> and
    /// <paramref name="co2e"/> are minimised: no other point is at least as good in all three and better in one.
    /// </summary>
    public static IReadOnlyList<int> Frontier(IReadOnlyList<double> benefit, IReadOnlyList<double> cost, IReadOnlyList<double> co2e)
    {
        var list = new List<int>();
        for (var i = 0; i < benefit.Count; i++)
        {
            var dominated = false;
            for (var j = 0; j < benefit.Count && !dominated; j++)
            {
                dominated = j != i && benefit[j] >= benefit[i] && cost[j] <= cost[i] && co2e[j] <= co2e[i]
                    && (benefit[j] > benefit[i] || cost[j] < cost[i] || co2e[j] < co2e[i]);
            }
            if (!dominated)
            {
                list.Add(i);
            }
        }
        return list;
    }
}
