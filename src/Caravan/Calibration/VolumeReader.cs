using Caravan.Data;
using Caravan.Data.Csv;
using Caravan.Model;

namespace Caravan.Calibration;

/// <summary>
/// Reads <c>calibration-volumes.csv</c>: <c>id,from_countries,to_countries,modes,commodity,via,observed,unit,year,source</c>
/// plus <c>split</c> (fitting or test), and optional <c>kind</c> (pipeline or corridor; derived from the modes when
/// empty), <c>weight</c> (default 1) and <c>notes</c>. Lists are <c>|</c>-separated.
/// </summary>
public static class VolumeReader
{
    private static readonly string[] Units = ["Mt", "bcm", "TEU"];

    /// <summary>Reads and checks every row against the network; throws <see cref="CaravanDataException"/> with all problems.</summary>
    public static IReadOnlyList<VolumeCase> Read(string path, Network network)
    {
        var bag = new DiagnosticBag();
        var display = Path.GetFileName(path);
        var records = CsvTable.Read(path, display, ["id", "from_countries", "to_countries", "modes", "commodity", "via", "observed", "unit", "year", "source", "split"], ["kind", "weight", "notes"], bag);
        var sources = new HashSet<string>(network.Sources.Select(s => s.Id), StringComparer.OrdinalIgnoreCase);
        var countries = new HashSet<string>(network.Places.Select(p => p.Country), StringComparer.OrdinalIgnoreCase);
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<VolumeCase>();
        foreach (var r in records)
        {
            var id = r.RequiredText("id");
            if (id.Length > 0 && !ids.Add(id))
            {
                r.Error("id", $"duplicate id '{CsvRecord.Clip(id)}'");
            }
            var from = Countries(r, "from_countries", countries);
            var to = Countries(r, "to_countries", countries);
            var modes = new HashSet<Mode>();
            foreach (var m in Split(r.Text("modes")))
            {
                if (Enum.TryParse<Mode>(m, true, out var mode) && Enum.IsDefined(mode))
                {
                    modes.Add(mode);
                }
                else
                {
                    r.Error("modes", $"unknown mode '{CsvRecord.Clip(m)}' (expected {string.Join(", ", Model.Modes.All)})");
                }
            }
            Commodity? commodity = null;
            var ctext = r.Text("commodity");
            if (ctext.Length > 0)
            {
                if (Commodities.TryParse(ctext, out var c))
                {
                    commodity = c;
                }
                else
                {
                    r.Error("commodity", $"unknown commodity '{CsvRecord.Clip(ctext)}'");
                }
            }
            var via = r.Text("via");
            var viaPlaces = new HashSet<int>();
            if (via.Length > 0)
            {
                for (var p = 0; p < network.Places.Count; p++)
                {
                    var place = network.Places[p];
                    if (place.Code.Equals(via, StringComparison.OrdinalIgnoreCase) || place.Name.Equals(via, StringComparison.OrdinalIgnoreCase))
                    {
                        viaPlaces.Add(p);
                    }
                }
                if (viaPlaces.Count == 0)
                {
                    r.Error("via", $"no place has the code or name '{CsvRecord.Clip(via)}'");
                }
            }
            var observed = r.Number("observed", true, 1e-9, 1e12);
            var unit = r.RequiredText("unit");
            var canonical = Units.FirstOrDefault(u => u.Equals(unit, StringComparison.OrdinalIgnoreCase));
            if (unit.Length > 0 && canonical is null)
            {
                r.Error("unit", $"unknown unit '{CsvRecord.Clip(unit)}' (Mt, bcm or TEU)");
            }
            if (canonical == "TEU" && commodity is not (null or Model.Commodity.Container))
            {
                r.Error("unit", "TEU counts containers only");
            }
            var year = r.Integer("year", true, 2000, 2100);
            var sourceIds = r.List("source");
            r.CheckSources("source", sourceIds, sources);
            var split = r.RequiredText("split").ToLowerInvariant();
            if (split.Length > 0 && split is not ("fitting" or "test"))
            {
                r.Error("split", "expected fitting or test");
            }
            var kind = r.Text("kind").ToLowerInvariant();
            if (kind.Length == 0)
            {
                kind = modes.Count > 0 && modes.All(m => m is Mode.PipelineOil or Mode.PipelineGas) ? "pipeline" : "corridor";
            }
            else if (kind is not ("pipeline" or "corridor"))
            {
                r.Error("kind", "expected pipeline or corridor");
            }
            var weight = r.Number("weight", false, 0, 1000) ?? 1;
            if (r.Errors == 0)
            {
                result.Add(new VolumeCase(id, from, to, modes, commodity, via, viaPlaces, observed!.Value, canonical!, year!.Value, sourceIds, split, kind, weight, r.Line));
            }
        }
        if (!bag.HasErrors && result.Count == 0)
        {
            bag.Error(display, 0, "", "the volumes file has no rows");
        }
        bag.ThrowIfErrors($"cannot read {display}");
        return result;
    }

    private static IEnumerable<string> Split(string text) => text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static HashSet<string> Countries(CsvRecord r, string column, HashSet<string> known)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var text = r.RequiredText(column);
        foreach (var c in Split(text))
        {
            if (c.Length != 2 || !known.Contains(c))
            {
                r.Error(column, $"'{CsvRecord.Clip(c)}' is not the ISO alpha-2 code of a country in the network");
            }
            set.Add(c.ToUpperInvariant());
        }
        return set;
    }
}
