using Caravan.Data;
using Caravan.Data.Csv;
using Caravan.Model;

namespace Caravan.Calibration;

/// <summary>Reads <c>calibration.csv</c> with file:line:field diagnostics.</summary>
public static class CalibrationReader
{
    /// <summary>Reads the cases; throws <see cref="CaravanDataException"/> with every problem found.</summary>
    public static IReadOnlyList<CalibrationCase> Read(string path, IReadOnlySet<string>? knownSources = null)
    {
        var bag = new DiagnosticBag();
        var display = Path.GetFileName(path);
        var rows = CsvTable.Read(path, display,
            ["id", "from", "to", "cargo", "year", "observed_low_days", "observed_high_days", "source"],
            ["mode_hint", "corridor", "avoid", "cost_low_usd", "cost_high_usd", "notes"], bag);
        var cases = new List<CalibrationCase>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var k = CaseFields.Core(r, ids, knownSources);
            var low = r.Number("observed_low_days", true, 0.01, 365);
            var high = r.Number("observed_high_days", true, 0.01, 365);
            if (low is { } l && high is { } h && h < l)
            {
                r.Error("observed_high_days", $"high ({h}) is below low ({l})");
            }
            var costLow = r.Number("cost_low_usd", false, 0, 1e7);
            var costHigh = r.Number("cost_high_usd", false, 0, 1e7);
            if (costLow is { } cl && costHigh is { } ch && ch < cl)
            {
                r.Error("cost_high_usd", $"high ({ch}) is below low ({cl})");
            }
            if (r.Errors == 0)
            {
                cases.Add(new CalibrationCase(k.Id, k.From, k.To, k.Commodity, k.AllowedModes, k.Corridor, k.AvoidCountries, k.Year!.Value, low!.Value, high!.Value, costLow, costHigh, k.SourceIds, r.Text("notes"), r.Line));
            }
        }
        bag.ThrowIfErrors($"cannot read {display}");
        return cases;
    }
}
