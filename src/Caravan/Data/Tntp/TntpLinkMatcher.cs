namespace Caravan.Data.Tntp;

/// <summary>
/// Lines up a <c>_flow</c> file with the links of a <c>_net</c> file. Same order is the norm and is checked first;
/// otherwise links are matched by (tail, head), parallel links in file order.
/// </summary>
public static class TntpLinkMatcher
{
    /// <summary>Returns the flow file's volumes indexed by network link.</summary>
    /// <exception cref="CaravanDataException">A network link has no counterpart in the flow file.</exception>
    public static double[] VolumesByLink(TntpNetwork network, TntpFlows flows, string flowFile)
    {
        var volume = new double[network.LinkCount];
        var sameOrder = flows.LinkCount == network.LinkCount;
        for (var a = 0; sameOrder && a < network.LinkCount; a++)
        {
            sameOrder = flows.Tail[a] == network.Tail[a] && flows.Head[a] == network.Head[a];
        }
        if (sameOrder)
        {
            Array.Copy(flows.Volume, volume, volume.Length);
            return volume;
        }
        var byPair = new Dictionary<(int, int), Queue<int>>();
        for (var i = 0; i < flows.LinkCount; i++)
        {
            var key = (flows.Tail[i], flows.Head[i]);
            if (!byPair.TryGetValue(key, out var queue))
            {
                byPair[key] = queue = new Queue<int>();
            }
            queue.Enqueue(i);
        }
        var bag = new DiagnosticBag();
        for (var a = 0; a < network.LinkCount; a++)
        {
            if (byPair.TryGetValue((network.Tail[a], network.Head[a]), out var queue) && queue.Count > 0)
            {
                volume[a] = flows.Volume[queue.Dequeue()];
            }
            else
            {
                bag.Add(flowFile, 0, "from/to", $"no flow for network link {network.Tail[a]} → {network.Head[a]}");
            }
        }
        bag.ThrowIfErrors();
        return volume;
    }
}
