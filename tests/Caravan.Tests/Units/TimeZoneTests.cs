using System.Text.Json;
using Caravan.Data;
using Caravan.Tests.Cli;
using Caravan.Units;
using Xunit;

namespace Caravan.Tests.Units;

public sealed class TimeZoneTests
{
    private static readonly Model.Network Network = NetworkReader.ReadFolder(TestPaths.Data);
    private static readonly TimeZoneTable Zones = TimeZoneTable.Read(TestPaths.Data, Network);

    private static int Place(string name) => Network.Places.ToList().FindIndex(p => p.Name == name);

    [Theory]
    [InlineData("Xi'an", "Asia/Shanghai")]
    [InlineData("Moscow", "Europe/Moscow")]
    [InlineData("Novosibirsk", "Asia/Novosibirsk")]
    [InlineData("Almaty", "Asia/Almaty")]
    [InlineData("Baku", "Asia/Baku")]
    public void Places_get_their_country_zone_or_their_override(string name, string zone)
    {
        Assert.Equal(zone, Zones.Of(Place(name)).Id);
    }

    [Fact]
    public void Local_times_carry_their_offset()
    {
        var xian = Place("Xi'an");
        var instant = Zones.Interpret(new DateTime(2026, 12, 1, 8, 0, 0), xian);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), instant.ToUniversalTime());
        Assert.Equal("2026-12-01T08:00+08:00", Zones.Local(instant, xian));
        Assert.Equal("2026-12-01T03:00+03:00", Zones.Local(instant, Place("Moscow")));
    }

    [Fact]
    public void A_place_without_a_zone_is_an_error_naming_it()
    {
        var dir = Path.Combine(Path.GetTempPath(), "caravan-tz-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllLines(Path.Combine(dir, TimeZoneTable.FileName), File.ReadAllLines(Path.Combine(TestPaths.Data, TimeZoneTable.FileName)).Where(l => !l.StartsWith("DE,,", StringComparison.Ordinal)));
        var e = Assert.Throws<CaravanDataException>(() => TimeZoneTable.Read(dir, Network));
        Assert.Contains(e.Diagnostics, d => d.Message.Contains("(DE): add a row for DE", StringComparison.Ordinal));
    }

    [Fact]
    public void Depart_is_read_in_the_origin_local_time_and_legs_are_dated_locally()
    {
        var local = CliProcess.Run("route", "--from", "Xi'an", "--to", "Duisburg", "--depart", "2026-12-01T08:00", "--json");
        var utc = CliProcess.Run("route", "--from", "Xi'an", "--to", "Duisburg", "--depart", "2026-12-01T00:00Z", "--json");
        Assert.True(local.ExitCode == 0, local.Stderr);
        using var a = JsonDocument.Parse(local.Stdout);
        using var b = JsonDocument.Parse(utc.Stdout);
        var legsA = a.RootElement.GetProperty("routes")[0].GetProperty("legs");
        var legsB = b.RootElement.GetProperty("routes")[0].GetProperty("legs");
        // 08:00 in Xi'an is 00:00 UTC: the same plan, dated the same.
        Assert.Equal("2026-12-01T08:00+08:00", legsA[0].GetProperty("departs").GetString());
        Assert.Equal(legsB[legsB.GetArrayLength() - 1].GetProperty("arrives").GetString(), legsA[legsA.GetArrayLength() - 1].GetProperty("arrives").GetString());
        // The last leg arrives in Duisburg, in Central European time.
        Assert.EndsWith("+01:00", legsA[legsA.GetArrayLength() - 1].GetProperty("arrives").GetString(), StringComparison.Ordinal);
    }
}
