using Caravan.Data.Csv;
using Caravan.Model;

namespace Caravan.Units;

/// <summary>
/// Each place's IANA time zone, from <c>data/timezones.csv</c> (a zone per country, overrides per place), resolved
/// to <see cref="TimeZoneInfo"/> through the system's tz database. Every place of the network must get a zone.
/// </summary>
public sealed class TimeZoneTable
{
    /// <summary>The file name in a data folder.</summary>
    public const string FileName = "timezones.csv";

    private readonly TimeZoneInfo[] _byPlace;

    private TimeZoneTable(TimeZoneInfo[] byPlace) => _byPlace = byPlace;

    /// <summary>The zone of a place.</summary>
    public TimeZoneInfo Of(int place) => _byPlace[place];

    /// <summary>
    /// The table of a data folder, or null when the folder has none (then dates stay in UTC). Throws
    /// <see cref="CaravanDataException"/> when the file is there but wrong.
    /// </summary>
    public static TimeZoneTable? ForFolder(string? folder, Network network, bool borrowed = false) =>
        !string.IsNullOrEmpty(folder) && File.Exists(Path.Combine(folder, FileName)) ? Read(folder, network, borrowed) : null;

    /// <summary>
    /// Reads the table for a network; throws <see cref="CaravanDataException"/> listing every problem. With
    /// <paramref name="borrowed"/> (the file of another network, e.g. the embedded one for a folder without its own),
    /// overrides of places this network does not have are skipped instead of being errors.
    /// </summary>
    public static TimeZoneTable Read(string folder, Network network, bool borrowed = false)
    {
        var bag = new DiagnosticBag();
        var rows = CsvTable.Read(Path.Combine(folder, FileName), FileName, ["country", "tz", "source"], ["place", "notes"], bag);
        var byCountry = new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal);
        var byPlace = new Dictionary<int, TimeZoneInfo>();
        foreach (var r in rows)
        {
            var country = r.RequiredText("country");
            var id = r.RequiredText("tz");
            if (r.List("source").Count == 0)
            {
                r.Error("source", "every row cites its sources");
            }
            TimeZoneInfo? zone = null;
            if (id.Length > 0 && !TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone))
            {
                r.Error("tz", $"'{CsvRecord.Clip(id)}' is not an IANA time zone this system knows");
            }
            var code = r.Text("place");
            if (zone is null || r.Errors > 0)
            {
                continue;
            }
            if (code.Length == 0)
            {
                if (!byCountry.TryAdd(country, zone))
                {
                    r.Error("country", $"{country} has two country rows");
                }
            }
            else if (!network.TryGetPlace(code, out var place))
            {
                if (!borrowed)
                {
                    r.Error("place", $"unknown place '{CsvRecord.Clip(code)}'");
                }
            }
            else if (network.Places[place].Country != country)
            {
                r.Error("country", $"{code} is in {network.Places[place].Country}, not {country}");
            }
            else if (!byPlace.TryAdd(place, zone))
            {
                r.Error("place", $"{code} has two overrides");
            }
        }
        var zones = new TimeZoneInfo[network.Places.Count];
        for (var i = 0; i < zones.Length; i++)
        {
            var p = network.Places[i];
            if (byPlace.TryGetValue(i, out var z) || byCountry.TryGetValue(p.Country, out z))
            {
                zones[i] = z;
            }
            else
            {
                bag.Error(FileName, 0, "country", $"no time zone for {p.Code} ({p.Country}): add a row for {p.Country}");
            }
        }
        bag.ThrowIfErrors($"cannot read {FileName} in {folder}");
        return new TimeZoneTable(zones);
    }

    /// <summary>
    /// An instant from a user's text: with an offset (<c>Z</c>, <c>+03:00</c>) as given; without one, as the local
    /// time of <paramref name="place"/> (daylight-saving gaps move forward, as the clocks do).
    /// </summary>
    public DateTimeOffset Interpret(DateTime local, int place)
    {
        var zone = _byPlace[place];
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    /// <summary>
    /// Reads a departure: text with an offset (<c>Z</c>, <c>+03:00</c>) is that instant; text without one
    /// (<c>2026-12-01T08:00</c>) is the local time of <paramref name="place"/>. Null when the text is not a date and time.
    /// </summary>
    public DateTimeOffset? ParseLocalOrOffset(string text, int place)
    {
        var t = text.Trim();
        var at = t.IndexOf('T', StringComparison.Ordinal);
        var timePart = at >= 0 ? t[(at + 1)..] : "";
        var hasOffset = t.EndsWith('Z') || t.EndsWith('z') || timePart.Contains('+', StringComparison.Ordinal) || timePart.Contains('-', StringComparison.Ordinal);
        if (!hasOffset && DateTime.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local))
        {
            return Interpret(local, place);
        }
        return null;
    }

    /// <summary>An instant as the local time of a place, with its offset: <c>2026-12-01T16:00+08:00</c>.</summary>
    public string Local(DateTimeOffset instant, int place)
    {
        var local = TimeZoneInfo.ConvertTime(instant, _byPlace[place]);
        return local.ToString("yyyy-MM-dd'T'HH:mmzzz", System.Globalization.CultureInfo.InvariantCulture);
    }
}
