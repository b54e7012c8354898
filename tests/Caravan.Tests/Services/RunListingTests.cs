using Caravan.Services;
using Xunit;

namespace Caravan.Tests.Services;

/// <summary>The one reading of a run-list limit, used by <c>caravan runs list --limit</c> and <c>GET /api/runs?limit=</c>.</summary>
public class RunListingTests
{
    [Theory]
    [InlineData(null, 100)]
    [InlineData("", 100)]
    [InlineData("7", 7)]
    [InlineData(" 1000 ", 1000)]
    public void AValidLimitIsTaken(string? text, int expected)
    {
        Assert.Null(RunListing.Limit(text, EngineOptions.Default, out var n));
        Assert.Equal(expected, n);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("-3")]
    [InlineData("ten")]
    public void AnInvalidLimitIsAnErrorNamingLimit(string text)
    {
        var error = RunListing.Limit(text, EngineOptions.Default, out var n);
        Assert.NotNull(error);
        Assert.Equal("limit", error!.Field);
        Assert.Equal(ErrorCode.InvalidValue, error.Code);
        Assert.Equal(EngineOptions.Default.DefaultRunList, n);
        Assert.Contains("from 1 to 1000", error.Message, StringComparison.Ordinal);
    }
}
