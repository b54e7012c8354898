using Caravan.Model;
using Caravan.Services;
using Caravan.Units;

namespace Caravan.Cli.Commands;

/// <summary><c>--depart</c> without an offset is the origin's local time (its IANA zone from data/timezones.csv).</summary>
internal static class LocalDepart
{
    /// <summary>
    /// The network's time zones; null when its folder has no <c>timezones.csv</c> (the embedded table names places
    /// another network need not have, so a departure there stays UTC, as without a zone).
    /// </summary>
    public static TimeZoneTable? Zones(Network network, string? dataFolder)
    {
        var folder = string.IsNullOrWhiteSpace(dataFolder) ? NetworkLoader.DefaultDataFolder() : dataFolder;
        if (!File.Exists(Path.Combine(folder, TimeZoneTable.FileName)))
        {
            return null;
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

    /// <summary>The query with a local departure rewritten as the instant it is at the origin (an explicit offset is kept).</summary>
    public static RoutePlanQuery Apply(RoutePlanQuery query, Network network, TimeZoneTable? zones)
    {
        if (zones is null || string.IsNullOrWhiteSpace(query.Depart) || string.IsNullOrWhiteSpace(query.From))
        {
            return query;
        }
        var errors = new List<EngineError>();
        var origin = new RouteQueryParser(network).Resolve("from", query.From, errors);
        if (origin < 0 || zones.ParseLocalOrOffset(query.Depart, origin) is not { } instant)
        {
            return query; // the service reports the bad origin or date with its usual message
        }
        return query with { Depart = instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture) };
    }
}
