using Caravan.Data.Csv;
using Caravan.Scenarios.Json;
using Xunit;

namespace Caravan.Tests.Data;

/// <summary>User text quoted in messages is shortened one way, and never into invalid UTF-16.</summary>
public class ClipTests
{
    [Theory]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(57)]
    public void JsonAndCsvMessagesClipAlikeWithoutCuttingASurrogatePair(int before)
    {
        var text = new string('a', before) + "🚂🚂🚂" + new string('b', 40);
        var json = LocatedJsonParser.Clip(text);
        Assert.Equal(CsvRecord.Clip(text), json);
        Assert.True(json.Length <= 60);
        for (var i = 0; i < json.Length; i++)
        {
            Assert.False(char.IsHighSurrogate(json[i]) && (i + 1 == json.Length || !char.IsLowSurrogate(json[i + 1])), $"lone high surrogate at {i} in '{json}'");
        }
    }
}
