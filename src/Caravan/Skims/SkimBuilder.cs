using Caravan.Model;
using Caravan.Reliability;
using Caravan.Routing;

namespace Caravan.Skims;

/// <summary>
/// Computes skim matrices with one one-to-all Dijkstra per origin on the objective's weights (not one planner run per
/// pair), then reads every destination's path from the shortest-path tree, summing hours, price, CO2e, distance and
/// the time distribution's moments. Origins run in parallel; each thread has its own search object.
/// </summary>
public sealed class SkimBuilder
{
    private readonly RoutingGraph _graph;
    private readonly string[] _corridors;
    private readonly int[] _edgeCorridor;

    /// <summary>Creates a builder over a compiled graph.</summary>
    public SkimBuilder(RoutingGraph graph)
    {
        _graph = graph;
        var names = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        _edgeCorridor = new int[graph.EdgeCount];
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            _edgeCorridor[e] = -1;
            if (graph.Kind[e] is not (EdgeKind.Move or EdgeKind.Border))
            {
                continue;
            }
            // As Itinerary.Corridor: domestic and europe links do not name the corridor of a route.
            var corridor = graph.Network.Links[graph.Ref[e]].Corridor;
            if (corridor.Length == 0 || corridor == "domestic" || corridor == "europe")
            {
                continue;
            }
            if (!index.TryGetValue(corridor, out var c))
            {
                c = names.Count;
                index[corridor] = c;
                names.Add(corridor);
            }
            _edgeCorridor[e] = c;
        }
        _corridors = [.. names];
    }

    /// <summary>Computes the matrix.</summary>
    public SkimMatrix Build(SkimRequest request, CancellationToken cancellation = default)
    {
        var g = _graph;
        var profile = new QueryProfile(g, request.Commodity, request.Constraints);
        var weights = profile.Weights(request.Objective, request.Weights);
        // Per edge: the random part's mean (wait + dwell mean) for the closed-form p90; the variance is the profile's.
        var randomMean = new double[g.EdgeCount];
        for (var e = 0; e < g.EdgeCount; e++)
        {
            var dwell = g.DwellHours[e] > 0 ? new LogNormalDwell(g.DwellHours[e], Math.Max(g.DwellHours[e], g.DwellP90Hours[e])).Mean : 0;
            randomMean[e] = g.WaitHours[e] + dwell;
        }
        var matrix = new SkimMatrix(request);
        var options = new ParallelOptions { CancellationToken = cancellation };
        Parallel.For(0, request.Origins.Count, options,
            () => new Workspace(g, _corridors.Length),
            (row, _, w) =>
            {
                FillRow(request, matrix, row, profile, weights, randomMean, w);
                return w;
            },
            _ => { });
        return matrix;
    }

    private void FillRow(SkimRequest request, SkimMatrix matrix, int row, QueryProfile profile, double[] weights, double[] randomMean, Workspace w)
    {
        var g = _graph;
        var origin = request.Origins[row];
        w.Search.TreeFrom(origin, weights, profile.Allowed, w.Distance, w.Parent);
        for (var column = 0; column < request.Destinations.Count; column++)
        {
            var destination = request.Destinations[column];
            var cell = matrix.Cell(row, column);
            if (destination == origin)
            {
                matrix.Hours[cell] = 0;
                matrix.P90Hours[cell] = 0;
                matrix.CostUsd[cell] = 0;
                matrix.Co2eKg[cell] = 0;
                matrix.DistanceKm[cell] = 0;
                continue;
            }
            var best = -1;
            var bestDistance = double.PositiveInfinity;
            foreach (var mode in Modes.All)
            {
                var v = g.ArrivalOf(destination, mode);
                if (v >= 0 && w.Distance[v] < bestDistance)
                {
                    best = v;
                    bestDistance = w.Distance[v];
                }
            }
            if (best < 0)
            {
                continue;
            }
            double hours = 0, cost = 0, co2 = 0, km = 0, fixedHours = 0, mean = 0, variance = 0;
            Array.Clear(w.CorridorKm);
            for (var e = w.Parent[best]; e >= 0; e = w.Parent[g.Tail[e]])
            {
                hours += profile.Hours[e];
                cost += profile.CostUsd[e];
                co2 += profile.Co2eKg[e];
                km += g.DistanceKm[e];
                fixedHours += g.MoveHours[e];
                mean += randomMean[e];
                variance += profile.VarianceHours2[e];
                if (_edgeCorridor[e] >= 0)
                {
                    w.CorridorKm[_edgeCorridor[e]] += g.DistanceKm[e];
                }
            }
            var corridor = -1;
            for (var c = 0; c < w.CorridorKm.Length; c++)
            {
                if (w.CorridorKm[c] > 0 && (corridor < 0 || w.CorridorKm[c] > w.CorridorKm[corridor]))
                {
                    corridor = c;
                }
            }
            matrix.Hours[cell] = hours;
            matrix.P90Hours[cell] = Math.Max(hours, AnalyticTransitTime.P90Hours(fixedHours, mean, variance));
            matrix.CostUsd[cell] = cost;
            matrix.Co2eKg[cell] = co2;
            matrix.DistanceKm[cell] = km;
            matrix.Corridor[cell] = corridor < 0 ? "domestic" : _corridors[corridor];
        }
    }

    private sealed class Workspace(RoutingGraph graph, int corridors)
    {
        public ShortestPathSearch Search { get; } = new(graph);

        public double[] Distance { get; } = new double[graph.VertexCount];

        public int[] Parent { get; } = new int[graph.VertexCount];

        public double[] CorridorKm { get; } = new double[corridors];
    }
}
