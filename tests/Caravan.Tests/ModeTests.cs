using Caravan.Model;
using Xunit;

namespace Caravan.Tests;

public class ModeTests
{
    [Theory]
    [InlineData("rail1520", Mode.Rail1520)]
    [InlineData("Air", Mode.Air)]
    [InlineData("oil", Mode.PipelineOil)]
    public void ParsesModeNames(string text, Mode expected)
    {
        Assert.True(Modes.TryParse(text, out var mode));
        Assert.Equal(expected, mode);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("boat")]
    [InlineData("")]
    public void RejectsUnknownModes(string text) => Assert.False(Modes.TryParse(text, out _));
}
