using System.Globalization;

namespace Caravan.Planning;

/// <summary>
/// The one parser and range of the dates a shipment query gives (departure, deadline): ISO 8601, UTC unless an
/// offset is given, from <see cref="Earliest"/> to <see cref="Latest"/>. The range leaves centuries of margin
/// before <see cref="DateTimeOffset.MaxValue"/>, so dating legs (waits, timetables, transit hours) cannot overflow.
/// </summary>
public static class PlanDates
{
    /// <summary>Earliest date accepted.</summary>
    public static readonly DateTimeOffset Earliest = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Latest date accepted (exclusive).</summary>
    public static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Parses a date and time; false with a message (without the field name) when it is not one or is out of range.</summary>
    public static bool TryParse(string text, out DateTimeOffset value, out string error)
    {
        error = "";
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            error = $"'{Shown(text)}' is not an ISO 8601 date and time (e.g. 2026-12-01T08:00)";
            return false;
        }
        if (value < Earliest || value >= Latest)
        {
            error = $"'{Shown(text)}' is outside {Earliest.Year}..{Latest.Year - 1}";
            return false;
        }
        return true;
    }

    private static string Shown(string text) => text.Length > 40 ? text[..Caravan.Data.Csv.CsvRecord.CutAt(text, 40)] + "…" : text;
}
