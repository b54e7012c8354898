using System.Runtime.CompilerServices;

namespace Caravan.Assignment;

/// <summary>The flow shift of Algorithm B: Newton steps from longest to shortest used path segments.</summary>
internal sealed partial class AlgorithmB
{
    /// <summary>
    /// One pass of Newton flow shifts, nodes last to first in topological order. Skipped (returns false) when the
    /// bush's own relative gap is below <paramref name="skipBelowGap"/>, so inner rounds spend time only on the
    /// bushes that are furthest from equilibrium.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Shift(Bush bush, BushWorkspace space, LinkState state, double skipBelowGap, bool labelsReady = false)
    {
        var linkCost = state.Cost;
        var linkDerivative = state.Derivative;
        var bushTstt = labelsReady ? 0 : Labels(bush, space, linkCost);
        if (skipBelowGap > 0 && BushGap(bush, space, bushTstt) < skipBelowGap)
        {
            return false;
        }
        var position = space.Position;
        var order = bush.Order;
        for (var n = 0; n < bush.OrderCount; n++)
        {
            position[order[n]] = n;
        }
        var minCost = space.MinCost;
        var maxCost = space.MaxCost;
        var minPred = space.MinPred;
        var maxPred = space.MaxPred;
        var tail = _network.Tail;
        var links = bush.InLinks;
        var flow = bush.Flow;
        for (var n = bush.OrderCount - 1; n > 0; n--)
        {
            var j = order[n];
            if (maxPred[j] == minPred[j] || maxCost[j] - minCost[j] <= 1e-14 * maxCost[j])
            {
                continue;
            }
            // Walk both paths back to where they diverge, summing cost difference, derivative and the longest path's bottleneck.
            // Both paths end with different links into j, so the first step of each is taken before the loop.
            // Predecessors are slots of the bush's link list: links[slot] is the network link, flow[slot] its bush flow.
            var lastLong = maxPred[j];
            var lastShort = minPred[j];
            int longLink = links[lastLong], shortLink = links[lastShort];
            double longCost = linkCost[longLink], shortCost = linkCost[shortLink];
            double derivativeSum = linkDerivative[longLink] + linkDerivative[shortLink];
            var bottleneck = flow[lastLong];
            int p = tail[longLink], q = tail[shortLink];
            while (p != q)
            {
                if (position[p] > position[q])
                {
                    var k = maxPred[p];
                    var a = links[k];
                    longCost += linkCost[a];
                    derivativeSum += linkDerivative[a];
                    if (flow[k] < bottleneck)
                    {
                        bottleneck = flow[k];
                    }
                    p = tail[a];
                }
                else
                {
                    var a = links[minPred[q]];
                    shortCost += linkCost[a];
                    derivativeSum += linkDerivative[a];
                    q = tail[a];
                }
            }
            var difference = longCost - shortCost;
            if (difference <= 0 || bottleneck <= 0)
            {
                continue;
            }
            var delta = derivativeSum > 0 ? Math.Min(bottleneck, difference / derivativeSum) : bottleneck;
            flow[lastLong] -= delta;
            state.AddFlow(longLink, -delta);
            flow[lastShort] += delta;
            state.AddFlow(shortLink, delta);
            p = tail[longLink];
            q = tail[shortLink];
            while (p != q)
            {
                if (position[p] > position[q])
                {
                    var k = maxPred[p];
                    var a = links[k];
                    flow[k] -= delta;
                    state.AddFlow(a, -delta);
                    p = tail[a];
                }
                else
                {
                    var k = minPred[q];
                    var a = links[k];
                    flow[k] += delta;
                    state.AddFlow(a, delta);
                    q = tail[a];
                }
            }
        }
        for (var n = 0; n < bush.OrderCount; n++)
        {
            position[order[n]] = -1;
        }
        return true;
    }
}
