using Caravan.Routing;

namespace Caravan.Freight.Choice;

/// <summary>
/// Finds the competitive options of one OD flow: per mode group the cheapest path in the class's generalized cost, then
/// further corridors by the link-penalty method (the edges of each found path cost <see cref="PenaltyFactor"/> times
/// more in the next search), keeping distinct paths within <see cref="MaxCostRatio"/> of the group's best.
/// </summary>
public sealed class ChoiceSetBuilder
{
    /// <summary>Factor on the edges of a found path for the next search.</summary>
    public const double PenaltyFactor = 1.6;

    /// <summary>Options costlier than this multiple of their group's best are not competitive and are left out.</summary>
    public const double MaxCostRatio = 1.5;

    /// <summary>Re-searches when a group's cheapest path does not use the group's own mode.</summary>
    public const int MaxDetours = 4;

    private readonly RoutingGraph _graph;
    private readonly ShortestPathSearch _search;
    private readonly double[] _weight;

    /// <summary>Creates a builder for a graph (one per thread).</summary>
    public ChoiceSetBuilder(RoutingGraph graph)
    {
        _graph = graph;
        _search = new ShortestPathSearch(graph);
        _weight = new double[graph.EdgeCount];
    }

    /// <summary>
    /// Adds to <paramref name="routes"/> the options of every group of the class not yet in it.
    /// </summary>
    /// <param name="origin">Origin place.</param>
    /// <param name="destination">Destination place.</param>
    /// <param name="costs">The class's edge costs.</param>
    /// <param name="groups">Groups to search.</param>
    /// <param name="shadowUsdPerTonne">Shadow price per edge added to the cost (null = none).</param>
    /// <param name="alternativesPerGroup">Searches per group (1 = only the best path).</param>
    /// <param name="routes">Routes found so far; new distinct ones are appended.</param>
    /// <returns>Number of routes added.</returns>
    public int Add(int origin, int destination, ClassCosts costs, IReadOnlyList<ModeGroup> groups, double[]? shadowUsdPerTonne, int alternativesPerGroup, List<ChoiceRoute> routes)
    {
        var added = 0;
        var g = _graph;
        foreach (var group in groups)
        {
            var allowed = costs.Allowed[(int)group];
            for (var e = 0; e < _weight.Length; e++)
            {
                _weight[e] = costs.CostUsdPerTonne[e] + (shadowUsdPerTonne?[e] ?? 0);
            }
            var best = double.PositiveInfinity;
            var detours = 0;
            for (var k = 0; k < alternativesPerGroup; k++)
            {
                var path = _search.Run(origin, destination, _weight, allowed, null, out _);
                if (path is null)
                {
                    break;
                }
                var route = Describe(path, group, costs);
                if (route is null)
                {
                    // The cheapest path of the group's edges never used its own mode (a sea-group path that stayed on
                    // the land feeders): make those edges dear and look again, a few times.
                    if (++detours > MaxDetours)
                    {
                        break;
                    }
                    foreach (var e in path)
                    {
                        _weight[e] *= 10;
                    }
                    k--;
                    continue;
                }
                var trueCost = route.BaseCostUsdPerTonne + Shadow(path, shadowUsdPerTonne);
                best = Math.Min(best, trueCost);
                if (trueCost <= MaxCostRatio * best && !Contains(routes, path))
                {
                    routes.Add(route);
                    added++;
                }
                foreach (var e in path)
                {
                    if (ClassCosts.IsLink(g, e))
                    {
                        _weight[e] *= PenaltyFactor;
                    }
                }
            }
        }
        return added;
    }

    private static double Shadow(int[] path, double[]? shadow)
    {
        if (shadow is null)
        {
            return 0;
        }
        var s = 0.0;
        foreach (var e in path)
        {
            s += shadow[e];
        }
        return s;
    }

    private static bool Contains(List<ChoiceRoute> routes, int[] path)
    {
        foreach (var r in routes)
        {
            if (r.Edges.AsSpan().SequenceEqual(path))
            {
                return true;
            }
        }
        return false;
    }

    private ChoiceRoute? Describe(int[] path, ModeGroup group, ClassCosts costs)
    {
        var g = _graph;
        bool main = false, sea = false, land = false, ferry = false;
        double cost = 0, tariff = 0, hours = 0, km = 0;
        var kmByCorridor = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in path)
        {
            cost += costs.CostUsdPerTonne[e];
            tariff += costs.TariffUsdPerTonne[e];
            hours += costs.Profile.Hours[e];
            km += g.DistanceKm[e];
            if (!ClassCosts.IsLink(g, e))
            {
                continue;
            }
            var mode = g.EdgeMode[e];
            main |= group.IsMain(mode, ClassCosts.IsSeaLeg(g, e, costs.Commodity));
            sea |= mode == Model.Mode.Sea;
            ferry |= mode == Model.Mode.Ferry;
            land |= mode is Model.Mode.Rail1435 or Model.Mode.Rail1520 or Model.Mode.Road;
            var label = g.Network.Links[g.Ref[e]].Corridor;
            kmByCorridor[label] = kmByCorridor.GetValueOrDefault(label) + g.DistanceKm[e];
        }
        // A route of a group must use the group's own mode (a sea route that never goes to sea is a rail route);
        // a tanker or feeder crossing of the Caspian with no land leg is a sea route too.
        if (!main && !(group == ModeGroup.Sea && sea && !land))
        {
            return null;
        }
        var water = group is ModeGroup.Rail or ModeGroup.Road && (sea || ferry);
        return new ChoiceRoute(path, group, CorridorOf(kmByCorridor), Math.Max(cost, 1e-6), tariff, hours, km, water);
    }

    /// <summary>The corridor with the most kilometres; the generic labels (domestic, europe) only when nothing else is on the path.</summary>
    public static string CorridorOf(IReadOnlyDictionary<string, double> kmByCorridor)
    {
        string best = "", generic = "";
        double bestKm = -1, genericKm = -1;
        foreach (var (label, km) in kmByCorridor.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var isGeneric = label.Length == 0 || label.Equals("domestic", StringComparison.OrdinalIgnoreCase) || label.Equals("europe", StringComparison.OrdinalIgnoreCase);
            if (isGeneric ? km > genericKm : km > bestKm)
            {
                if (isGeneric)
                {
                    (generic, genericKm) = (label, km);
                }
                else
                {
                    (best, bestKm) = (label, km);
                }
            }
        }
        return bestKm >= 0 ? best : generic;
    }
}
