using System.Globalization;
using Caravan.Model;

namespace Caravan.Data;

/// <summary>Parses weekly departures written as <c>Mon 08:00</c>.</summary>
public static class TimetableParser
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>Parses one departure; false when it is not of the form <c>Ddd HH:MM</c>.</summary>
    public static bool TryParse(string text, out WeeklyDeparture departure)
    {
        departure = default;
        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || parts[0].Length < 3)
        {
            return false;
        }
        var day = Array.IndexOf(DayNames, parts[0][..3].ToLowerInvariant());
        if (day < 0)
        {
            return false;
        }
        if (!TimeOnly.TryParseExact(parts[1], ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return false;
        }
        departure = new WeeklyDeparture((DayOfWeek)day, time);
        return true;
    }
}
