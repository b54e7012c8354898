using Caravan.Comparison;
using Caravan.Data;
using Caravan.Scenarios;

namespace Caravan.Services;

/// <summary>A comparison as asked, in text: the two scenarios, the objective and the year.</summary>
public sealed record ComparisonQuery
{
    /// <summary>Scenario A (default <c>base</c>).</summary>
    public string? A { get; init; }

    /// <summary>Scenario B (required).</summary>
    public string? B { get; init; }

    /// <summary>recommended (default, generalized cost), time, cost or co2.</summary>
    public string? Optimize { get; init; }

    /// <summary>Year of travel (default: the engine's one clock).</summary>
    public string? Year { get; init; }
}

/// <summary>
/// Finds a scenario by name for a comparison, as the host holds them (the CLI reads the data folder, the server
/// keeps compiled scenarios): the scenario, or an <see cref="ErrorCode.UnknownScenario"/> /
/// <see cref="ErrorCode.ScenarioUnloadable"/> error for <paramref name="field"/>.
/// </summary>
/// <param name="field">The query field (<c>a</c> or <c>b</c>).</param>
/// <param name="name">The scenario name as asked (never empty).</param>
public delegate ServiceResult<ScenarioNetwork> ScenarioSource(string field, string name);

/// <summary>
/// The comparison use case, the one front door for it: two scenarios on a set of OD pairs, each change explained.
/// The CLI (<c>caravan compare A B --json</c>) and the web (<c>/api/compare</c>) bind into a
/// <see cref="ComparisonQuery"/> and render the same <see cref="ComparisonResult"/> or the same typed errors.
/// </summary>
public sealed class ComparisonService
{
    /// <summary>The name of the pairs file in a scenarios folder.</summary>
    public const string PairsFileName = "od-pairs.csv";

    /// <summary>Creates the service with the engine's limits and defaults.</summary>
    public ComparisonService(EngineOptions? options = null) => Options = options ?? EngineOptions.Default;

    /// <summary>The limits and defaults in force.</summary>
    public EngineOptions Options { get; }

    /// <summary>
    /// Checks the query, finds both scenarios and routes every pair under each. Every field is checked before any
    /// scenario is loaded; a comparison where no pair routes under both is a <see cref="ErrorCode.NoRoute"/>.
    /// </summary>
    public ServiceResult<ComparisonResult> Compare(ComparisonQuery query, IReadOnlyList<OdPair> pairs, ScenarioSource scenarios, CancellationToken cancellation = default)
    {
        var errors = new List<EngineError>();
        if (string.IsNullOrWhiteSpace(query.B))
        {
            errors.Add(new EngineError(ErrorCode.MissingValue, "b", "give the scenario to compare with, e.g. northern-closed (see the scenario catalogue)"));
        }
        var objective = RouteQueryParser.ParseObjective("optimize", query.Optimize, errors);
        var year = RouteQueryParser.ParseYear("year", query.Year, Options, errors);
        if (errors.Count > 0)
        {
            return ServiceResult<ComparisonResult>.Fail(errors);
        }
        var a = scenarios("a", string.IsNullOrWhiteSpace(query.A) ? ScenarioLoader.BaseName : query.A.Trim());
        var b = scenarios("b", query.B!.Trim());
        errors.AddRange(a.Errors);
        errors.AddRange(b.Errors);
        if (errors.Count > 0)
        {
            return ServiceResult<ComparisonResult>.Fail(errors);
        }
        var result = ScenarioComparer.Compare(a.Value!, b.Value!, pairs, new ComparisonOptions(objective, year), cancellation);
        if (result.Routes.Count == 0)
        {
            var why = string.Join("; ", result.Skipped.Take(Options.MaxErrorsListed).Select(s => $"{s.From} → {s.To}: {s.Reason}"));
            return ServiceResult<ComparisonResult>.Fail([new EngineError(ErrorCode.NoRoute, "", "no OD pair could be routed under both scenarios" + (why.Length > 0 ? ": " + why : ""))]);
        }
        return ServiceResult<ComparisonResult>.Ok(result);
    }

    /// <summary>
    /// The pairs to compare: <paramref name="file"/> when given, else the data folder's <c>scenarios/od-pairs.csv</c>,
    /// else the shipped one. A file that cannot be read, or holds no pairs, is an error for <c>pairs</c>.
    /// </summary>
    public static ServiceResult<IReadOnlyList<OdPair>> Pairs(string? file, string? dataFolder, string? shippedScenariosFolder)
    {
        var path = file;
        if (path is null)
        {
            path = new[] { string.IsNullOrEmpty(dataFolder) ? null : ScenarioLoader.ScenariosFolder(dataFolder), shippedScenariosFolder }
                .Where(f => f is not null)
                .Select(f => Path.Combine(f!, PairsFileName))
                .FirstOrDefault(File.Exists);
            if (path is null)
            {
                return ServiceResult<IReadOnlyList<OdPair>>.Fail([new EngineError(ErrorCode.MissingValue, "pairs", $"no scenarios/{PairsFileName} in the data folder; give a pairs file")]);
            }
        }
        else if (!File.Exists(path))
        {
            return ServiceResult<IReadOnlyList<OdPair>>.Fail([EngineError.Invalid("pairs", $"file '{Diagnostic.Cut(path, 121)}' not found")]);
        }
        var bag = new DiagnosticBag();
        var pairs = OdPairReader.Read(path, file is null ? PairsFileName : path, bag);
        if (bag.HasErrors)
        {
            return ServiceResult<IReadOnlyList<OdPair>>.Fail([.. bag.Snapshot().Where(d => d.Severity == Severity.Error).Take(20).Select(d => EngineError.Invalid("pairs", d.ToString()))]);
        }
        if (pairs.Count == 0)
        {
            return ServiceResult<IReadOnlyList<OdPair>>.Fail([EngineError.Invalid("pairs", $"'{Path.GetFileName(path)}' holds no pairs")]);
        }
        return ServiceResult<IReadOnlyList<OdPair>>.Ok(pairs);
    }
}
