using Caravan.Freight;

namespace Caravan.Services;

/// <summary>A bottleneck as the assignment summaries list it (<c>caravan assign --json</c>, <c>GET /api/assignments/{id}</c>).</summary>
/// <param name="Id">Link id, or the transfer's place and kind.</param>
/// <param name="Kind">move, border or transfer.</param>
/// <param name="Mode">Mode name.</param>
/// <param name="From">From place code.</param>
/// <param name="To">To place code.</param>
/// <param name="Corridor">Corridor label.</param>
/// <param name="FlowTonnes">Flow, tonnes per year, rounded to whole tonnes.</param>
/// <param name="CapacityTonnes">Capacity, tonnes per year (null if none published).</param>
/// <param name="Utilisation">Flow over capacity (null if uncapacitated).</param>
/// <param name="DelayHours">Congested minus free-flow hours.</param>
public sealed record BottleneckSummary(string Id, string Kind, string Mode, string From, string To, string Corridor, double FlowTonnes, double? CapacityTonnes, double? Utilisation, double DelayHours);

/// <summary>A GeoJSON FeatureCollection of link flows.</summary>
/// <param name="Type">Always <c>FeatureCollection</c>.</param>
/// <param name="Features">One LineString per link direction with flow.</param>
public sealed record FlowFeatureCollection(string Type, IReadOnlyList<FlowFeature> Features);

/// <summary>One link direction with flow, as a GeoJSON Feature.</summary>
/// <param name="Type">Always <c>Feature</c>.</param>
/// <param name="Geometry">The straight line between the link's places.</param>
/// <param name="Properties">The link's flow.</param>
public sealed record FlowFeature(string Type, LineGeometry Geometry, FlowProperties Properties);

/// <summary>A GeoJSON LineString.</summary>
/// <param name="Type">Always <c>LineString</c>.</param>
/// <param name="Coordinates">[longitude, latitude] pairs, degrees.</param>
public sealed record LineGeometry(string Type, double[][] Coordinates);

/// <summary>The properties of a flow feature (what the map sizes and colours by).</summary>
/// <param name="Id">Link id.</param>
/// <param name="Kind">move or border.</param>
/// <param name="Mode">Mode name.</param>
/// <param name="From">From place code.</param>
/// <param name="To">To place code.</param>
/// <param name="Corridor">Corridor label.</param>
/// <param name="FlowTonnes">Flow, tonnes per year, to 0.1 t.</param>
/// <param name="CapacityTonnes">Capacity, tonnes per year; 0 where none is published.</param>
/// <param name="Utilisation">Flow over capacity to 4 decimals; -1 where no capacity is published.</param>
public sealed record FlowProperties(string Id, string Kind, string Mode, string From, string To, string Corridor, double FlowTonnes, double CapacityTonnes, double Utilisation);

/// <summary>
/// The documents of a freight assignment, built once for every door: the CLI's <c>assign --demand --json</c> and
/// <c>--out-geojson</c>, and the web's assignment runs.
/// </summary>
public static class AssignmentService
{
    /// <summary>The first <paramref name="top"/> bottlenecks of a report.</summary>
    public static IReadOnlyList<BottleneckSummary> Bottlenecks(FreightAssignmentReport report, int top)
    {
        var count = Math.Min(Math.Max(top, 0), report.Bottlenecks.Count);
        var list = new BottleneckSummary[count];
        for (var i = 0; i < count; i++)
        {
            var b = report.Bottlenecks[i];
            list[i] = new BottleneckSummary(b.Id, b.Kind, b.Mode.ToString(), b.From, b.To, b.Corridor, Math.Round(b.FlowTonnes), b.CapacityTonnes, b.Utilisation, b.CongestedHours - b.FreeFlowHours);
        }
        return list;
    }

    /// <summary>Total demand of the model, tonnes per year.</summary>
    public static double DemandTonnes(FreightModel model)
    {
        var sum = 0.0;
        foreach (var d in model.Demand)
        {
            sum += d.Tonnes;
        }
        return sum;
    }

    /// <summary>Link flows as GeoJSON: one LineString per link direction with flow (transfers left out).</summary>
    public static FlowFeatureCollection Flows(FreightModel model, FreightAssignmentReport report)
    {
        var g = model.Graph;
        var features = new List<FlowFeature>();
        foreach (var l in report.Links)
        {
            if (l.FlowTonnes <= 0 || l.Kind == "transfer")
            {
                continue;
            }
            var a = model.Network.Places[g.VertexPlace[g.Tail[l.Edge]]];
            var b = model.Network.Places[g.VertexPlace[g.Head[l.Edge]]];
            features.Add(new FlowFeature(
                "Feature",
                new LineGeometry("LineString", [[a.Longitude, a.Latitude], [b.Longitude, b.Latitude]]),
                new FlowProperties(l.Id, l.Kind, l.Mode.ToString(), l.From, l.To, l.Corridor, Math.Round(l.FlowTonnes, 1), l.CapacityTonnes ?? 0, l.Utilisation is { } u ? Math.Round(u, 4) : -1)));
        }
        return new FlowFeatureCollection("FeatureCollection", features);
    }
}
