using Caravan.Routing;

namespace Caravan.Planning;

/// <summary>What a shipper asks: a shipment and how to present the choice.</summary>
/// <param name="Route">The shipment, its objective (which option is "chosen") and constraints.</param>
/// <param name="MaxOptions">Most options to return, keeping the spread (default 8).</param>
/// <param name="Depart">Departure time; enables timetables and dated legs.</param>
/// <param name="Deadline">Arrival deadline; gives each option its on-time probability.</param>
/// <param name="Alternatives">When above 0, also this many substantially different routes (limited overlap).</param>
/// <param name="Explain">Say why corridors without an option lost.</param>
/// <param name="Limits">Search limits.</param>
public sealed record PlanRequest(
    RouteRequest Route,
    int MaxOptions = 8,
    DateTimeOffset? Depart = null,
    DateTimeOffset? Deadline = null,
    int Alternatives = 0,
    bool Explain = false,
    ParetoLimits? Limits = null);
