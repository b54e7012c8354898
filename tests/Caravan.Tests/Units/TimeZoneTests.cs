using Caravan.Data;
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
}
