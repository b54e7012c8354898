using Caravan.Appraisal;

namespace Caravan.Sweep;

/// <summary>
/// Runs each sweep run as a call to the grain keyed by its content hash. A call that fails because a silo went away
/// is made again (the grain activates on a live silo); runs are deterministic, so a repeat gives the same result.
/// </summary>
/// <param name="grains">The grain factory of a silo or client.</param>
/// <param name="concurrency">Runs in flight.</param>
public sealed class OrleansRunExecutor(IGrainFactory grains, int concurrency) : IRunExecutor
{
    /// <summary>Attempts per run before the sweep fails.</summary>
    public const int MaxAttempts = 8;

    /// <inheritdoc />
    public int Concurrency { get; } = Math.Max(1, concurrency);

    /// <summary>Calls that failed and were made again.</summary>
    public int Retries => _retries;

    private int _retries;

    /// <inheritdoc />
    public async Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellation)
    {
        var json = RunJson.Json(request);
        for (var attempt = 1; ; attempt++)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                var answer = await grains.GetGrain<ISweepRunGrain>(request.Key).Run(json).WaitAsync(cancellation).ConfigureAwait(false);
                return RunJson.Result(answer);
            }
            catch (Exception e) when (attempt < MaxAttempts && IsTransient(e))
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), cancellation).ConfigureAwait(false);
            }
        }
    }

    // Silo loss shows as these; errors of the run itself (bad data) are not worth repeating.
    private static bool IsTransient(Exception e) =>
        e is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException
        || e.GetType().Name is "ConnectionAbortedException" or "GatewayTooBusyException" or "SiloUnavailableException";
}
