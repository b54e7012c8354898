namespace Caravan.Routing;

/// <summary>
/// The best path that uses at least one link of a given corridor: Dijkstra on two layers (corridor not yet used /
/// used), so "what would the Middle Corridor have cost?" has an exact answer.
/// </summary>
public sealed class CorridorForcedSearch
{
    private readonly RoutingGraph _graph;
    private readonly ShortestPathSearch _search;

    /// <summary>Creates a search object for a graph.</summary>
    public CorridorForcedSearch(RoutingGraph graph)
    {
        _graph = graph;
        _search = new ShortestPathSearch(graph);
    }

    /// <summary>
    /// The best path through the corridor, or null. Strict first: besides the corridor's own links only shared
    /// ones (domestic, europe, unlabelled) may be used, so "the Middle Corridor" really crosses the Caspian; if that
    /// finds nothing, any path that touches the corridor at least once.
    /// </summary>
    public int[]? Run(int fromPlace, int toPlace, string corridor, double[] weight, bool[] allowed, ModeSequence? sequence = null) =>
        Run(fromPlace, toPlace, corridor, weight, allowed, strict: true, sequence)
        ?? Run(fromPlace, toPlace, corridor, weight, allowed, strict: false, sequence);

    // The filter and the corridor's edges are built here; the search is the one Dijkstra of the routing graph,
    // on two layers (corridor not yet used / used).
    private int[]? Run(int fromPlace, int toPlace, string corridor, double[] weight, bool[] allowedIn, bool strict, ModeSequence? sequence)
    {
        var g = _graph;
        var inCorridor = new bool[g.EdgeCount];
        var allowed = strict ? new bool[g.EdgeCount] : allowedIn;
        for (var e = 0; e < g.EdgeCount; e++)
        {
            var label = g.IsLinkEdge(e) ? g.Network.Links[g.Ref[e]].Corridor : "";
            inCorridor[e] = g.IsLinkEdge(e) && string.Equals(label, corridor, StringComparison.OrdinalIgnoreCase);
            if (strict)
            {
                allowed[e] = allowedIn[e] && (inCorridor[e] || label.Length == 0 || label is "domestic" or "europe");
            }
        }
        return _search.Run(fromPlace, toPlace, weight, allowed, null, out _, sequence, inCorridor);
    }
}
