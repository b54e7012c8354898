using System.Text.Json;
using Caravan.Appraisal;
using Caravan.Json;
using Caravan.Store;

namespace Caravan.Sweep;

/// <summary>
/// Keeps sweep runs in the run store, one run each: an <c>assign</c> run (each is a freight assignment) whose
/// scenario is <c>sweep:&lt;spec&gt;:&lt;portfolio&gt;</c>, whose content hash is the run key, with the request as
/// parameters and the result as summary. A re-run of the sweep finds finished keys here and skips them.
/// </summary>
public sealed class SweepRunStore : ISweepRunCache
{
    /// <summary>Prefix of the scenario name of every stored sweep run.</summary>
    public const string ScenarioPrefix = "sweep:";

    private readonly IRunStore _store;
    private readonly string _sweep;
    private readonly Dictionary<string, string> _summaries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Opens the sweep's view of a run store: reads the keys of every stored sweep run of the current model version.</summary>
    public SweepRunStore(IRunStore store, string sweepName)
    {
        _store = store;
        _sweep = sweepName;
        foreach (var run in store.List(int.MaxValue))
        {
            if (run.Kind == RunKind.Assign && run.ScenarioA.StartsWith(ScenarioPrefix, StringComparison.Ordinal) && run.SummaryJson.Contains(RunKeys.ModelVersion, StringComparison.Ordinal))
            {
                _summaries.TryAdd(run.ContentHashA, run.SummaryJson);
            }
        }
    }

    /// <summary>Finished runs found in the store.</summary>
    public int Count => _summaries.Count;

    /// <inheritdoc />
    public RunResult? Find(string key)
    {
        lock (_lock)
        {
            if (!_summaries.TryGetValue(key, out var json))
            {
                return null;
            }
            try
            {
                var result = RunJson.Result(json);
                return result.Key == key && result.ModelVersion == RunKeys.ModelVersion ? result : null;
            }
            catch (JsonException)
            {
                // A summary this version cannot read is run again, not trusted.
                return null;
            }
        }
    }

    /// <inheritdoc />
    public void Save(RunRequest request, RunResult result)
    {
        var label = request.Projects.Count == 0 ? SweepRunner.DoNothing : string.Join('+', request.Projects);
        var parameters = RunJson.Json(request with { Overlays = [] });
        var summary = RunJson.Json(result);
        lock (_lock)
        {
            _store.Save(new NewRun(RunKind.Assign, $"{ScenarioPrefix}{_sweep}:{label}", request.Key, request.Future.Id, request.NetworkHash, parameters, summary), []);
            _summaries[request.Key] = summary;
        }
    }
}
