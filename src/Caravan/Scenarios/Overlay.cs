using Caravan.Scenarios.Json;

namespace Caravan.Scenarios;

/// <summary>
/// A scenario overlay: a named, documented list of changes to a network, optionally on top of another scenario.
/// Read from <c>data/scenarios/&lt;name&gt;.json</c> by <see cref="OverlayReader"/>.
/// </summary>
/// <param name="Name">The scenario's name (<c>cku-railway</c>).</param>
/// <param name="Description">What the scenario represents, for people.</param>
/// <param name="BasedOn">Name or file of the scenario this one builds on; null for the base network.</param>
/// <param name="SourceIds">Source ids (data/sources.csv) the scenario as a whole rests on.</param>
/// <param name="Changes">The changes, applied in order.</param>
/// <param name="Targets">Stated outcomes the scenario aims at (e.g. halve travel time), checked by compare.</param>
/// <param name="File">The file it was read from, as shown in diagnostics.</param>
/// <param name="Root">The parsed JSON, kept for the content hash.</param>
public sealed record Overlay(
    string Name,
    string Description,
    string? BasedOn,
    IReadOnlyList<string> SourceIds,
    IReadOnlyList<OverlayChange> Changes,
    IReadOnlyList<OverlayTarget> Targets,
    string File,
    JNode Root);
