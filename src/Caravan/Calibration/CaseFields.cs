using Caravan.Data.Csv;
using Caravan.Model;

namespace Caravan.Calibration;

/// <summary>The columns every reference case has, read one way.</summary>
/// <param name="Id">Case id.</param>
/// <param name="From">Origin as written.</param>
/// <param name="To">Destination as written.</param>
/// <param name="Commodity">Cargo.</param>
/// <param name="AllowedModes">Modes the shipment used (empty = any).</param>
/// <param name="Corridor">Corridor the route must use (empty = any).</param>
/// <param name="AvoidCountries">Countries avoided.</param>
/// <param name="Year">Year (null when the row has an error there).</param>
/// <param name="SourceIds">Sources.</param>
public sealed record CaseCore(string Id, string From, string To, Commodity Commodity, IReadOnlySet<Mode> AllowedModes, string Corridor, IReadOnlySet<string> AvoidCountries, int? Year, IReadOnlyList<string> SourceIds);

/// <summary>The fields every reference-case file shares (cargo, modes, avoided countries, sources), read one way.</summary>
public static class CaseFields
{
    /// <summary>The shared columns of one row: id, from, to, cargo, mode_hint, corridor, avoid, year, source.</summary>
    public static CaseCore Core(CsvRecord r, HashSet<string> seenIds, IReadOnlySet<string>? knownSources) =>
        new(Id(r, seenIds), r.RequiredText("from"), r.RequiredText("to"), Cargo(r), Modes(r), r.Text("corridor"), Countries(r),
            r.Integer("year", true, 1990, 2100), Sources(r, knownSources));

    /// <summary>The <c>id</c> column, required and unique within the file.</summary>
    public static string Id(CsvRecord r, HashSet<string> seen)
    {
        var id = r.RequiredText("id");
        if (id.Length > 0 && !seen.Add(id))
        {
            r.Error("id", $"duplicate case id '{CsvRecord.Clip(id)}'");
        }
        return id;
    }

    /// <summary>The <c>cargo</c> column; an unknown name is an error on the row.</summary>
    public static Commodity Cargo(CsvRecord r, string column = "cargo")
    {
        var text = r.RequiredText(column);
        var commodity = Commodity.Container;
        if (text.Length > 0 && !Commodities.TryParse(text, out commodity))
        {
            r.Error(column, $"unknown cargo '{CsvRecord.Clip(text)}'");
        }
        return commodity;
    }

    /// <summary>The <c>mode_hint</c> column: mode names, or <c>rail</c> for both gauges.</summary>
    public static HashSet<Mode> Modes(CsvRecord r, string column = "mode_hint")
    {
        var modes = new HashSet<Mode>();
        foreach (var m in r.List(column))
        {
            if (Model.Modes.TryParseGroup(m, out var group))
            {
                modes.UnionWith(group);
            }
            else
            {
                r.Error(column, $"unknown mode '{CsvRecord.Clip(m)}'");
            }
        }
        return modes;
    }

    /// <summary>The <c>avoid</c> column: ISO 3166 alpha-2 codes.</summary>
    public static HashSet<string> Countries(CsvRecord r, string column = "avoid")
    {
        var avoid = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in r.List(column))
        {
            if (c.Length != 2 || !char.IsAsciiLetterUpper(c[0]) || !char.IsAsciiLetterUpper(c[1]))
            {
                r.Error(column, $"'{CsvRecord.Clip(c)}' is not an ISO alpha-2 country code");
            }
            avoid.Add(c);
        }
        return avoid;
    }

    /// <summary>The <c>source</c> column: at least one id, each known when the known ids are given.</summary>
    public static IReadOnlyList<string> Sources(CsvRecord r, IReadOnlySet<string>? knownSources, string column = "source")
    {
        var sources = r.List(column);
        r.CheckSources(column, sources, knownSources, "every case cites its source");
        return sources;
    }
}
