namespace Caravan.Sweep;

/// <summary>
/// One sweep run as a grain, keyed by the run's content hash: calling it twice gives the same result, wherever it
/// is activated. Requests and results cross the wire as the engine's JSON documents (<see cref="Caravan.Appraisal.RunRequest"/>,
/// <see cref="Caravan.Appraisal.RunResult"/>), so a silo needs no Orleans serializers for engine types.
/// </summary>
public interface ISweepRunGrain : IGrainWithStringKey
{
    /// <summary>Runs the request (JSON of a <see cref="Caravan.Appraisal.RunRequest"/>) and answers its result as JSON.</summary>
    Task<string> Run(string requestJson);
}
