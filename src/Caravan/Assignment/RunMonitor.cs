using System.Diagnostics;

namespace Caravan.Assignment;

/// <summary>
/// Shared bookkeeping of every algorithm: the clock, the iteration history, progress callbacks,
/// cancellation and the stop rules (gap, iterations, time), so each algorithm file holds only its idea.
/// </summary>
internal sealed class RunMonitor
{
    private readonly AssignmentOptions _options;
    private readonly Action<IterationReport>? _progress;
    private readonly CancellationToken _cancellation;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<IterationReport> _history = [];

    public RunMonitor(AssignmentOptions options, Action<IterationReport>? progress, CancellationToken cancellation)
    {
        _options = options;
        _progress = progress;
        _cancellation = cancellation;
    }

    public IReadOnlyList<IterationReport> History => _history;
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Throws if the run was cancelled; called inside long loops, not only between iterations.</summary>
    public void ThrowIfCancelled() => _cancellation.ThrowIfCancellationRequested();

    /// <summary>True when the time limit has passed (used by algorithms to cut an inner loop short).</summary>
    public bool OutOfTime => _options.TimeLimit is TimeSpan limit && _clock.Elapsed >= limit;

    /// <summary>Records an iteration and returns the stop reason, or null to continue.</summary>
    public StopReason? Record(int iteration, double gap, double objective, double tstt)
    {
        _cancellation.ThrowIfCancellationRequested();
        if (!double.IsFinite(gap) || !double.IsFinite(objective) || !double.IsFinite(tstt))
        {
            // Ruled out by AssignmentProblem.LinksWithoutFiniteCost; if it ever happens, fail loudly rather than report NaN as a result.
            throw new InvalidOperationException($"iteration {iteration}: relative gap {gap}, objective {objective}, TSTT {tstt} are not all finite");
        }
        var report = new IterationReport(iteration, gap, objective, tstt, _clock.Elapsed);
        _history.Add(report);
        _progress?.Invoke(report);
        if (gap <= _options.TargetRelativeGap)
        {
            return StopReason.GapReached;
        }
        if (iteration >= _options.MaxIterations)
        {
            return StopReason.MaxIterations;
        }
        return OutOfTime ? StopReason.TimeLimit : null;
    }
}
