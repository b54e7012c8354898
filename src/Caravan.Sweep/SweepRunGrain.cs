using Caravan.Appraisal;
using Orleans.Placement;

namespace Caravan.Sweep;

/// <summary>
/// Runs one sweep run on the silo's shared <see cref="RunEvaluator"/> (one network per scenario hash per silo).
/// Placed on the silo with the fewest activations, so runs spread over the cluster; deactivated once answered, as
/// the result is kept by the caller's run store, not in the grain.
/// </summary>
[ActivationCountBasedPlacement]
public sealed class SweepRunGrain(RunEvaluator evaluator) : Grain, ISweepRunGrain
{
    /// <inheritdoc />
    public async Task<string> Run(string requestJson)
    {
        var request = RunJson.Request(requestJson);
        if (request.Key != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"run {request.Key} sent to grain {this.GetPrimaryKeyString()}");
        }
        // The choice model is CPU-bound for a few tenths of a second: off the grain scheduler's threads.
        var result = await Task.Run(() => evaluator.Run(request)).ConfigureAwait(true);
        DeactivateOnIdle();
        return RunJson.Json(result);
    }
}
