namespace Caravan.Scenarios;

/// <summary>What one change of an overlay did when applied.</summary>
/// <param name="Scenario">Name of the overlay the change belongs to.</param>
/// <param name="Change">The change.</param>
/// <param name="Matched">How many elements it selected (or added).</param>
/// <param name="LinkIds">Links and crossings it touched (changed, opened, closed, added, or whose services changed).</param>
/// <param name="TransferKeys">Transfers it touched, as <c>PLACE:ModeA-ModeB</c> (see <see cref="ChangeLog.TransferKey"/>).</param>
/// <param name="PlaceCodes">Places it added or removed.</param>
public sealed record AppliedChange(
    string Scenario,
    OverlayChange Change,
    int Matched,
    IReadOnlyList<string> LinkIds,
    IReadOnlyList<string> TransferKeys,
    IReadOnlyList<string> PlaceCodes);

/// <summary>Every applied change of a scenario chain, in order, with look-ups by the element it touched.</summary>
public sealed class ChangeLog
{
    private readonly List<AppliedChange> _entries = [];

    /// <summary>The applied changes in order, base-most overlay first.</summary>
    public IReadOnlyList<AppliedChange> Entries => _entries;

    internal void Add(AppliedChange entry) => _entries.Add(entry);

    /// <summary>The changes that touched a link or crossing.</summary>
    public IEnumerable<AppliedChange> ForLink(string linkId) => _entries.Where(e => e.LinkIds.Contains(linkId));

    /// <summary>The changes that touched a transfer.</summary>
    public IEnumerable<AppliedChange> ForTransfer(string key) => _entries.Where(e => e.TransferKeys.Contains(key));

    /// <summary>The key of a transfer in the log: place code and the two modes in a fixed order.</summary>
    public static string TransferKey(string placeCode, Model.Mode a, Model.Mode b) =>
        a <= b ? $"{placeCode}:{a}-{b}" : $"{placeCode}:{b}-{a}";
}
