namespace Caravan.Routing.Hierarchy;

/// <summary>
/// A directed graph with non-negative integer arc weights in flat CSR arrays (<see cref="FirstOut"/>,
/// <see cref="Head"/>, <see cref="Weight"/>): no object per vertex or arc, so a graph of 10M vertices and 40M arcs
/// costs 4 bytes per vertex and 8 per arc. Immutable once built; searches keep their state elsewhere.
/// </summary>
public sealed class CompactGraph
{
    private CompactGraph(int[] firstOut, int[] head, uint[] weight)
    {
        FirstOut = firstOut;
        Head = head;
        Weight = weight;
    }

    /// <summary>Number of vertices.</summary>
    public int VertexCount => FirstOut.Length - 1;

    /// <summary>Number of arcs.</summary>
    public int ArcCount => Head.Length;

    /// <summary>CSR offsets: the out-arcs of vertex v are <c>FirstOut[v] .. FirstOut[v+1]-1</c>.</summary>
    public int[] FirstOut { get; }

    /// <summary>Head (target vertex) of each arc.</summary>
    public int[] Head { get; }

    /// <summary>Weight of each arc.</summary>
    public uint[] Weight { get; }

    /// <summary>
    /// Builds the graph from parallel arc arrays (any order; parallel arcs and loops are kept) by a stable counting
    /// sort on the tail, so the out-arcs of a vertex keep their input order.
    /// </summary>
    /// <param name="vertexCount">Number of vertices; every tail and head lies in [0, vertexCount).</param>
    /// <param name="arcCount">Number of arcs to take from the front of the arrays.</param>
    /// <param name="tail">Tail of each arc.</param>
    /// <param name="head">Head of each arc.</param>
    /// <param name="weight">Weight of each arc.</param>
    public static CompactGraph FromArcs(int vertexCount, int arcCount, int[] tail, int[] head, uint[] weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(vertexCount);
        if (arcCount < 0 || arcCount > tail.Length || arcCount > head.Length || arcCount > weight.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(arcCount), $"arc count {arcCount} exceeds the arc arrays");
        }
        var firstOut = new int[vertexCount + 1];
        for (var a = 0; a < arcCount; a++)
        {
            var t = tail[a];
            var h = head[a];
            if ((uint)t >= (uint)vertexCount || (uint)h >= (uint)vertexCount)
            {
                throw new ArgumentOutOfRangeException(nameof(tail), $"arc {a} ({t}→{h}) lies outside the {vertexCount} vertices");
            }
            firstOut[t + 1]++;
        }
        for (var v = 0; v < vertexCount; v++)
        {
            firstOut[v + 1] += firstOut[v];
        }
        var sortedHead = new int[arcCount];
        var sortedWeight = new uint[arcCount];
        var next = new int[vertexCount];
        Array.Copy(firstOut, next, vertexCount);
        for (var a = 0; a < arcCount; a++)
        {
            var slot = next[tail[a]]++;
            sortedHead[slot] = head[a];
            sortedWeight[slot] = weight[a];
        }
        return new CompactGraph(firstOut, sortedHead, sortedWeight);
    }

    /// <summary>The same graph with every arc reversed (the in-arcs of each vertex become its out-arcs).</summary>
    public CompactGraph Reversed()
    {
        var n = VertexCount;
        var tail = new int[ArcCount];
        for (var v = 0; v < n; v++)
        {
            for (var a = FirstOut[v]; a < FirstOut[v + 1]; a++)
            {
                tail[a] = v;
            }
        }
        return FromArcs(n, ArcCount, Head, tail, Weight);
    }
}
