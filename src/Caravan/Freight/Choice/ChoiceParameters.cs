using System.Globalization;
using System.Text;
using Caravan.Data;
using Caravan.Data.Csv;
using Caravan.Model;

namespace Caravan.Freight.Choice;

/// <summary>
/// The choice parameters of every commodity class, read from <c>data/demand/choice-parameters.csv</c>
/// (<c>commodity,parameter,value,fitted,source,notes</c>). Parameters: <c>groups</c> (|-separated mode groups),
/// <c>beta</c>, <c>mu</c>, <c>reliability_ratio</c>, <c>value_of_time</c> (USD per tonne-hour), <c>asc:GROUP</c>,
/// <c>asc:corridor:LABEL</c> and <c>asc:water</c> (a land route with a Caspian or Black Sea crossing). Rows marked <c>fitted=yes</c> (constants, β and the value of time) are what the volume
/// calibration adjusts.
/// </summary>
public sealed class ChoiceParameters
{
    private readonly Dictionary<Commodity, ClassChoiceParameters> _classes;

    /// <summary>Creates the set from one entry per class.</summary>
    public ChoiceParameters(IEnumerable<ClassChoiceParameters> classes, IReadOnlyList<FittedConstant>? fitted = null, IReadOnlyList<ParameterRow>? rows = null)
    {
        _classes = classes.ToDictionary(c => c.Commodity);
        Fitted = fitted ?? [];
        Rows = rows ?? [];
    }

    /// <summary>The constants the calibration may adjust.</summary>
    public IReadOnlyList<FittedConstant> Fitted { get; }

    /// <summary>The rows as read (for writing the file back with fitted values).</summary>
    public IReadOnlyList<ParameterRow> Rows { get; }

    /// <summary>Parameters of a class; a class without a row chooses among every group its modes allow, with defaults.</summary>
    public ClassChoiceParameters For(Commodity commodity) =>
        _classes.TryGetValue(commodity, out var p) ? p : new ClassChoiceParameters { Commodity = commodity, Groups = ModeGroups.All };

    /// <summary>The same set with one constant changed (used by the fit).</summary>
    public ChoiceParameters With(FittedConstant constant, double value)
    {
        var rows = Rows.Select(r => r.Commodity == constant.Commodity && r.Parameter == constant.Parameter ? r with { Value = value.ToString("0.######", CultureInfo.InvariantCulture) } : r).ToList();
        return Build(rows, new DiagnosticBag(), "choice-parameters.csv");
    }

    /// <summary>The current value of a fitted constant.</summary>
    public double ValueOf(FittedConstant constant)
    {
        var p = For(constant.Commodity);
        if (constant.Parameter == "value_of_time")
        {
            return p.ValueOfTimeUsdPerTonneHour ?? 0;
        }
        if (constant.Parameter == "beta")
        {
            return p.Beta;
        }
        if (constant.Parameter == "asc:water")
        {
            return p.WaterCrossingConstant;
        }
        return constant.Parameter.StartsWith("asc:corridor:", StringComparison.Ordinal)
            ? p.CorridorConstant(constant.Parameter["asc:corridor:".Length..])
            : ModeGroups.TryParse(constant.Parameter["asc:".Length..], out var g) ? p.GroupConstant(g) : 0;
    }

    /// <summary>Reads the file; every problem is a diagnostic naming file, line and field.</summary>
    public static ChoiceParameters Read(string path)
    {
        var bag = new DiagnosticBag();
        var display = Path.GetFileName(path);
        var records = CsvTable.Read(path, display, ["commodity", "parameter", "value", "fitted", "source"], ["notes"], bag);
        var rows = new List<ParameterRow>();
        foreach (var r in records)
        {
            var c = r.RequiredText("commodity");
            if (!Commodities.TryParse(c, out var commodity))
            {
                r.Error("commodity", $"unknown commodity '{CsvRecord.Clip(c)}'");
                continue;
            }
            var fitted = r.RequiredText("fitted").ToLowerInvariant();
            if (fitted is not ("yes" or "no"))
            {
                r.Error("fitted", "expected yes or no");
            }
            rows.Add(new ParameterRow(commodity, r.RequiredText("parameter").ToLowerInvariant(), r.RequiredText("value"), fitted == "yes", r.Text("source"), r.Text("notes"), r.Line));
        }
        var set = Build(rows, bag, display);
        bag.ThrowIfErrors($"cannot read {display}");
        return set;
    }

