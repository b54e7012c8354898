namespace Caravan.Routing;

/// <summary>What an edge of the routing graph stands for.</summary>
public enum EdgeKind : byte
{
    /// <summary>Moving along a link.</summary>
    Move,
    /// <summary>Crossing a border (a crossing link, with dwell).</summary>
    Border,
    /// <summary>A transfer at a place between two modes (gauge change, rail→ferry…).</summary>
    Transfer,
}
