using Caravan.Data;
using Caravan.Data.Csv;
using Caravan.Model;

namespace Caravan.Calibration;

/// <summary>Reads <c>rates.csv</c> (published rates) with file:line:field diagnostics.</summary>
public static class PriceCaseReader
{
    /// <summary>The bases a rate may have; the model prices terminal-to-terminal, so door-to-door rates are kept out.</summary>
    public static IReadOnlyList<string> Bases { get; } = ["port-to-port", "terminal-to-terminal", "section"];

    /// <summary>Reads the rates; throws <see cref="CaravanDataException"/> with every problem found.</summary>
    public static IReadOnlyList<PriceCase> Read(string path, IReadOnlySet<string>? knownSources = null)
    {
        var bag = new DiagnosticBag();
        var display = Path.GetFileName(path);
        var rows = CsvTable.Read(path, display,
            ["id", "from", "to", "cargo", "year", "date", "rate_low_usd", "rate_high_usd", "unit", "basis", "split", "source"],
            ["mode_hint", "corridor", "avoid", "notes"], bag);
        var cases = new List<PriceCase>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var k = CaseFields.Core(r, ids, knownSources);
            var date = r.RequiredText("date");
            var low = r.Number("rate_low_usd", true, 0.01, 1e7);
            var high = r.Number("rate_high_usd", true, 0.01, 1e7);
            if (low is { } l && high is { } h && h < l)
            {
                r.Error("rate_high_usd", $"high ({h}) is below low ({l})");
            }
            var unit = r.RequiredText("unit");
            var expected = k.Commodity.IsContainer() ? "USD/FEU" : "USD/t";
            if (unit.Length > 0 && !unit.Equals(expected, StringComparison.Ordinal))
            {
                r.Error("unit", $"a {k.Commodity.Name()} rate is in {expected}, not '{CsvRecord.Clip(unit)}'");
            }
            var basis = r.RequiredText("basis");
            if (basis.Length > 0 && !Bases.Contains(basis))
            {
                r.Error("basis", $"'{CsvRecord.Clip(basis)}' is not one of {string.Join(", ", Bases)}");
            }
            var splitText = r.RequiredText("split");
            var split = CalibrationSplit.Test;
            if (splitText == "fit")
            {
                split = CalibrationSplit.Fit;
            }
            else if (splitText.Length > 0 && splitText != "test")
            {
                r.Error("split", $"'{CsvRecord.Clip(splitText)}' is neither fit nor test");
            }
            if (r.Errors == 0)
            {
                cases.Add(new PriceCase(k.Id, k.From, k.To, k.Commodity, k.AllowedModes, k.Corridor, k.AvoidCountries, k.Year!.Value, date, low!.Value, high!.Value, basis, split, k.SourceIds, r.Text("notes"), r.Line));
            }
        }
        bag.ThrowIfErrors($"cannot read {display}");
        return cases;
    }
}
