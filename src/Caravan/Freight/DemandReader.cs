using Caravan.Data;
using Caravan.Data.Csv;
using Caravan.Model;

namespace Caravan.Freight;

/// <summary>Reads a demand file (<c>origin,destination,commodity,quantity_per_year,unit,source,notes</c>, optional <c>groups</c>) with diagnostics.</summary>
public static class DemandReader
{
    /// <summary>Reads and checks every row against the network; throws <see cref="CaravanDataException"/> with all problems.</summary>
    public static IReadOnlyList<DemandRow> Read(string path, Network network)
    {
        var bag = new DiagnosticBag();
        var display = Path.GetFileName(path);
        var rows = CsvTable.Read(path, display, ["origin", "destination", "commodity", "quantity_per_year", "unit", "source"], ["notes", "groups"], bag);
        var units = new FreightUnits(network);
        var sources = new HashSet<string>(network.Sources.Select(s => s.Id), StringComparer.OrdinalIgnoreCase);
        var search = new PlaceSearch(network);
        var result = new List<DemandRow>();
        // One row per origin, destination and commodity: a repeated row is an error, never silently summed.
        var firstLine = new Dictionary<(int Origin, int Destination, Commodity Commodity), int>();
        foreach (var r in rows)
        {
            var origin = Place(r, "origin", network, search);
            var destination = Place(r, "destination", network, search);
            if (origin >= 0 && origin == destination)
            {
                r.Error("destination", "origin and destination are the same place");
            }
            var text = r.RequiredText("commodity");
            var commodity = Commodity.Container;
            if (text.Length > 0 && !Commodities.TryParse(text, out commodity))
            {
                r.Error("commodity", $"unknown commodity '{CsvRecord.Clip(text)}'");
            }
            var quantity = r.Number("quantity_per_year", true, 0, 1e12);
            var unit = r.RequiredText("unit");
            double? tonnes = null;
            if (unit.Length > 0)
            {
                tonnes = quantity is { } q ? units.ToTonnes(q, unit) : null;
                if (units.ToTonnes(1, unit) is null)
                {
                    r.Error("unit", $"unknown unit '{CsvRecord.Clip(unit)}'; expected TEU, FEU, tonnes or bcm");
                }
                else if (commodity == Commodity.Container && !unit.Equals("TEU", StringComparison.OrdinalIgnoreCase) && !unit.Equals("FEU", StringComparison.OrdinalIgnoreCase))
                {
                    r.Error("unit", "container demand is counted in TEU or FEU");
                }
                else if (commodity == Commodity.Gas && !unit.Equals("bcm", StringComparison.OrdinalIgnoreCase) && !unit.StartsWith('t'))
                {
                    r.Error("unit", "gas demand is counted in bcm or tonnes");
                }
            }
            var ids = r.List("source");
            r.CheckSources("source", ids, sources);
            var groups = Groups(r);
            if (r.Errors == 0 && !firstLine.TryAdd((origin, destination, commodity), r.Line))
            {
                r.Error("destination", $"demand from {network.Places[origin].Code} to {network.Places[destination].Code} for {commodity.Name()} is already given on line {firstLine[(origin, destination, commodity)]}; give one row per origin, destination and commodity (add the quantities)");
            }
            if (r.Errors == 0)
            {
                result.Add(new DemandRow(origin, destination, commodity, quantity!.Value, unit, tonnes!.Value, ids, r.Line, groups));
            }
        }
        if (!bag.HasErrors && result.Count == 0)
        {
            bag.Error(display, 0, "", "the demand file has no rows");
        }
        bag.ThrowIfErrors($"cannot read {display}");
        return result;
    }

    /// <summary>The optional <c>groups</c> column: <c>|</c>-separated mode groups, empty = the class's.</summary>
    private static IReadOnlyList<Choice.ModeGroup>? Groups(CsvRecord r)
    {
        var names = r.Text("groups").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            return null;
        }
        var groups = new List<Choice.ModeGroup>();
        foreach (var name in names)
        {
            if (!Choice.ModeGroups.TryParse(name, out var g))
            {
                r.Error("groups", $"unknown mode group '{CsvRecord.Clip(name)}' (sea, rail, road, air, pipeline)");
            }
            else if (!groups.Contains(g))
            {
                groups.Add(g);
            }
        }
        return groups;
    }

    private static int Place(CsvRecord r, string column, Network network, PlaceSearch search)
    {
        var code = r.RequiredText(column);
        if (code.Length == 0)
        {
            return -1;
        }
        if (network.TryGetPlace(code, out var i))
        {
            return i;
        }
        var near = search.Search(code, 3);
        var hint = near.Count > 0 ? $" (did you mean {string.Join(", ", near.Select(m => network.Places[m.Place].Code))}?)" : "";
        r.Error(column, $"unknown place code '{CsvRecord.Clip(code)}'{hint}");
        return -1;
    }
}
