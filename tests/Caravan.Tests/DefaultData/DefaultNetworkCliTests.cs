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
        // The Caspian crossing: a ferry or container feeder from Kazakhstan or Turkmenistan to Baku/Alat.
        Assert.Matches(@"\((KZ|TM)\)\s*│[^│]*\(AZ\)\s*│\s*(Ferry|Sea)\s*│", r.Stdout);
        Assert.Contains("gauge change", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Best route per corridor", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateAcceptsTheEmbeddedData()
    {
        var r = CliProcess.Run("validate", TestPaths.Data);
        Assert.True(r.ExitCode == 0, r.Stderr);
    }
}
