using Caravan.Data;
using Caravan.Model;
using Caravan.Scenarios.Json;

namespace Caravan.Scenarios;

/// <summary>
/// Applies an overlay to a network as a pure function: the input network is untouched and a new one is built.
/// References to ids, places and countries are checked against the network the overlay is applied to;
/// problems are diagnostics pointing at the change in the overlay file.
/// </summary>
public static class OverlayApplier
{
    /// <summary>Applies every change in order; returns null (with errors in <paramref name="bag"/>) when one fails.</summary>
    public static Network? Apply(Network network, Overlay overlay, DiagnosticBag bag, ChangeLog? log = null)
    {
        var builder = new NetworkBuilder(network);
        var errors = bag.Items.Count(d => d.Severity == Severity.Error);
        var known = new HashSet<string>(builder.SourceIds, StringComparer.OrdinalIgnoreCase);
        foreach (var id in overlay.SourceIds)
        {
            if (!known.Contains(id))
            {
                bag.Warning(overlay.File, overlay.Root.Get("sources")?.Line ?? 0, "$.sources", $"source id '{LocatedJsonParser.Clip(id)}' is not in sources.csv of this network");
            }
        }
        foreach (var change in overlay.Changes)
        {
            foreach (var id in change.SourceIds.Where(id => !known.Contains(id)))
            {
                bag.Warning(change.File, change.Line, change.Path + ".source", $"source id '{LocatedJsonParser.Clip(id)}' is not in sources.csv of this network");
            }
            var entry = new ChangeApplication(builder, change, bag).Run();
            if (entry is not null)
            {
                log?.Add(entry with { Scenario = overlay.Name });
            }
        }
        return bag.Items.Count(d => d.Severity == Severity.Error) > errors || (bag.HasErrors && bag.Suppressed > 0) ? null : builder.Build();
    }
}
