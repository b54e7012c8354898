using Caravan.Appraisal;
using Caravan.Scenarios;
using Xunit;

namespace Caravan.Tests.Appraisal;

/// <summary>NPV, BCR, regret and the frontier on cases small enough to check by hand.</summary>
public sealed class EconomicsTests
{
    [Fact]
    public void PresentValueHoldsEachAppraisalYearUntilTheNext()
    {
        // Years 2030 and 2032, horizon 2033, base 2030, 10%: 100 in 2030 and 2031, 200 in 2032 and 2033:
        // 100 + 100/1.1 + 200/1.21 + 200/1.331 = 506.4613072877535.
        var pv = Economics.PresentValue([100, 200], [2030, 2032], 2033, 2030, 0.10);
        Assert.Equal(506.46130728775347, pv, 9);
        // 300 spent at opening in 2031: 272.72…; NPV 233.734…; BCR 1.857…
        var project = new CandidateProject("p", "p", Array.Empty<Overlay>(), 300, 2031, ["S1"]);
        var cost = Economics.CapitalPresentValue([project], 2030, 0.10);
        Assert.Equal(272.7272727272727, cost, 9);
        Assert.Equal(233.73403456048078, pv - cost, 9);
        Assert.Equal(1.8570247933884296, Economics.BenefitCostRatio(pv, cost)!.Value, 9);
        Assert.Null(Economics.BenefitCostRatio(pv, 0));
    }

    [Fact]
    public void RegretIsTheBestNpvOfTheFutureMinusOnesOwn()
    {
        // Portfolios × futures: best in future 1 is 10, in future 2 is 3.
        var regret = Economics.Regret([[0, 0], [10, -5], [4, 3]]);
        Assert.Equal([10.0, 3.0], regret[0]);
        Assert.Equal([0.0, 8.0], regret[1]);
        Assert.Equal([6.0, 0.0], regret[2]);
        // Minimax regret picks the third (6) over the first (10) and the second (8).
        Assert.Equal(2, regret.Select((r, i) => (r.Max(), i)).Min().i);
    }

    [Fact]
    public void TheFrontierKeepsOnlyUndominatedPortfolios()
    {
        // benefit up, cost down, CO2e down: #1 is dominated by #2 (more benefit, same cost, less CO2e); #3 costs more
        // but gives most benefit; #4 is dominated by #3 in all three.
        var frontier = Economics.Frontier([0, 5, 6, 9, 8], [0, 3, 3, 6, 7], [10, 10, 9, 9, 9]);
        Assert.Equal([0, 2, 3], frontier);
    }

    [Fact]
    public void SeededFuturesAreTheSameEveryTime()
    {
        var growth = new Dictionary<Caravan.Model.Commodity, Distribution> { [Caravan.Model.Commodity.Container] = new(DistributionKind.Normal, 0.03, 0.01, 0, 0, 0.06) };
        var tariff = new Dictionary<string, Distribution> { ["middle"] = new(DistributionKind.Triangular, 0.8, 1.2, 1.0) };
        var a = FutureDraws.Draw(20, 42, growth, tariff, new Distribution(DistributionKind.Uniform, 0.5, 1.5));
        var b = FutureDraws.Draw(20, 42, growth, tariff, new Distribution(DistributionKind.Uniform, 0.5, 1.5));
        Assert.Equal(a.Select(f => f.DemandGrowthPerYear[Caravan.Model.Commodity.Container]), b.Select(f => f.DemandGrowthPerYear[Caravan.Model.Commodity.Container]));
        Assert.All(a, f => Assert.InRange(f.TariffFactor["middle"], 0.8, 1.2));
        Assert.All(a, f => Assert.InRange(f.DemandGrowthPerYear[Caravan.Model.Commodity.Container], 0, 0.06));
        Assert.True(a.Select(f => f.BorderDwellFactor).Distinct().Count() == 20);
        // A 21st future leaves the first 20 as they were.
        var c = FutureDraws.Draw(21, 42, growth, tariff, new Distribution(DistributionKind.Uniform, 0.5, 1.5));
        Assert.Equal(a.Select(f => f.BorderDwellFactor), c.Take(20).Select(f => f.BorderDwellFactor));
    }
}
