namespace Caravan.Assignment;

/// <summary>
/// Link flows with the costs and cost derivatives at those flows, as one lane of Algorithm B sees them while it
/// updates and shifts a bush. A lane's copy starts equal to the network's and records which links its moves
/// changed, so the changes of several lanes can be combined in a fixed order afterwards.
/// </summary>
internal sealed class LinkState
{
    private readonly LinkCostModel _costs;
    private readonly int[] _changedMark;
    private int _stamp = 1;

    public LinkState(LinkCostModel costs, int linkCount)
    {
        _costs = costs;
        Flow = new double[linkCount];
        Cost = new double[linkCount];
        Derivative = new double[linkCount];
        Changed = new int[Math.Max(linkCount, 1)];
        ChangeDelta = new double[Changed.Length];
        _changedMark = new int[linkCount];
    }

    /// <summary>Flow per link.</summary>
    public double[] Flow { get; }
    /// <summary>Cost per link at <see cref="Flow"/>.</summary>
    public double[] Cost { get; }
    /// <summary>Cost derivative per link at <see cref="Flow"/>.</summary>
    public double[] Derivative { get; }
    /// <summary>Links whose flow changed since <see cref="ForgetChanges"/>, each once: <c>Changed[0 .. ChangedCount)</c>.</summary>
    public int[] Changed { get; }
    /// <summary>Scratch slot by slot with <see cref="Changed"/>: the lane's net change of each link, filled when lanes are combined.</summary>
    public double[] ChangeDelta { get; }
    /// <summary>How many links <see cref="Changed"/> holds.</summary>
    public int ChangedCount { get; private set; }
    /// <summary>
    /// Where the flow shift of the lane's bush begins in <see cref="Changed"/>: the links before it were dropped by
    /// the bush update, those from it on were moved by the shift (a dropped link has left the bush, so the two sets
    /// are disjoint).
    /// </summary>
    public int ShiftFrom { get; private set; }
    /// <summary>The bush whose shift <see cref="BeginShift"/> recorded, or null.</summary>
    public Bush? ShiftedBush { get; private set; }
    /// <summary>That bush's flows slot by slot before its shift, when kept.</summary>
    public double[] BushFlowBefore { get; private set; } = [];

    /// <summary>Adds to a link's flow, refreshes its cost and derivative and records the link as changed.</summary>
    public void AddFlow(int link, double delta)
    {
        var updated = Flow[link] += delta;
        _costs.CostAndDerivative(link, updated, out Cost[link], out Derivative[link]);
        if (_changedMark[link] != _stamp)
        {
            _changedMark[link] = _stamp;
            Changed[ChangedCount++] = link;
        }
    }

    /// <summary>Computes every link's cost and derivative from its flow again, so rounding from many small updates cannot accumulate.</summary>
    public void RefreshCosts()
    {
        for (var a = 0; a < Flow.Length; a++)
        {
            _costs.CostAndDerivative(a, Flow[a], out Cost[a], out Derivative[a]);
        }
    }

    /// <summary>
    /// Takes <paramref name="lane"/>'s flow, cost and derivative of <paramref name="link"/> and records the link as
    /// changed, unless it is recorded already (then returns false and changes nothing).
    /// </summary>
    public bool TakeFrom(LinkState lane, int link)
    {
        if (_changedMark[link] == _stamp)
        {
            return false;
        }
        _changedMark[link] = _stamp;
        Changed[ChangedCount++] = link;
        Flow[link] = lane.Flow[link];
        Cost[link] = lane.Cost[link];
        Derivative[link] = lane.Derivative[link];
        return true;
    }

    /// <summary>Fills <see cref="ChangeDelta"/>: each changed link's flow here less its flow in <paramref name="origin"/>.</summary>
    public void MeasureChanges(LinkState origin)
    {
        var flow = origin.Flow;
        for (var i = 0; i < ChangedCount; i++)
        {
            var a = Changed[i];
            ChangeDelta[i] = Flow[a] - flow[a];
        }
    }

    /// <summary>
    /// Marks the start of <paramref name="bush"/>'s flow shift in the record of changes and, with
    /// <paramref name="keepFlows"/>, keeps its flows so the shift can be scaled back when lanes are combined.
    /// A null bush records that no shift follows.
    /// </summary>
    public void BeginShift(Bush? bush, bool keepFlows)
    {
        ShiftFrom = ChangedCount;
        ShiftedBush = bush;
        if (bush is not null && keepFlows)
        {
            if (BushFlowBefore.Length < bush.LinkCount)
            {
                BushFlowBefore = new double[Math.Max(bush.LinkCount, BushFlowBefore.Length + BushFlowBefore.Length / 4)];
            }
            Array.Copy(bush.Flow, BushFlowBefore, bush.LinkCount);
        }
    }

    /// <summary>Starts a new record of changed links (the marks are stamps, so this costs nothing per link).</summary>
    public void ForgetChanges()
    {
        ChangedCount = 0;
        ShiftFrom = 0;
        ShiftedBush = null;
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_changedMark);
            _stamp = 1;
        }
    }

    /// <summary>Makes this copy equal to <paramref name="source"/> on every link and forgets the changes.</summary>
    public void CopyFrom(LinkState source)
    {
        Array.Copy(source.Flow, Flow, Flow.Length);
        Array.Copy(source.Cost, Cost, Cost.Length);
        Array.Copy(source.Derivative, Derivative, Derivative.Length);
        ForgetChanges();
    }

    /// <summary>Makes this copy equal to <paramref name="source"/> on the given links.</summary>
    public void CopyFrom(LinkState source, int[] links, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var a = links[i];
            Flow[a] = source.Flow[a];
            Cost[a] = source.Cost[a];
            Derivative[a] = source.Derivative[a];
        }
    }
}
