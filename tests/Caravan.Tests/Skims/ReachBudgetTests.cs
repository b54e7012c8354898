using Caravan.Skims;
using Xunit;

namespace Caravan.Tests.Skims;

/// <summary>A reach budget as written by a user: a number with its unit, more than nothing, at most a year or 10 M.</summary>
public class ReachBudgetTests
{
    [Theory]
    [InlineData("10d", BudgetKind.Hours, 240)]
    [InlineData("240h", BudgetKind.Hours, 240)]
    [InlineData(" 5000USD ", BudgetKind.CostUsd, 5000)]
    [InlineData("3e3kg", BudgetKind.Co2eKg, 3000)]
    public void ANumberWithItsUnitIsABudget(string text, BudgetKind kind, double limit)
    {
        Assert.True(ReachBudget.TryParse(text, out var budget, out var error), error);
        Assert.Equal(kind, budget.Kind);
        Assert.Equal(limit, budget.Limit, 9);
    }

    [Theory]
    [InlineData("0d", "more than 0d")]
    [InlineData("-1usd", "more than 0usd")]
    [InlineData("400d", "at most 365d")]
    [InlineData("2e7usd", "at most 10000000usd")]
    [InlineData("10", "expected a number with a unit")]
    [InlineData("tend", "expected a number with a unit")]
    [InlineData("NaNd", "expected a number with a unit")]
    [InlineData("", "expected a number with a unit")]
    public void AnythingElseIsRefusedSayingWhy(string text, string because)
    {
        Assert.False(ReachBudget.TryParse(text, out _, out var error));
        Assert.Contains(because, error, StringComparison.Ordinal);
    }
}
