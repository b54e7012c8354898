namespace Caravan.Routing;

/// <summary>
/// The best path that uses at least one link of a given corridor: Dijkstra on two layers (corridor not yet used /
/// used), so "what would the Middle Corridor have cost?" has an exact answer.
/// </summary>
public sealed class CorridorForcedSearch
{
    private readonly RoutingGraph _graph;
    private readonly ShortestPathSearch _search;

    // Per corridor, computed once per search object: which edges run on it, and which the strict search may use
    // (its own links and the shared ones: domestic, europe, unlabelled).
    private readonly Dictionary<string, (bool[] InCorridor, bool[] StrictOk)> _corridorEdges = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool[] _strictAllowed;

    /// <summary>Creates a search object for a graph.</summary>
    public CorridorForcedSearch(RoutingGraph graph)
    {
        _graph = graph;
        _search = new ShortestPathSearch(graph);
        _strictAllowed = new bool[graph.EdgeCount];
    }

    /// <summary>
    /// The best path through the corridor, or null. Strict first: besides the corridor's own links only shared
    /// ones (domestic, europe, unlabelled) may be used, so "the Middle Corridor" really crosses the Caspian; if that
    /// finds nothing, any path that touches the corridor at least once.
    /// </summary>
    /// <remarks>The locality flags are those of <see cref="RouteRequest.FromLocality"/> and <see cref="RouteRequest.ToLocality"/>.</remarks>
    public int[]? Run(int fromPlace, int toPlace, string corridor, double[] weight, bool[] allowed, ModeSequence? sequence = null, bool fromLocality = false, bool toLocality = false) =>
        Run(fromPlace, toPlace, corridor, weight, allowed, strict: true, sequence, fromLocality, toLocality)
        ?? Run(fromPlace, toPlace, corridor, weight, allowed, strict: false, sequence, fromLocality, toLocality);

    // The filter and the corridor's edges are built here; the search is the one Dijkstra of the routing graph,
    // on two layers (corridor not yet used / used).
    private int[]? Run(int fromPlace, int toPlace, string corridor, double[] weight, bool[] allowedIn, bool strict, ModeSequence? sequence, bool fromLocality, bool toLocality)
    {
        var g = _graph;
        var (inCorridor, strictOk) = EdgesOf(corridor);
        var allowed = strict ? _strictAllowed : allowedIn;
        if (strict)
        {
            for (var e = 0; e < g.EdgeCount; e++)
            {
                allowed[e] = allowedIn[e] && strictOk[e];
            }
        }
        return _search.Run(fromPlace, toPlace, weight, allowed, null, out _, sequence, inCorridor, fromLocality, toLocality);
    }

    private (bool[] InCorridor, bool[] StrictOk) EdgesOf(string corridor)
    {
        if (_corridorEdges.TryGetValue(corridor, out var known))
        {
            return known;
        }
        var g = _graph;
        var inCorridor = new bool[g.EdgeCount];
        var strictOk = new bool[g.EdgeCount];
        for (var e = 0; e < g.EdgeCount; e++)
        {
            var label = g.IsLinkEdge(e) ? g.Network.Links[g.Ref[e]].Corridor : "";
            inCorridor[e] = g.IsLinkEdge(e) && string.Equals(label, corridor, StringComparison.OrdinalIgnoreCase);
            strictOk[e] = inCorridor[e] || label.Length == 0 || label is "domestic" or "europe";
        }
        return _corridorEdges[corridor] = (inCorridor, strictOk);
    }
}
