using Caravan.Model;
using Caravan.Routing;

namespace Caravan.Export;

/// <summary>A place as it appears in route documents.</summary>
/// <param name="Code">Place code.</param>
/// <param name="Name">Name.</param>
/// <param name="Country">ISO country code.</param>
/// <param name="Lat">Latitude.</param>
/// <param name="Lon">Longitude.</param>
public sealed record PlaceDocument(string Code, string Name, string Country, double Lat, double Lon);

/// <summary>A leg in the JSON route format.</summary>
public sealed record LegDocument(
    string Kind,
    string Mode,
    PlaceDocument From,
    PlaceDocument To,
    double DistanceKm,
    double Hours,
    double P90Hours,
    double CostUsd,
    double Co2eKg,
    string Description,
    string? LinkId,
    string? Corridor,
    string? Departs = null,
    string? Arrives = null);

/// <summary>Totals in the JSON route format.</summary>
public sealed record TotalsDocument(double DistanceKm, double Hours, double Days, double CostUsd, double Co2eKg, int Transfers, int Borders);

/// <summary>A route in the JSON format.</summary>
public sealed record RouteDocument(
    string Corridor,
    string Objective,
    string Commodity,
    double Quantity,
    string Unit,
    IReadOnlyList<LegDocument> Legs,
    TotalsDocument Totals)
{
    /// <summary>Median door-to-door hours (reliability model), when computed.</summary>
    public double? P50Hours { get; init; }

    /// <summary>90th-percentile door-to-door hours, when computed.</summary>
    public double? P90Hours { get; init; }

    /// <summary>Probability of arriving by the deadline, when one was given.</summary>
    public double? OnTimeProbability { get; init; }

    /// <summary>Labels such as <c>fastest</c>, <c>cheapest</c>, <c>lowest-co2</c>.</summary>
    public IReadOnlyList<string>? Labels { get; init; }
}

/// <summary>A corridor's best route and verdict.</summary>
/// <param name="Corridor">Corridor label.</param>
/// <param name="Verdict">"option 1", "dominated by option 1 (north): …", "cut by avoid-country RU" (see <see cref="CutBy"/>).</param>
/// <param name="Option">1-based option number when the corridor's best route is one of the options.</param>
/// <param name="Route">Its best route when it is not one of the options and not cut.</param>
public sealed record CorridorDocument(string Corridor, string Verdict, int? Option, RouteDocument? Route)
{
    /// <summary>The constraints that cut the corridor, each of which lifted alone opens it.</summary>
    public IReadOnlyList<BlockingConstraint>? CutBy { get; init; }
}

/// <summary>The top-level JSON answer of a route query.</summary>
/// <param name="From">Origin.</param>
/// <param name="To">Destination.</param>
/// <param name="Routes">Routes found (one for a single-criterion query).</param>
public sealed record RouteResponse(PlaceDocument From, PlaceDocument To, IReadOnlyList<RouteDocument> Routes)
{
    /// <summary>Why other corridors lost, with <c>--explain</c>.</summary>
    public IReadOnlyList<string>? Explanations { get; init; }

    /// <summary>Substantially different routes, with <c>--alternatives</c>.</summary>
    public IReadOnlyList<RouteDocument>? Alternatives { get; init; }

    /// <summary>The best route through each corridor and its verdict against the options.</summary>
    public IReadOnlyList<CorridorDocument>? Corridors { get; init; }

    /// <summary>Size of the full non-dominated set the options were taken from.</summary>
    public int? ParetoSetSize { get; init; }

    /// <summary>How time distributions were computed (Monte Carlo sample size and seed).</summary>
    public string? Reliability { get; init; }

    /// <summary>Things worth saying that did not stop the query (an avoided country with no place in the network).</summary>
    public IReadOnlyList<WarningDocument>? Warnings { get; init; }
}

/// <summary>A warning in a document: the query field it concerns and a sentence.</summary>
/// <param name="Field">Query field, camelCase.</param>
/// <param name="Message">A sentence without the field name.</param>
public sealed record WarningDocument(string Field, string Message);

/// <summary>Maps engine results to the documented JSON shapes.</summary>
public static class RouteDocuments
{
    /// <summary>The document for a place.</summary>
    public static PlaceDocument Place(Network network, int place)
    {
        var p = network.Places[place];
        return new PlaceDocument(p.Code, p.Name, p.Country, p.Latitude, p.Longitude);
    }

    /// <summary>The document for an itinerary.</summary>
    public static RouteDocument Route(Network network, Itinerary itinerary)
    {
        var legs = new List<LegDocument>(itinerary.Legs.Count);
        foreach (var l in itinerary.Legs)
        {
            legs.Add(new LegDocument(
                l.Kind.ToString().ToLowerInvariant(),
                l.Mode.ToString(),
                Place(network, l.From),
                Place(network, l.To),
                Round(l.DistanceKm, 1),
                Round(l.Hours, 2),
                Round(l.P90Hours, 2),
                Round(l.CostUsd, 2),
                Round(l.Co2eKg, 2),
                l.Description,
                l.LinkId.Length > 0 ? l.LinkId : null,
                l.Corridor.Length > 0 ? l.Corridor : null));
        }
        var t = itinerary.Totals;
        var info = network.InfoOf(itinerary.Request.Commodity);
        var borders = itinerary.Legs.Count(l => l.Kind == LegKind.Border);
        return new RouteDocument(
            itinerary.Corridor,
            itinerary.Request.Objective.ToString().ToLowerInvariant(),
            itinerary.Request.Commodity.Name(),
            itinerary.Request.Quantity,
            info.Unit,
            legs,
            new TotalsDocument(Round(t.DistanceKm, 1), Round(t.Hours, 2), Round(t.Hours / 24, 2), Round(t.CostUsd, 2), Round(t.Co2eKg, 2), itinerary.Transfers, borders));
    }

    private static double Round(double v, int digits) => Math.Round(v, digits, MidpointRounding.AwayFromZero);
}
