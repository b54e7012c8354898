using Caravan.Freight.Choice;
using Xunit;

namespace Caravan.Tests.Freight.Choice;

/// <summary>Choice shares against the logit formula worked out by hand for two- and three-option cases.</summary>
public class NestedLogitTests
{
    [Fact]
    public void MultinomialSharesFollowTheCostRatio()
    {
        // μ = 1, no constants: P_i ∝ exp(−β ln C_i) = C_i^−β. With β = 1 and costs 100 and 200: 200/300 and 100/300.
        var p = new double[2];
        NestedLogit.Probabilities([100, 200], [0, 1], [0, 0], [0, 0], 1, 1, p);
        Assert.Equal(2.0 / 3, p[0], 12);
        Assert.Equal(1.0 / 3, p[1], 12);
    }

    [Fact]
    public void TheLogsumIsTheExpectedMaximumUtilityAndItsCompositeCost()
    {
        // μ = 1, β = 1, costs 100 and 200: LS = ln(1/100 + 1/200) = ln 0.015; composite cost e^−LS = 1/0.015 = 66.67 USD/t,
        // below the cheaper option (a second option is worth something). Nested (μ = 0.5) the same two routes in one
        // nest give LS = 0.5 · ln(100^−2 + 200^−2) = ln(√(1.25) / 100): composite 89.44.
        var p = new double[2];
        var ls = NestedLogit.Probabilities([100, 200], [0, 1], [0, 0], [0, 0], 1, 1, p);
        Assert.Equal(Math.Log(0.015), ls, 12);
        Assert.Equal(200.0 / 3, NestedLogit.CompositeCostUsd(ls, 1), 9);
        var nested = NestedLogit.Probabilities([100, 200], [0, 0], [0, 0], [0, 0], 1, 0.5, p);
        Assert.Equal(100 / Math.Sqrt(1.25), NestedLogit.CompositeCostUsd(nested, 1), 9);
        Assert.Equal(0.8, p[0], 12);
    }

    [Fact]
    public void TwoIdenticalRoutesWithTheirPathSizeCountAsOneOption()
    {
        // Path size 1/2 each, entered as μ · ln PS (the engine's form): the nest's logsum is that of one route, so the
        // rail route keeps the share it has against a single sea route — with β = 1, costs 100 and 150, μ = 0.5:
        // P(rail) = 150^−1 / (100^−1 + 150^−1) = 0.4.
        const double mu = 0.5;
        var p = new double[3];
        NestedLogit.Probabilities([100, 100, 150], [0, 0, 1], [mu * Math.Log(0.5), mu * Math.Log(0.5), 0], [0, 0], 1, mu, p);
        Assert.Equal(0.4, p[2], 12);
        Assert.Equal(0.3, p[0], 12);
    }

    [Fact]
    public void NestedSharesMatchTheHandFormula()
    {
        // Two sea routes (100 and 120 USD/t) in one nest, one rail route (150 USD/t) with ASC_rail = 0.3; β = 2, μ = 0.5.
        // P(r|sea) = C_r^(−β/μ) / Σ C^(−β/μ); P(sea) = S^μ / (S^μ + e^0.3 · 150^−β) with S = 100^(−β/μ) + 120^(−β/μ).
        const double beta = 2, mu = 0.5;
        var s = Math.Pow(100, -beta / mu) + Math.Pow(120, -beta / mu);
        var pSea = Math.Pow(s, mu) / (Math.Pow(s, mu) + (Math.Exp(0.3) * Math.Pow(150, -beta)));
        var expected = new[]
        {
            pSea * Math.Pow(100, -beta / mu) / s,
            pSea * Math.Pow(120, -beta / mu) / s,
            1 - pSea,
        };
        var p = new double[3];
        NestedLogit.Probabilities([100, 120, 150], [0, 0, 1], [0, 0, 0], [0, 0.3], beta, mu, p);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i], p[i], 12);
        }
        // The numbers themselves, worked out by hand: P(100|sea) = 1 / (1 + 1.2^−4) = 0.674650, P(sea) = 0.669897.
        Assert.Equal(0.674650 * 0.669897, p[0], 4);
        Assert.Equal(0.330103, p[2], 4);
    }

    [Fact]
    public void ACloserSubstituteInTheNestTakesShareMostlyFromItsOwnNest()
    {
        // Adding a second sea route at the same cost: in a multinomial logit rail would lose a third of its share,
        // in the nested logit with μ = 0.5 much less (the two sea routes are close substitutes).
        var one = new double[2];
        NestedLogit.Probabilities([100, 100], [0, 1], [0, 0], [0, 0], 4, 0.5, one);
        var two = new double[3];
        NestedLogit.Probabilities([100, 100, 100], [0, 0, 1], [0, 0, 0], [0, 0], 4, 0.5, two);
        Assert.Equal(0.5, one[1], 12);
        // P(rail) = 1 / (1 + 2^μ) = 1 / (1 + √2).
        Assert.Equal(1 / (1 + Math.Sqrt(2)), two[2], 12);
    }

    [Fact]
    public void BadParametersAreRejected()
    {
        var p = new double[1];
        Assert.Throws<ArgumentOutOfRangeException>(() => NestedLogit.Probabilities([100], [0], [0], [0], 1, 1.5, p));
        Assert.Throws<ArgumentOutOfRangeException>(() => NestedLogit.Probabilities([0], [0], [0], [0], 1, 1, p));
    }
}
