using System.Runtime.ExceptionServices;

namespace Caravan.Assignment;

/// <summary>
/// Lanes of Algorithm B: the bushes of a pass are taken <see cref="Lanes"/> at a time, each against its own copy of
/// the link state as it was when the group began, and the groups' changes are combined in lane order before the
/// next group starts.
/// </summary>
internal sealed partial class AlgorithmB
{
    /// <summary>
    /// Bushes updated and shifted side by side against one state of the links. Fixed, not tied to the thread count,
    /// so a run gives the same flows on any number of threads: one thread takes the lanes of a group one after the
    /// other, two take one each. Within a group a bush does not see the other lanes' moves of that group, only its
    /// own; every group sees all earlier groups' moves, so a bush is at most <c>Lanes − 1</c> bushes behind the
    /// strictly sequential order of Dial's algorithm. Two, not four: with four, one thread took 22 iterations
    /// instead of 15 on Winnipeg at 1e-8 and ran 10–15% longer on Berlin-Center (bench/RESULTS.md); without the
    /// scale-back of overlapping shifts, four did not converge at all on Barcelona, Winnipeg or ChicagoSketch.
    /// </summary>
    private const int Lanes = 2;

    private readonly LinkState[] _laneStates;
    /// <summary>Threads that run the lanes: the thread count, at most <see cref="Lanes"/>.</summary>
    private readonly int _laneThreads;
    /// <summary>The work items of the current pass, in origin order, and whether each one shifted.</summary>
    private readonly int[] _passItems;
    private readonly bool[] _passShifted;
    private int _passCount;
    private bool _passUpdates;
    private double _passSkipBelow;
    private Exception? _laneFailure;

    /// <summary>
    /// One pass over <c>_passItems[0 .. count)</c>: with <paramref name="update"/>, each bush is updated and shifted;
    /// otherwise only shifted, skipped when its own gap is below <paramref name="skipBelow"/>
    /// (<c>_passShifted</c> records which were).
    /// </summary>
    private void RunPass(int count, bool update, double skipBelow)
    {
        _passCount = count;
        _passUpdates = update;
        _passSkipBelow = skipBelow;
        _laneFailure = null;
        if (_crew is null)
        {
            RunLanes(0, 1);
        }
        else
        {
            _crew.Run(_runLanes ??= RunLanes);
        }
        if (_laneFailure is { } failure)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    private Action<int, int>? _runLanes;
    /// <summary>The lanes' threads while <see cref="Solve"/> runs with more than one; null on one thread.</summary>
    private LaneCrew? _crew;

    /// <summary>
    /// The lanes of thread <paramref name="thread"/> of <paramref name="threads"/> through every group of the pass.
    /// Catches rather than throws, so no thread leaves the others waiting at a step; the first failure is rethrown
    /// after the pass.
    /// </summary>
    private void RunLanes(int thread, int threads)
    {
        var space = _spaces[thread];
        for (var l = thread; l < Lanes; l += threads)
        {
            _laneStates[l].CopyFrom(_state);
        }
        var groups = (_passCount + Lanes - 1) / Lanes;
        for (var g = 0; g < groups; g++)
        {
            for (var l = thread; l < Lanes; l += threads)
            {
                var lane = _laneStates[l];
                if (g > 0)
                {
                    // The links the last group changed, as combined.
                    lane.CopyFrom(_state, _state.Changed, _state.ChangedCount);
                }
                var index = g * Lanes + l;
                var bush = index < _passCount && Volatile.Read(ref _laneFailure) is null ? _bushes[_passItems[index]] : null;
                if (bush is null)
                {
                    lane.BeginShift(null, false);
                    continue;
                }
                try
                {
                    _monitor.ThrowIfCancelled();
                    var labelsReady = _passUpdates && UpdateBush(bush, space, lane);
                    lane.BeginShift(bush, keepFlows: l > 0); // Only a later lane's shift can be scaled back.
                    var shifted = Shift(bush, space, lane, _passUpdates ? 0 : _passSkipBelow, labelsReady);
                    _passShifted[index] = _passUpdates || shifted;
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref _laneFailure, e, null);
                }
                if (l > 0)
                {
                    // Only later lanes' changes are ever added rather than taken; the group's start state is still intact.
                    lane.MeasureChanges(_state);
                }
            }
            if (threads > 1)
            {
                _crew!.Sync();
            }
            else
            {
                CombineLanes();
            }
        }
    }

    /// <summary>
    /// Combines the lanes into the network's link state, lane by lane in order: a link that one lane changed takes
    /// that lane's flow, cost and derivative as they are; a link that several changed takes the first one's and adds
    /// the others' net changes (measured by each lane against the state its group began from), and its cost is
    /// computed again. <c>_state.Changed</c> then lists the links for the lanes to copy back.
    /// <para>
    /// Where a lane's shift moved flow on links an earlier lane of the group also changed, the two moves were
    /// computed without each other, and together they can overshoot (two bushes that each close the same cost
    /// difference move twice the flow that closes it). Such a shift is scaled back by <see cref="ScaleBackShift"/>.
    /// </para>
    /// </summary>
    private void CombineLanes()
    {
        _state.ForgetChanges();
        for (var l = 0; l < _laneStates.Length; l++)
        {
            var lane = _laneStates[l];
            var changed = lane.Changed;
            var delta = lane.ChangeDelta;
            var overlaps = false;
            for (var i = 0; i < lane.ChangedCount; i++)
            {
                var a = changed[i];
                if (!_state.TakeFrom(lane, a))
                {
                    _state.AddFlow(a, delta[i]);
                    overlaps |= i >= lane.ShiftFrom;
                }
            }
            if (overlaps && l > 0 && lane.ShiftedBush is { } bush)
            {
                ScaleBackShift(lane, bush);
            }
            lane.ForgetChanges();
        }
    }

    /// <summary>
    /// Scales a lane's flow shift D, added on top of the earlier lanes' moves, to θ·D when the Beckmann objective
    /// rises at the end of it: h(θ) = Σ cost(x + θD)·D is its slope along D, and h(1) &gt; 0 means the move went past
    /// the minimum. One Newton step back from θ = 1, θ = 1 − h(1)/h′(1), stays on the near side of the minimum since
    /// h is convex for the convex volume-delay functions, and is exact where costs are linear in flow (two bushes
    /// that each closed the same difference are halved). The bush's flows are scaled slot by slot the same way, so
    /// it stays feasible and its links still carry exactly its share.
    /// </summary>
    private void ScaleBackShift(LinkState lane, Bush bush)
    {
        var changed = lane.Changed;
        var delta = lane.ChangeDelta;
        var cost = _state.Cost;
        var derivative = _state.Derivative;
        var slope = 0.0;
        var curvature = 0.0;
        for (var i = lane.ShiftFrom; i < lane.ChangedCount; i++)
        {
            var a = changed[i];
            slope += cost[a] * delta[i];
            curvature += derivative[a] * delta[i] * delta[i];
        }
        if (slope <= 0 || curvature <= 0)
        {
            return;
        }
        var theta = Math.Max(0, 1 - slope / curvature);
        var back = 1 - theta;
        for (var i = lane.ShiftFrom; i < lane.ChangedCount; i++)
        {
            _state.AddFlow(changed[i], -back * delta[i]);
        }
        var flow = bush.Flow;
        var before = lane.BushFlowBefore;
        for (var k = 0; k < bush.LinkCount; k++)
        {
            flow[k] = before[k] + theta * (flow[k] - before[k]);
        }
    }
}
