using Caravan.Data.Validation;
using Caravan.Model;
using Caravan.Routing;

namespace Caravan.Geography;

/// <summary>A place near a point.</summary>
/// <param name="Place">Place index.</param>
/// <param name="DistanceKm">Great-circle distance from the point, km.</param>
public readonly record struct NearPlace(int Place, double DistanceKm);

/// <summary>
/// The places nearest a point by great-circle distance, optionally only those that handle a mode. A linear scan:
/// the network has hundreds of places, so an index would cost more than it saves.
/// </summary>
public static class NearestPlaces
{
    /// <summary>Default number of places listed.</summary>
    public const int DefaultLimit = 5;

    /// <summary>Most places one answer lists.</summary>
    public const int MaxLimit = 50;

    /// <summary>True when the coordinates are a point on Earth (WGS 84 degrees).</summary>
    public static bool IsValid(double lat, double lon) => double.IsFinite(lat) && double.IsFinite(lon) && lat is >= -90 and <= 90 && lon is >= -180 and <= 180;

    /// <summary>The <paramref name="limit"/> places nearest (lat, lon), nearest first; with a mode, only places that handle it.</summary>
    public static IReadOnlyList<NearPlace> Find(RoutingGraph graph, double lat, double lon, Mode? mode, int limit)
    {
        if (!IsValid(lat, lon))
        {
            throw new ArgumentOutOfRangeException(nameof(lat), "latitude must be within ±90 and longitude within ±180 degrees");
        }
        var places = graph.Network.Places;
        var hits = new List<NearPlace>(places.Count);
        for (var i = 0; i < places.Count; i++)
        {
            if (mode is { } m && graph.ArrivalOf(i, m) < 0 && graph.DepartureOf(i, m) < 0)
            {
                continue;
            }
            hits.Add(new NearPlace(i, GreatCircle.DistanceKm(lat, lon, places[i].Latitude, places[i].Longitude)));
        }
        hits.Sort((a, b) => a.DistanceKm != b.DistanceKm ? a.DistanceKm.CompareTo(b.DistanceKm) : a.Place.CompareTo(b.Place));
        return hits.Count > limit ? hits.GetRange(0, Math.Max(0, limit)) : hits;
    }
}

/// <summary>A place near a point, as <c>caravan places --near --json</c> and <c>GET /api/places/nearest</c> answer it.</summary>
/// <param name="Place">The place.</param>
/// <param name="Kind">What it is (terminal, port, …).</param>
/// <param name="DistanceKm">Great-circle distance from the point, km.</param>
public sealed record NearPlaceDocument(Export.PlaceDocument Place, string Kind, double DistanceKm)
{
    /// <summary>The documents of a list of hits.</summary>
    public static NearPlaceDocument[] Of(Network network, IReadOnlyList<NearPlace> hits) =>
        [.. hits.Select(h => new NearPlaceDocument(Export.RouteDocuments.Place(network, h.Place), Data.Gmns.GmnsWriter.KindName(network.Places[h.Place].Kind), Math.Round(h.DistanceKm, 1)))];
}
