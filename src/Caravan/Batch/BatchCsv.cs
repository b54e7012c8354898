using Caravan.Data.Csv;
using Caravan.Services;

namespace Caravan.Batch;

/// <summary>
/// Reads a batch of route queries from CSV: one query per row, columns <c>from,to</c> and optionally
/// <c>cargo, quantity, avoid, avoid_modes, avoid_places, optimize, year, max_transfers</c> (lists inside a cell
/// separated by <c>;</c>). An unknown column is an error, as is a batch longer than <see cref="RouteBatch.MaxQueries"/>.
/// </summary>
public static class BatchCsv
{
    /// <summary>The optional columns.</summary>
    public static readonly IReadOnlyList<string> Optional = ["cargo", "quantity", "avoid", "avoid_modes", "avoid_places", "optimize", "year", "max_transfers"];

    /// <summary>Reads the queries, with their CSV line numbers; throws <see cref="CaravanDataException"/> listing every problem.</summary>
    public static IReadOnlyList<(int Line, RouteQuery Query)> Read(string path)
    {
        var bag = new DiagnosticBag();
        var rows = CsvTable.Read(path, Path.GetFileName(path), ["from", "to"], Optional, bag);
        var errors = new DiagnosticBag();
        foreach (var d in bag)
        {
            // Unknown columns are errors here: a misspelt column would silently drop a constraint.
            errors.Add(d.Severity == Severity.Warning ? d with { Severity = Severity.Error, Message = "unknown column; expected from, to, " + string.Join(", ", Optional) } : d);
        }
        if (rows.Count > RouteBatch.MaxQueries)
        {
            errors.Error(Path.GetFileName(path), 0, "", $"{rows.Count} queries; at most {RouteBatch.MaxQueries} are answered in one batch");
        }
        errors.ThrowIfErrors($"cannot read batch {path}");
        var list = new List<(int, RouteQuery)>(rows.Count);
        foreach (var r in rows)
        {
            string? T(string c) => r.Text(c) is { Length: > 0 } t ? t : null;
            list.Add((r.Line, new RouteQuery
            {
                From = T("from"),
                To = T("to"),
                Cargo = T("cargo"),
                Quantity = T("quantity"),
                Avoid = T("avoid"),
                AvoidModes = T("avoid_modes"),
                AvoidPlaces = T("avoid_places")?.Replace(";", ",", StringComparison.Ordinal),
                Optimize = T("optimize"),
                Year = T("year"),
                MaxTransfers = T("max_transfers"),
            }));
        }
        return list;
    }
}
