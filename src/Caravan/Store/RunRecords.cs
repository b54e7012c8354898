namespace Caravan.Store;

/// <summary>What produced a run.</summary>
public enum RunKind : byte
{
    /// <summary>A single route.</summary>
    Route,
    /// <summary>A comparison of two scenarios.</summary>
    Compare,
    /// <summary>A traffic assignment.</summary>
    Assign,
}

/// <summary>A run to save.</summary>
/// <param name="Kind">What produced it.</param>
/// <param name="ScenarioA">The scenario (for compare: A).</param>
/// <param name="ContentHashA">Content hash of that scenario's network.</param>
/// <param name="ScenarioB">For compare: scenario B; else null.</param>
/// <param name="ContentHashB">For compare: B's content hash; else null.</param>
/// <param name="ParametersJson">The parameters the run was made with, as a JSON object.</param>
/// <param name="SummaryJson">Its headline results, as a JSON object.</param>
public sealed record NewRun(RunKind Kind, string ScenarioA, string ContentHashA, string? ScenarioB, string? ContentHashB, string ParametersJson, string SummaryJson);

/// <summary>A saved run.</summary>
/// <param name="Id">Id assigned by the store.</param>
/// <param name="Kind">What produced it.</param>
/// <param name="CreatedUtc">When it was saved.</param>
/// <param name="ScenarioA">The scenario (for compare: A).</param>
/// <param name="ContentHashA">Content hash of that network.</param>
/// <param name="ScenarioB">For compare: B.</param>
/// <param name="ContentHashB">For compare: B's content hash.</param>
/// <param name="ParametersJson">Parameters, JSON.</param>
/// <param name="SummaryJson">Summary, JSON.</param>
/// <param name="ResultCount">Number of result rows.</param>
public sealed record RunInfo(
    long Id,
    RunKind Kind,
    DateTimeOffset CreatedUtc,
    string ScenarioA,
    string ContentHashA,
    string? ScenarioB,
    string? ContentHashB,
    string ParametersJson,
    string SummaryJson,
    long ResultCount);

/// <summary>One result row of a run: an OD pair's comparison, a link's flow, a corridor total…</summary>
/// <param name="Kind">Row kind: <c>od</c>, <c>link</c>, <c>corridor</c>, <c>target</c>.</param>
/// <param name="Key">What the row is about (e.g. <c>CNSIA→DEDUI</c>, a link id).</param>
/// <param name="DataJson">The row's values, a JSON object.</param>
public sealed record RunResultRow(string Kind, string Key, string DataJson);

/// <summary>Names of run kinds in the store.</summary>
public static class RunKinds
{
    /// <summary>The stored name (<c>compare</c>).</summary>
    public static string Name(this RunKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Parses a stored name.</summary>
    public static RunKind Parse(string text) => Enum.TryParse<RunKind>(text, ignoreCase: true, out var k) ? k : throw new FormatException($"unknown run kind '{text}'");
}
