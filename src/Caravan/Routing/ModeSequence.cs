using Caravan.Model;

namespace Caravan.Routing;

/// <summary>
/// A commodity's rule for the order of modes along a route, as a three-phase automaton the searches carry in their
/// state: phase 0 before the main haul (road pre-carriage), phase 1 on it (rail, sea, air, pipeline), phase 2 after it
/// (road on-carriage). Road after the main haul ends it: a route never leaves rail for a truck and comes back to rail
/// (the rail–truck–rail chains nobody sells); ferries, transfers, stays carry any phase on.
/// </summary>
public sealed class ModeSequence
{
    /// <summary>Number of phases a search state multiplies by.</summary>
    public const int Phases = 3;

    private const sbyte Neutral = 0;
    private const sbyte RoadEdge = 1;
    private const sbyte MainEdge = 2;

    private readonly sbyte[]? _class;

    /// <summary>The rule the sequence enforces.</summary>
    public RoadRule Rule { get; }

    /// <summary>No rule: every phase step is free (one phase is used).</summary>
    public static ModeSequence Unrestricted { get; } = new(RoadRule.Any, null);

    private ModeSequence(RoadRule rule, sbyte[]? edgeClass)
    {
        Rule = rule;
        _class = edgeClass;
    }

    /// <summary>The sequence rule of a commodity on a graph.</summary>
    public static ModeSequence For(RoutingGraph graph, CommodityInfo info)
    {
        if (info.RoadRule == RoadRule.Any)
        {
            return Unrestricted;
        }
        var cls = new sbyte[graph.EdgeCount];
        for (var e = 0; e < cls.Length; e++)
        {
            if (!graph.IsLinkEdge(e))
            {
                continue;
            }
            var m = graph.EdgeMode[e];
            cls[e] = m == Mode.Road ? RoadEdge : m == Mode.Ferry ? Neutral : MainEdge;
        }
        return new ModeSequence(info.RoadRule, cls);
    }

    /// <summary>True when the rule constrains anything (searches then run on phases).</summary>
    public bool IsActive => _class is not null;

    /// <summary>The phase after taking <paramref name="edge"/> in <paramref name="phase"/>, or -1 when the rule forbids it.</summary>
    public int Next(int phase, int edge)
    {
        if (_class is null)
        {
            return phase;
        }
        return _class[edge] switch
        {
            RoadEdge => phase == 0 ? 0 : 2,
            MainEdge => phase == 2 ? -1 : 1,
            _ => phase,
        };
    }

    /// <summary>True when a route may end in <paramref name="phase"/>: an access rule needs the main haul.</summary>
    public bool Accepts(int phase) => Rule != RoadRule.Access || phase >= 1;
}
