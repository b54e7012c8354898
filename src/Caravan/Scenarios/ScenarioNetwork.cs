using Caravan.Data;
using Caravan.Model;

namespace Caravan.Scenarios;

/// <summary>A network as a scenario makes it: the network, the overlays applied, what they did, and its identity.</summary>
/// <param name="Name">The scenario's name (<c>base</c> for the unmodified network).</param>
/// <param name="Network">The network with every overlay of the chain applied.</param>
/// <param name="ContentHash">SHA-256 of the base data files and the canonical overlay chain (<see cref="Scenarios.ContentHash"/>).</param>
/// <param name="Chain">The overlays applied, base-most first; empty for <c>base</c>.</param>
/// <param name="Log">What each change did.</param>
/// <param name="Diagnostics">Warnings found while loading (errors make the load fail).</param>
public sealed record ScenarioNetwork(
    string Name,
    Network Network,
    string ContentHash,
    IReadOnlyList<Overlay> Chain,
    ChangeLog Log,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The scenario's description (the last overlay's), or a line for the base network.</summary>
    public string Description => Chain.Count > 0 ? Chain[^1].Description : "the unmodified base network";
}

/// <summary>The outcome of loading a scenario: the network, or null with the diagnostics saying why.</summary>
/// <param name="Scenario">The loaded scenario, or null on errors.</param>
/// <param name="Diagnostics">Every error and warning.</param>
public sealed record ScenarioLoadResult(ScenarioNetwork? Scenario, IReadOnlyList<Diagnostic> Diagnostics);
