using Caravan.Data;
using Caravan.Data.Csv;
using Caravan.Model;

namespace Caravan.Comparison;

/// <summary>An origin-destination pair to compare, as written in the pairs file (places by code, name or alias).</summary>
/// <param name="From">Origin as written.</param>
/// <param name="To">Destination as written.</param>
/// <param name="Commodity">What is shipped.</param>
/// <param name="Quantity">FEU for containers, tonnes otherwise.</param>
/// <param name="File">Pairs file.</param>
/// <param name="Line">Line in the pairs file.</param>
/// <param name="Modes">Modes the shipment may use (empty = any), e.g. only rail for "what does the new railway change".</param>
public sealed record OdPair(string From, string To, Commodity Commodity, double Quantity, string File = "", int Line = 0, IReadOnlySet<Mode>? Modes = null);

/// <summary>Reads a pairs file: CSV with <c>from,to</c> and optional <c>cargo,quantity,modes</c> (<c>;</c>-separated, <c>Rail</c> = both gauges).</summary>
public static class OdPairReader
{
    /// <summary>Most pairs one comparison routes.</summary>
    public const int MaxPairs = 10_000;

    /// <summary>Reads the pairs; errors (bad cargo, quantity) are diagnostics with file:line: field.</summary>
    public static IReadOnlyList<OdPair> Read(string path, string displayName, DiagnosticBag bag)
    {
        var rows = CsvTable.Read(path, displayName, ["from", "to"], ["cargo", "quantity", "modes", "notes"], bag);
        var pairs = new List<OdPair>();
        foreach (var r in rows)
        {
            var from = r.RequiredText("from");
            var to = r.RequiredText("to");
            var cargoText = r.Text("cargo");
            var commodity = Commodity.Container;
            if (cargoText.Length > 0 && !Commodities.TryParse(cargoText, out commodity))
            {
                r.Error("cargo", $"unknown cargo '{CsvRecord.Clip(cargoText)}'; expected container, air-cargo, dry-bulk, liquid-bulk or gas");
            }
            var quantity = r.Number("quantity", false, 1e-9, 1e9) ?? 1;
            var modes = new HashSet<Mode>();
            foreach (var m in r.List("modes"))
            {
                if (Caravan.Model.Modes.TryParseGroup(m, out var group))
                {
                    modes.UnionWith(group);
                }
                else
                {
                    r.Error("modes", $"unknown mode '{CsvRecord.Clip(m)}'");
                }
            }
            if (r.Errors == 0)
            {
                pairs.Add(new OdPair(from, to, commodity, quantity, r.File, r.Line, modes.Count > 0 ? modes : null));
            }
        }
        if (pairs.Count > MaxPairs)
        {
            bag.Error(displayName, 0, "", $"{pairs.Count:N0} pairs; a comparison routes at most {MaxPairs:N0}");
        }
        return pairs;
    }
}
