namespace Caravan.Routing;

/// <summary>What an edge of the routing graph stands for.</summary>
public enum EdgeKind : byte
{
    /// <summary>Moving along a link.</summary>
    Move,
    /// <summary>Crossing a border (a crossing link, with dwell).</summary>
    Border,
    /// <summary>A transfer at a place between two modes (gauge change, rail→ferry…): arrival of one mode → departure of the other.</summary>
    Transfer,
    /// <summary>Carrying on through a place in the same mode: its arrival vertex → its departure vertex, free.</summary>
    Stay,
}
