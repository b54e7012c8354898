namespace Caravan.Model;

/// <summary>One departure in a weekly timetable.</summary>
/// <param name="Day">Day of the week.</param>
/// <param name="Time">Time of day.</param>
public readonly record struct WeeklyDeparture(DayOfWeek Day, TimeOnly Time)
{
    /// <summary>Hours since Monday 00:00.</summary>
    public double HourOfWeek => (((int)Day + 6) % 7 * 24) + Time.ToTimeSpan().TotalHours;
}

/// <summary>A scheduled service (ferry, block train, flight) running on one or more links.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Name">Service name.</param>
/// <param name="Operator">Operator.</param>
/// <param name="LinkIds">Links the service runs on.</param>
/// <param name="DeparturesPerWeek">Frequency; a static query waits half the headway.</param>
/// <param name="Timetable">Weekly departures where known; empty otherwise.</param>
/// <param name="SourceIds">Ids of the sources the row cites.</param>
/// <param name="Notes">Free text.</param>
public sealed record Service(
    string Id,
    string Name,
    string Operator,
    IReadOnlyList<string> LinkIds,
    double DeparturesPerWeek,
    IReadOnlyList<WeeklyDeparture> Timetable,
    IReadOnlyList<string> SourceIds,
    string Notes)
{
    /// <summary>Mean time between departures, hours.</summary>
    public double HeadwayHours => 168.0 / DeparturesPerWeek;
}
