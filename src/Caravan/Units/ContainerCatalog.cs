using System.Globalization;
using Caravan.Data.Csv;

namespace Caravan.Units;

/// <summary>
/// The container types of <c>data/containers.csv</c>, found by ISO code or alias (case-insensitive), and the
/// conversion of a number of boxes into the FEU that tariffs and capacities count.
/// </summary>
public sealed class ContainerCatalog
{
    /// <summary>The file name in a data folder.</summary>
    public const string FileName = "containers.csv";

    private readonly Dictionary<string, ContainerType> _byName = new(StringComparer.OrdinalIgnoreCase);

    private ContainerCatalog(IReadOnlyList<ContainerType> types)
    {
        Types = types;
        foreach (var t in types)
        {
            _byName.TryAdd(t.Code, t);
            foreach (var a in t.Aliases)
            {
                _byName.TryAdd(a, t);
            }
        }
    }

    /// <summary>All types, in file order.</summary>
    public IReadOnlyList<ContainerType> Types { get; }

    /// <summary>Reads the catalog of a data folder; throws <see cref="CaravanDataException"/> listing every problem.</summary>
    public static ContainerCatalog Read(string folder)
    {
        var bag = new DiagnosticBag();
        var rows = CsvTable.Read(Path.Combine(folder, FileName), FileName,
            ["code", "name", "length_ft", "teu", "tare_kg", "max_payload_kg", "max_gross_kg", "source"], ["aliases", "internal_m3", "reefer", "notes"], bag);
        var types = new List<ContainerType>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in rows)
        {
            var code = r.RequiredText("code");
            if (code.Length > 0 && !seen.Add(code))
            {
                r.Error("code", $"duplicate container code '{CsvRecord.Clip(code)}'");
            }
            foreach (var alias in r.List("aliases"))
            {
                if (!seen.Add(alias))
                {
                    r.Error("aliases", $"'{CsvRecord.Clip(alias)}' names another container type too");
                }
            }
            var name = r.RequiredText("name");
            var length = r.Number("length_ft", true, 5, 60);
            var teu = r.Number("teu", true, 0.25, 3);
            var tare = r.Number("tare_kg", true, 100, 10_000);
            var payload = r.Number("max_payload_kg", true, 100, 50_000);
            var gross = r.Number("max_gross_kg", true, 100, 60_000);
            if (tare is { } t && payload is { } p && gross is { } g && Math.Abs(t + p - g) > 1)
            {
                r.Error("max_gross_kg", $"{g.ToString(CultureInfo.InvariantCulture)} is not tare + payload ({(t + p).ToString(CultureInfo.InvariantCulture)})");
            }
            var volume = r.Number("internal_m3", false, 1, 200);
            var reeferText = r.Text("reefer");
            var reefer = false;
            if (reeferText.Length > 0 && !bool.TryParse(reeferText, out reefer))
            {
                r.Error("reefer", $"'{CsvRecord.Clip(reeferText)}' is not true or false");
            }
            var sources = r.List("source");
            if (sources.Count == 0)
            {
                r.Error("source", "every row cites its sources");
            }
            if (r.Errors == 0)
            {
                types.Add(new ContainerType(code, name, r.List("aliases"), length!.Value, teu!.Value, tare!.Value, payload!.Value, gross!.Value, volume ?? double.NaN, reefer, sources));
            }
        }
        bag.ThrowIfErrors($"cannot read {FileName} in {folder}");
        return new ContainerCatalog(types);
    }

    /// <summary>Finds a type by ISO code or alias.</summary>
    public bool TryFind(string text, out ContainerType type) => _byName.TryGetValue(text.Trim().Replace("'", "", StringComparison.Ordinal), out type!);

    /// <summary>The accepted names, for messages.</summary>
    public string Names => string.Join(", ", Types.Select(t => $"{t.Code} ({string.Join("/", t.Aliases.Take(2))})"));

    /// <summary>
    /// FEU for <paramref name="boxes"/> boxes of a type carrying <paramref name="cargoKgPerBox"/> each (null: not
    /// given); the error names the limit broken.
    /// </summary>
    public static double Feu(ContainerType type, double boxes, double? cargoKgPerBox, out string? error)
    {
        error = null;
        if (cargoKgPerBox is { } kg && kg > type.MaxPayloadKg)
        {
            error = $"{kg.ToString("0", CultureInfo.InvariantCulture)} kg per box is over the {type.Name}'s payload limit of {type.MaxPayloadKg.ToString("0", CultureInfo.InvariantCulture)} kg (max gross {type.MaxGrossKg.ToString("0", CultureInfo.InvariantCulture)} kg, tare {type.TareKg.ToString("0", CultureInfo.InvariantCulture)} kg)";
        }
        return boxes * type.Feu;
    }
}
