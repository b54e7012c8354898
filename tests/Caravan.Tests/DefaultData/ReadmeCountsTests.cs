using System.Globalization;
using System.Text.RegularExpressions;
using Caravan.Data;
using Xunit;

namespace Caravan.Tests.DefaultData;

/// <summary>The counts the README quotes about the embedded network are the counts of the data, computed here.</summary>
public sealed partial class ReadmeCountsTests
{
    [GeneratedRegex(@"(?<places>[\d,]+) places, (?<links>[\d,]+) links and (?<crossings>[\d,]+) border crossings")]
    private static partial Regex PlacesLinksCrossings();

    [GeneratedRegex(@"(?<transfers>[\d,]+) transfers \(")]
    private static partial Regex Transfers();

    [GeneratedRegex(@"(?<services>[\d,]+) scheduled services, (?<sources>[\d,]+) sources")]
    private static partial Regex ServicesSources();

    private static int Count(Match m, string group)
    {
        Assert.True(m.Success, "the README no longer quotes this count in the expected words");
        return int.Parse(m.Groups[group].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Readme_counts_match_the_embedded_network()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.Root, "README.md")).ReplaceLineEndings(" ");
        var network = NetworkReader.ReadFolder(TestPaths.Data);
        var crossings = network.Links.Count(l => l.IsCrossing);
        var plc = PlacesLinksCrossings().Match(readme);
        Assert.Equal(network.Places.Count, Count(plc, "places"));
        Assert.Equal(network.Links.Count - crossings, Count(plc, "links"));
        Assert.Equal(crossings, Count(plc, "crossings"));
        Assert.Equal(network.Transfers.Count, Count(Transfers().Match(readme), "transfers"));
        var ss = ServicesSources().Match(readme);
        Assert.Equal(network.Services.Count, Count(ss, "services"));
        Assert.Equal(network.Sources.Count, Count(ss, "sources"));
    }
}
