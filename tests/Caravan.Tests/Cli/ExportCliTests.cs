using System.Text.Json;
using Xunit;

namespace Caravan.Tests.Cli;

public class ExportCliTests
{
    [Fact]
    public void ExportsTheWholeNetworkAsGeoJsonAndAPngMap()
    {
        var dir = Directory.CreateTempSubdirectory("export").FullName;
        try
        {
            var geo = Path.Combine(dir, "net.geojson");
            var png = Path.Combine(dir, "map.png");
            var r = CliProcess.Run("export", "--geojson", "--out", geo, "--png", png, "--data", TestPaths.Mini);
            Assert.True(r.ExitCode == 0, r.Stderr);
            using var doc = JsonDocument.Parse(File.ReadAllText(geo));
            var features = doc.RootElement.GetProperty("features");
            var network = TestPaths.LoadMini();
            Assert.Equal(network.Places.Count + network.Links.Count, features.GetArrayLength());
            Assert.Contains(features.EnumerateArray(), f => f.GetProperty("properties").TryGetProperty("status", out var s) && s.GetString() == "planned");
            Assert.Equal(network.Places.Count, features.EnumerateArray().Count(f => f.GetProperty("geometry").GetProperty("type").GetString() == "Point"));
            var bytes = File.ReadAllBytes(png);
            Assert.True(bytes.Length > 10_000);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void CalibratePrintsMape()
    {
        var r = CliProcess.Run("calibrate", "--data", TestPaths.Mini);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("MAPE", r.Stdout, StringComparison.Ordinal);
    }
}
