namespace Caravan.Assignment;

/// <summary>The relative gap of Algorithm B: exact shortest paths per origin, warm-started from its bush.</summary>
internal sealed partial class AlgorithmB
{
    /// <summary>Relative gap of one bush: (its cost − its demand on shortest bush paths) / the latter.</summary>
    private double BushGap(Bush bush, BushWorkspace space, double bushTstt)
    {
        var od = _problem.Classes[bush.ClassPosition].Demand;
        var zoneNode = _network.ZoneNode;
        var minCost = space.MinCost;
        var sptt = 0.0;
        for (var k = od.OriginStart[bush.Origin]; k < od.OriginStart[bush.Origin + 1]; k++)
        {
            sptt += od.Demand[k] * minCost[zoneNode[od.Destination[k]]];
        }
        return sptt > 0 ? (bushTstt - sptt) / sptt : 0;
    }

    /// <summary>
    /// SPTT for the gap, in parallel over bushes: each origin's exact shortest paths, warm-started from its bush's
    /// shortest-path labels. Also records each bush's excess over its shortest paths, which decides whether the
    /// next iteration updates it. Read-only on shared state, so workers need no locks; each origin's sum is kept apart and
    /// the sums are added in origin order, so the gap does not depend on the thread count.
    /// </summary>
    private double ShortestPathTravelTime()
    {
        var workers = _spaces.Length;
        _work.Run(workers, (w, item) =>
        {
            var bush = _bushes[item];
            var distance = _spaces[w].MinCost;
            var bushCost = ShortestBushCosts(bush, distance);
            _gapSearches[w].Run(bush.Root, distance, bush.Order.AsSpan(0, bush.OrderCount), _state.Cost, bush.ClassIndex);
            var od = _problem.Classes[bush.ClassPosition].Demand;
            var zoneNode = _network.ZoneNode;
            var sum = 0.0;
            for (var k = od.OriginStart[bush.Origin]; k < od.OriginStart[bush.Origin + 1]; k++)
            {
                sum += od.Demand[k] * distance[zoneNode[od.Destination[k]]];
            }
            _gapSums[item] = sum;
            _bushExcess[item] = sum > 0 ? (bushCost - sum) / sum : 0;
        });
        var total = 0.0;
        foreach (var s in _gapSums)
        {
            total += s;
        }
        return total;
    }
}
