using Caravan.Model;
using Caravan.Units;

namespace Caravan.Cli.Commands;

/// <summary><c>--depart</c> without an offset is the origin's local time (its IANA zone from data/timezones.csv).</summary>
internal static class LocalDepart
{
    public static TimeZoneTable Zones(Network network, string? dataFolder)
    {
        var folder = string.IsNullOrWhiteSpace(dataFolder) ? NetworkLoader.DefaultDataFolder() : dataFolder;
        if (!File.Exists(Path.Combine(folder, TimeZoneTable.FileName)))
        {
            folder = NetworkLoader.DefaultDataFolder();
        }
        try
        {
            return TimeZoneTable.Read(folder, network);
        }
        catch (CaravanDataException e)
        {
            throw new CliInputException(NetworkLoader.DiagnosticText(TimeZoneTable.FileName, e.Diagnostics));
        }
    }

    /// <summary>The departure instant: as given when the text has an offset, else the origin's local time.</summary>
    public static DateTimeOffset? Parse(string? text, int origin, TimeZoneTable zones)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (zones.ParseLocalOrOffset(text, origin) is { } local)
        {
            return local;
        }
        return RouteCommand.ParseInstant(text, "--depart");
    }
}
