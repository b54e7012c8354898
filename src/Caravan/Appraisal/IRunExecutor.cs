namespace Caravan.Appraisal;

/// <summary>Where runs are executed: in this process, or as grain calls on an Orleans cluster.</summary>
public interface IRunExecutor
{
    /// <summary>How many runs to keep in flight at once.</summary>
    int Concurrency { get; }

    /// <summary>Runs one request.</summary>
    Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellation);
}

/// <summary>Where finished runs are kept by key, so an interrupted sweep re-run skips them.</summary>
public interface ISweepRunCache
{
    /// <summary>The stored result of a key, or null.</summary>
    RunResult? Find(string key);

    /// <summary>Keeps a finished run (safe to call from several threads).</summary>
    void Save(RunRequest request, RunResult result);
}

/// <summary>Progress of a sweep.</summary>
/// <param name="Done">Runs finished (computed or found in the store).</param>
/// <param name="Total">Runs known so far (greedy search adds runs round by round).</param>
/// <param name="Skipped">Runs found in the store.</param>
public sealed record SweepProgress(int Done, int Total, int Skipped);

/// <summary>Runs in this process on a thread pool, through one shared <see cref="RunEvaluator"/>.</summary>
/// <param name="evaluator">The evaluator (its network cache is shared by every run).</param>
/// <param name="concurrency">Runs in parallel (default: processor count).</param>
public sealed class LocalRunExecutor(RunEvaluator evaluator, int concurrency = 0) : IRunExecutor
{
    /// <inheritdoc />
    public int Concurrency { get; } = concurrency > 0 ? concurrency : Environment.ProcessorCount;

    /// <inheritdoc />
    public Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellation) =>
        Task.Run(() => evaluator.Run(request, cancellation), cancellation);
}
