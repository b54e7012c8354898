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
            var id = r.RequiredText("id");
            if (id.Length > 0 && !ids.Add(id))
            {
                r.Error("id", $"duplicate case id '{CsvRecord.Clip(id)}'");
            }
            var from = r.RequiredText("from");
            var to = r.RequiredText("to");
            var cargoText = r.RequiredText("cargo");
            var commodity = Commodity.Container;
            if (cargoText.Length > 0 && !Commodities.TryParse(cargoText, out commodity))
            {
                r.Error("cargo", $"unknown cargo '{CsvRecord.Clip(cargoText)}'");
            }
            var modes = new HashSet<Mode>();
            foreach (var m in r.List("mode_hint"))
            {
                if (Modes.TryParseGroup(m, out var group))
                {
                    modes.UnionWith(group);
                }
                else
                {
                    r.Error("mode_hint", $"unknown mode '{CsvRecord.Clip(m)}'");
                }
            }
            var avoid = new HashSet<string>(StringComparer.Ordinal);
            foreach (var c in r.List("avoid"))
            {
                if (c.Length != 2 || !char.IsAsciiLetterUpper(c[0]) || !char.IsAsciiLetterUpper(c[1]))
                {
                    r.Error("avoid", $"'{CsvRecord.Clip(c)}' is not an ISO alpha-2 country code");
                }
                avoid.Add(c);
            }
            var year = r.Integer("year", true, 1990, 2100);
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
            var sources = r.List("source");
            if (sources.Count == 0)
            {
                r.Error("source", "every case cites its source");
            }
            if (knownSources is not null)
            {
                foreach (var s in sources)
                {
                    if (!knownSources.Contains(s))
                    {
                        r.Error("source", $"unknown source id '{CsvRecord.Clip(s)}' (not in sources.csv)");
                    }
                }
            }
            if (r.Errors == 0)
            {
                cases.Add(new CalibrationCase(id, from, to, commodity, modes, r.Text("corridor"), avoid, year!.Value, low!.Value, high!.Value, costLow, costHigh, sources, r.Text("notes"), r.Line));
            }
        }
        bag.ThrowIfErrors($"cannot read {display}");
        return cases;
    }
}
