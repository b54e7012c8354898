using Caravan.Model;
using Caravan.Routing;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace Caravan.Export;

/// <summary>Routes and networks as GeoJSON feature collections (NetTopologySuite geometries, WGS 84 lon/lat).</summary>
public static class RouteGeoJson
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>One feature per leg: lines for moves and borders, points for transfers and waits.</summary>
    public static FeatureCollection Route(Network network, Itinerary itinerary, int routeIndex = 0)
    {
        var fc = new FeatureCollection();
        var doc = RouteDocuments.Route(network, itinerary);
        for (var i = 0; i < itinerary.Legs.Count; i++)
        {
            var leg = itinerary.Legs[i];
            var a = network.Places[leg.From];
            var b = network.Places[leg.To];
            Geometry geometry = leg.From == leg.To
                ? Factory.CreatePoint(new Coordinate(a.Longitude, a.Latitude))
                : Factory.CreateLineString([new Coordinate(a.Longitude, a.Latitude), new Coordinate(b.Longitude, b.Latitude)]);
            var d = doc.Legs[i];
            var attributes = new AttributesTable
            {
                { "route", routeIndex },
                { "leg", i },
                { "kind", d.Kind },
                { "mode", d.Mode },
                { "from", a.Code },
                { "fromName", a.Name },
                { "to", b.Code },
                { "toName", b.Name },
                { "distanceKm", d.DistanceKm },
                { "hours", d.Hours },
                { "costUsd", d.CostUsd },
                { "co2eKg", d.Co2eKg },
                { "description", d.Description },
                { "corridor", d.Corridor ?? "" },
            };
            fc.Add(new Feature(geometry, attributes));
        }
        return fc;
    }

    /// <summary>
    /// The whole network: a point per place, a line per link (crossings included). Each feature's <c>layer</c>
    /// property (places, links, crossings) names its layer, one geometry type per layer, so
    /// <c>ogr2ogr -where "layer='links'"</c> splits it; missing values are null, never 0.
    /// </summary>
    public static FeatureCollection Network(Network network, Func<Link, bool>? include = null)
    {
        var fc = new FeatureCollection();
        foreach (var p in network.Places)
        {
            fc.Add(new Feature(Factory.CreatePoint(new Coordinate(p.Longitude, p.Latitude)), new AttributesTable
            {
                { "type", "place" },
                { "layer", "places" },
                { "code", p.Code },
                { "name", p.Name },
                { "country", p.Country },
                { "kind", p.Kind.ToString() },
            }));
        }
        foreach (var l in network.Links)
        {
            if (include is not null && !include(l))
            {
                continue;
            }
            var a = network.Places[l.From];
            var b = network.Places[l.To];
            var attributes = new AttributesTable
            {
                { "type", l.IsCrossing ? "crossing" : "link" },
                { "layer", l.IsCrossing ? "crossings" : "links" },
                { "id", l.Id },
                { "mode", l.Mode.ToString() },
                { "from", a.Code },
                { "to", b.Code },
                { "distanceKm", l.DistanceKm },
                { "status", l.Status.ToString().ToLowerInvariant() },
                { "openingYear", l.OpeningYear },
                { "corridor", l.Corridor.Length == 0 ? null : l.Corridor },
                { "capacityPerYear", l.CapacityPerYear },
                { "capacityUnit", l.CapacityUnit.Length == 0 ? null : l.CapacityUnit },
            };
            fc.Add(new Feature(Factory.CreateLineString([new Coordinate(a.Longitude, a.Latitude), new Coordinate(b.Longitude, b.Latitude)]), attributes));
        }
        return fc;
    }

    /// <summary>Serializes a feature collection to GeoJSON text.</summary>
    public static string Write(FeatureCollection features, bool indented = true)
    {
        var options = new System.Text.Json.JsonSerializerOptions { WriteIndented = indented, TypeInfoResolver = GeoJsonContext.Default };
        options.Converters.Add(new NetTopologySuite.IO.Converters.GeoJsonConverterFactory());
        return System.Text.Json.JsonSerializer.Serialize(features, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<FeatureCollection>)options.GetTypeInfo(typeof(FeatureCollection)));
    }
}
