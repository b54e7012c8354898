using Caravan.Freight;
using Caravan.Routing;

namespace Caravan.Services;

/// <summary>
/// Every limit and default of the services, in one place: the CLI and the web host pass the same options, so the same
/// query gets the same answer and the same refusal through every door. A query may lower a search limit below its
/// default and raise it up to its ceiling, never past it.
/// </summary>
public sealed record EngineOptions
{
    /// <summary>The defaults every door uses.</summary>
    public static EngineOptions Default { get; } = new();

    /// <summary>The one clock: "this year" and "now" (a departure's default) come from it.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Year of travel when a query gives none; null for the clock's current year (UTC).</summary>
    public int? Year { get; init; }

    /// <summary>The default year of travel: <see cref="Year"/>, else the clock's current year.</summary>
    public int DefaultYear => Year ?? Clock.GetUtcNow().Year;

    /// <summary>Earliest year a query may ask for.</summary>
    public int MinYear { get; init; } = 1900;

    /// <summary>Latest year a query may ask for.</summary>
    public int MaxYear { get; init; } = 2200;

    /// <summary>Longest text accepted in one field; longer input is refused before any search.</summary>
    public int MaxFieldLength { get; init; } = 512;

    /// <summary>Most items accepted in one list field (countries, modes, places).</summary>
    public int MaxListItems { get; init; } = 64;

    /// <summary>Most options a plan may list.</summary>
    public int MaxOptions { get; init; } = 20;

    /// <summary>Options listed when a query does not say.</summary>
    public int DefaultOptions { get; init; } = 8;

    /// <summary>Most alternatives (substantially different routes) a plan may add.</summary>
    public int MaxAlternatives { get; init; } = 10;

    /// <summary>Labels the Pareto search may create when a query does not say.</summary>
    public int DefaultLabels { get; init; } = ParetoLimits.Default.MaxLabels;

    /// <summary>Most labels a query may allow the Pareto search.</summary>
    public int MaxLabels { get; init; } = 2_000_000;

    /// <summary>Seconds the Pareto search may run when a query does not say.</summary>
    public double DefaultSearchSeconds { get; init; } = ParetoLimits.Default.TimeLimit!.Value.TotalSeconds;

    /// <summary>Most seconds a query may allow the Pareto search.</summary>
    public double MaxSearchSeconds { get; init; } = 30;

    /// <summary>Most results a place search lists.</summary>
    public int MaxPlaceResults { get; init; } = 50;

    /// <summary>Place search results when a query does not say.</summary>
    public int DefaultPlaceResults { get; init; } = 10;

    /// <summary>Runs a run-store listing shows when a query does not say (<c>caravan runs list</c>, <c>GET /api/runs</c>).</summary>
    public int DefaultRunList { get; init; } = 100;

    /// <summary>Most runs one listing shows.</summary>
    public int MaxRunList { get; init; } = 1000;

    /// <summary>Most result rows one saved run answers with.</summary>
    public int MaxRunResults { get; init; } = 5000;

    /// <summary>Bottlenecks a freight assignment's summary lists when a query does not say (CLI <c>--top</c>, the web's runs).</summary>
    public int DefaultBottlenecks { get; init; } = 15;

    /// <summary>Most bottlenecks (and OD rows) a freight assignment's summary may be asked to list (<c>--top</c>).</summary>
    public int MaxBottlenecks { get; init; } = 1000;

    /// <summary>Most plan documents a served network keeps for repeated queries (least recently used dropped).</summary>
    public int MaxPlanDocuments { get; init; } = 32;

    /// <summary>Most network GeoJSON documents a served network keeps (one per distinct mode × status filter, least recently used dropped).</summary>
    public int MaxGeoJsonDocuments { get; init; } = 16;

    /// <summary>Most comparison documents a server keeps (by scenarios, objective and year; the data do not change while serving).</summary>
    public int MaxComparisonDocuments { get; init; } = 64;

    /// <summary>Most freight assignment runs a server keeps in memory, finished ones included (the oldest dropped).</summary>
    public int MaxAssignmentRuns { get; init; } = 16;

    /// <summary>Most errors one message lists (a failed run's bad rows, a scenario that cannot be applied); the rest are counted out.</summary>
    public int MaxErrorsListed { get; init; } = 5;

    /// <summary>Most worker threads a query may ask for (<c>--threads</c>); 0 means every core.</summary>
    public int MaxThreads { get; init; } = 1024;

    /// <summary>
    /// Threads of a freight assignment, for every door (<c>caravan assign --demand</c>, <c>compare --demand</c>, the
    /// web's runs); 0 = all cores. Algorithm B gives the same flows on any thread count, so this is a matter of
    /// throughput only; a host serving many users may set 1.
    /// </summary>
    public int FreightAssignmentThreads { get; init; }

    /// <summary>The settings of a freight assignment in a year, with this thread policy; every door uses them.</summary>
    public FreightAssignmentOptions FreightAssignment(int? year = null)
    {
        var defaults = new FreightAssignmentOptions();
        return defaults with { Year = year ?? DefaultYear, Solver = defaults.Solver with { Threads = FreightAssignmentThreads } };
    }

    /// <summary>Threads of a TNTP assignment when a query does not say: every core.</summary>
    public int AssignmentThreads { get; init; } = Environment.ProcessorCount;
}
