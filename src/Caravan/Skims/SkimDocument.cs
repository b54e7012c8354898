using Caravan.Data.Text;
using Caravan.Export;
using Caravan.Model;

namespace Caravan.Skims;

/// <summary>The JSON answer of a matrix: rows are origins, columns destinations; null where no path exists.</summary>
/// <param name="Objective">What each pair's path minimises (time, cost, co2, generalized).</param>
/// <param name="Commodity">The cargo.</param>
/// <param name="Unit">The unit the figures are per (FEU or tonne).</param>
/// <param name="Origins">Row places.</param>
/// <param name="Destinations">Column places.</param>
/// <param name="Hours">Expected door-to-door hours.</param>
/// <param name="P90Hours">90th-percentile hours.</param>
/// <param name="CostUsd">Price per unit, USD.</param>
/// <param name="Co2eKg">CO2e per unit, kg (ISO 14083 well-to-wheel).</param>
/// <param name="DistanceKm">Distance, km.</param>
/// <param name="Corridor">Corridor of each pair's path.</param>
/// <param name="Cells">Number of pairs.</param>
/// <param name="Reachable">Number of pairs with a path.</param>
public sealed record SkimDocument(
    string Objective,
    string Commodity,
    string Unit,
    IReadOnlyList<PlaceDocument> Origins,
    IReadOnlyList<PlaceDocument> Destinations,
    double?[][] Hours,
    double?[][] P90Hours,
    double?[][] CostUsd,
    double?[][] Co2eKg,
    double?[][] DistanceKm,
    string?[][] Corridor,
    int Cells,
    int Reachable);

/// <summary>Maps a skim matrix to its JSON document and to long-format CSV.</summary>
public static class SkimDocuments
{
    /// <summary>The CSV header of <see cref="WriteCsv"/>.</summary>
    public const string CsvHeader = "from,to,hours,p90_hours,cost_usd,co2e_kg,distance_km,corridor";

    /// <summary>The JSON document of a matrix.</summary>
    public static SkimDocument Document(Network network, SkimMatrix m)
    {
        var r = m.Request;
        return new SkimDocument(
            r.Objective.ToString().ToLowerInvariant(),
            r.Commodity.Name(),
            network.InfoOf(r.Commodity).Unit,
            [.. r.Origins.Select(p => RouteDocuments.Place(network, p))],
            [.. r.Destinations.Select(p => RouteDocuments.Place(network, p))],
            Grid(m, m.Hours, 2), Grid(m, m.P90Hours, 2), Grid(m, m.CostUsd, 2), Grid(m, m.Co2eKg, 2), Grid(m, m.DistanceKm, 1),
            [.. Enumerable.Range(0, m.Rows).Select(i => m.Corridor.AsSpan(i * m.Columns, m.Columns).ToArray())],
            m.Rows * m.Columns,
            m.ReachableCount);
    }

    /// <summary>One row per pair: <see cref="CsvHeader"/>; empty fields where no path exists.</summary>
    public static void WriteCsv(Network network, SkimMatrix m, TextWriter w)
    {
        w.Write(CsvHeader + "\n");
        for (var i = 0; i < m.Rows; i++)
        {
            for (var j = 0; j < m.Columns; j++)
            {
                var c = m.Cell(i, j);
                w.Write(CsvText.Line(
                    CsvText.Field(network.Places[m.Request.Origins[i]].Code), CsvText.Field(network.Places[m.Request.Destinations[j]].Code),
                    Num(m.Hours[c], 2), Num(m.P90Hours[c], 2), Num(m.CostUsd[c], 2), Num(m.Co2eKg[c], 2), Num(m.DistanceKm[c], 1), CsvText.Field(m.Corridor[c])));
                w.Write('\n');
            }
        }
    }

    private static string Num(double v, int digits) => double.IsNaN(v) ? "" : CsvText.Number(Math.Round(v, digits, MidpointRounding.AwayFromZero));

    private static double?[][] Grid(SkimMatrix m, double[] values, int digits)
    {
        var rows = new double?[m.Rows][];
        for (var i = 0; i < m.Rows; i++)
        {
            var row = new double?[m.Columns];
            for (var j = 0; j < m.Columns; j++)
            {
                var v = values[m.Cell(i, j)];
                row[j] = double.IsNaN(v) ? null : Math.Round(v, digits, MidpointRounding.AwayFromZero);
            }
            rows[i] = row;
        }
        return rows;
    }
}