    private static ChoiceParameters Build(IReadOnlyList<ParameterRow> rows, DiagnosticBag bag, string display)
    {
        var classes = new List<ClassChoiceParameters>();
        var fitted = new List<FittedConstant>();
        foreach (var group in rows.GroupBy(r => r.Commodity))
        {
            var p = new ClassChoiceParameters { Commodity = group.Key, Groups = ModeGroups.All };
            var groupConstants = new Dictionary<ModeGroup, double>();
            var water = 0.0;
            var corridorConstants = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in group)
            {
                double Number(double min, double max)
                {
                    if (double.TryParse(row.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x) && x >= min && x <= max)
                    {
                        return x;
                    }
                    bag.Error(display, row.Line, "value", $"'{CsvRecord.Clip(row.Value)}' is not a number in [{min}, {max}]");
                    return 0;
                }
                switch (row.Parameter)
                {
                    case "groups":
                        var list = new List<ModeGroup>();
                        foreach (var name in row.Value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                        {
                            if (ModeGroups.TryParse(name, out var g))
                            {
                                list.Add(g);
                            }
                            else
                            {
                                bag.Error(display, row.Line, "value", $"unknown mode group '{CsvRecord.Clip(name)}' (sea, rail, road, air, pipeline)");
                            }
                        }
                        p = p with { Groups = list };
                        break;
                    case "beta":
                        p = p with { Beta = Number(0.01, 50) };
                        if (row.Fitted)
                        {
                            fitted.Add(new FittedConstant(row.Commodity, row.Parameter));
                        }
                        continue;
                    case "mu":
                        p = p with { Mu = Number(0.01, 1) };
                        break;
                    case "reliability_ratio":
                        p = p with { ReliabilityRatio = Number(0, 10) };
                        break;
                    case "value_of_time":
                        p = p with { ValueOfTimeUsdPerTonneHour = Number(1e-6, 1000) };
                        if (row.Fitted)
                        {
                            fitted.Add(new FittedConstant(row.Commodity, row.Parameter));
                        }
                        continue;
                    default:
                        if (row.Parameter == "asc:water")
                        {
                            water = Number(-20, 20);
                        }
                        else if (row.Parameter.StartsWith("asc:corridor:", StringComparison.Ordinal) && row.Parameter.Length > "asc:corridor:".Length)
                        {
                            corridorConstants[row.Parameter["asc:corridor:".Length..]] = Number(-20, 20);
                        }
                        else if (row.Parameter.StartsWith("asc:", StringComparison.Ordinal) && ModeGroups.TryParse(row.Parameter["asc:".Length..], out var g))
                        {
                            groupConstants[g] = Number(-20, 20);
                        }
                        else
                        {
                            bag.Error(display, row.Line, "parameter", $"unknown parameter '{CsvRecord.Clip(row.Parameter)}' (groups, beta, mu, reliability_ratio, value_of_time, asc:GROUP, asc:corridor:LABEL, asc:water)");
                            continue;
                        }
                        if (row.Fitted)
                        {
                            fitted.Add(new FittedConstant(row.Commodity, row.Parameter));
                        }
                        continue;
                }
                if (row.Fitted)
                {
                    bag.Error(display, row.Line, "fitted", "only asc: constants, beta and value_of_time are fitted");
                }
            }
            classes.Add(p with { GroupConstants = groupConstants, CorridorConstants = corridorConstants, WaterCrossingConstant = water });
        }
        return new ChoiceParameters(classes, fitted, rows);
    }

    /// <summary>Writes the set back in the file's format (atomically), values as they are now.</summary>
    public void Write(string path)
    {
        var sb = new StringBuilder("commodity,parameter,value,fitted,source,notes\n");
        foreach (var r in Rows)
        {
            sb.Append(r.Commodity.Name()).Append(',').Append(r.Parameter).Append(',').Append(r.Value).Append(',')
                .Append(r.Fitted ? "yes" : "no").Append(',').Append(Quote(r.Source)).Append(',').Append(Quote(r.Notes)).Append('\n');
        }
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    private static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}

/// <summary>One row of the parameters file.</summary>
/// <param name="Commodity">Class.</param>
/// <param name="Parameter">Parameter name.</param>
/// <param name="Value">Value as written.</param>
/// <param name="Fitted">True when the calibration adjusts it.</param>
/// <param name="Source">Source ids.</param>
/// <param name="Notes">Notes.</param>
/// <param name="Line">Line in the file.</param>
public sealed record ParameterRow(Commodity Commodity, string Parameter, string Value, bool Fitted, string Source, string Notes, int Line);

/// <summary>A constant the volume calibration adjusts.</summary>
/// <param name="Commodity">Class.</param>
/// <param name="Parameter">Its name (<c>asc:rail</c>, <c>asc:corridor:middle</c>, <c>value_of_time</c>).</param>
public sealed record FittedConstant(Commodity Commodity, string Parameter)
{
    /// <summary>True when the fit moves the value by a factor (a value of time) rather than by a step (a constant).</summary>
    public bool IsScale => Parameter is "value_of_time" or "beta";

    /// <inheritdoc/>
    public override string ToString() => $"{Commodity.Name()} {Parameter}";
}
