namespace Caravan.Routing.Hierarchy;

/// <summary>
/// A contraction hierarchy of a <see cref="CompactGraph"/> (Geisberger et al. 2008): vertices contracted one by one
/// in order of a priority, with a shortcut wherever a local witness search finds no path avoiding the contracted
/// vertex. Vertices are renumbered by rank, highest first (position 0 is the last contracted), so the downward
/// sweep of <see cref="PhastSearch"/> reads its arrays front to back. Immutable; queries keep their state elsewhere.
/// </summary>
public sealed class ContractionHierarchy
{
    internal ContractionHierarchy(int[] position, CompactGraph up, CompactGraph downIn, int shortcuts)
    {
        Position = position;
        Up = up;
        DownIn = downIn;
        ShortcutCount = shortcuts;
    }

    /// <summary>Number of vertices.</summary>
    public int VertexCount => Position.Length;

    /// <summary>Position of each original vertex in rank order, highest rank first.</summary>
    public int[] Position { get; }

    /// <summary>Arcs from each position to higher-ranked positions (the forward upward graph), by position.</summary>
    public CompactGraph Up { get; }

    /// <summary>
    /// For each position, the arcs into it from higher-ranked positions, stored as out-arcs to them: the backward
    /// upward graph, and what the downward sweep relaxes.
    /// </summary>
    public CompactGraph DownIn { get; }

    /// <summary>Number of shortcuts the contraction added.</summary>
    public int ShortcutCount { get; }

    /// <summary>Builds the hierarchy (single-threaded and deterministic: the same graph gives the same hierarchy).</summary>
    /// <param name="graph">The graph; parallel arcs keep the lightest, loops are dropped.</param>
    /// <param name="witnessSettleLimit">Vertices a witness search may settle before it gives up (and a shortcut is added).</param>
    public static ContractionHierarchy Build(CompactGraph graph, int witnessSettleLimit = 500) =>
        new HierarchyBuilder(graph, witnessSettleLimit).Build();
}
