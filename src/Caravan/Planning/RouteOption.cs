using Caravan.Reliability;
using Caravan.Routing;

namespace Caravan.Planning;

/// <summary>One choice offered to the shipper.</summary>
/// <param name="Itinerary">Legs and totals.</param>
/// <param name="Distribution">Door-to-door time distribution.</param>
/// <param name="Labels">e.g. <c>fastest</c>, <c>cheapest</c>, <c>lowest-co2</c>, <c>most-reliable</c>, <c>alternative</c>.</param>
/// <param name="OnTimeProbability">Probability to arrive by the deadline, when one was given.</param>
/// <param name="DatedLegs">Dated legs, when a departure time was given.</param>
public sealed record RouteOption(
    Itinerary Itinerary,
    TransitTimeDistribution Distribution,
    IReadOnlyList<string> Labels,
    double? OnTimeProbability,
    IReadOnlyList<DatedLeg>? DatedLegs);

/// <summary>The answer to a plan request.</summary>
/// <param name="Options">The options; the first is the one chosen by the request's objective.</param>
/// <param name="NoRoute">Why there is none, when <paramref name="Options"/> is empty.</param>
/// <param name="LimitExceeded">Which search limit was hit, if any (then the request is refused).</param>
/// <param name="Explanations">Why other corridors lost, with <see cref="PlanRequest.Explain"/>.</param>
/// <param name="Alternatives">Substantially different routes, with <see cref="PlanRequest.Alternatives"/>.</param>
/// <param name="ParetoSetSize">Size of the full non-dominated set before trimming to the options.</param>
/// <param name="LabelsCreated">Search effort.</param>
public sealed record PlanResult(
    IReadOnlyList<RouteOption> Options,
    NoRouteReason? NoRoute,
    string? LimitExceeded,
    IReadOnlyList<string> Explanations,
    IReadOnlyList<RouteOption> Alternatives,
    int ParetoSetSize,
    int LabelsCreated)
{
    /// <summary>The best route through each corridor and its verdict against the options.</summary>
    public IReadOnlyList<CorridorBest> Corridors { get; init; } = [];
}

/// <summary>The best route that uses a corridor, and how it compares with the options.</summary>
/// <param name="Corridor">Corridor label.</param>
/// <param name="Best">Its best route, or null when a constraint cut it.</param>
/// <param name="OptionIndex">Index among the options when it is one of them, else -1.</param>
/// <param name="Verdict">"option 2", "dominated by option 1 (north): …", "cut by year 2026" (see <see cref="CutBy"/>).</param>
public sealed record CorridorBest(string Corridor, RouteOption? Best, int OptionIndex, string Verdict)
{
    /// <summary>When a constraint cut the corridor: each constraint that, lifted alone, opens it (data; each host words it).</summary>
    public IReadOnlyList<BlockingConstraint>? CutBy { get; init; }
}
