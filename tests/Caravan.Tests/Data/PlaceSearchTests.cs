using Caravan.Model;
using Xunit;

namespace Caravan.Tests.Data;

public class PlaceSearchTests
{
    private static readonly Network Net = TestPaths.LoadMini();
    private static readonly PlaceSearch Search = new(Net);

    [Theory]
    [InlineData("xian", "CNSIA")]
    [InlineData("Xi'an", "CNSIA")]
    [InlineData("Xi’an", "CNSIA")]
    [InlineData("XI AN", "CNSIA")]
    [InlineData("cnsia", "CNSIA")]
    [InlineData("西安", "CNSIA")]
    [InlineData("Алма-Ата", "KZALA")]
    [InlineData("алматы", "KZALA")]
    [InlineData("ALA", "KZALA")]
    [InlineData("Malaszewicze", "PL-MAL")]
    [InlineData("Małaszewicze", "PL-MAL")]
    [InlineData("istanbul", "TRIST")]
    [InlineData("Duisb", "DEDUI")]
    public void ResolvesAsUsersWriteIt(string text, string code)
    {
        Assert.True(Search.TryResolve(text, out var place, out _), text);
        Assert.Equal(code, Net.Places[place].Code);
    }

    [Fact]
    public void MissSuggestsNearestNames()
    {
        Assert.False(Search.TryResolve("Duisbrug", out _, out var suggestions));
        Assert.Equal("DEDUI", suggestions[0].Code);
    }

    [Fact]
    public void NonsenseGivesNoCrash()
    {
        Assert.False(Search.TryResolve(new string('z', 10_000), out _, out _));
        Assert.False(Search.TryResolve("   ", out _, out _));
    }
}
