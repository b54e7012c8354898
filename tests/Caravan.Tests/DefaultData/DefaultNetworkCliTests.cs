using Caravan.Tests.Cli;
using Xunit;

namespace Caravan.Tests.DefaultData;

/// <summary>The README's first command, run as a real process on the embedded data.</summary>
public class DefaultNetworkCliTests
{
    [Fact]
    public void ReadmeRouteCommandPrintsAMiddleCorridorItinerary()
    {
        var r = CliProcess.Run("route", "--from", "Xi'an", "--to", "Duisburg", "--avoid", "RU,BY");
        Assert.True(r.ExitCode == 0, r.Stderr);
        // Avoiding Russia and Belarus, the corridor table weighs the Middle Corridor (the Caspian crossing) against the
        // sea, which the market prices and the 2024–25 Caspian waits now recommend.
        Assert.Contains("Best route per corridor", r.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"│ middle\s+│\s+\d+\.\d", r.Stdout);
        Assert.Matches(@"│ 1 │ (sea|middle|south) ", r.Stdout);
    }

    [Fact]
    public void ValidateAcceptsTheEmbeddedData()
    {
        var r = CliProcess.Run("validate", TestPaths.Data);
        Assert.True(r.ExitCode == 0, r.Stderr);
    }
}
