using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Caravan.Data;
using Caravan.Export;
using Caravan.Routing;
using Caravan.Services;
using Caravan.Skims;
using Spectre.Console;

namespace Caravan.Cli.Commands;

/// <summary>
/// <c>caravan matrix --from A,B --to X,Y [--objective …] [--json|--csv FILE|--omx FILE]</c>: skims (hours, p90 hours,
/// USD, kg CO2e, km, corridor) for every pair, by one-to-many searches.
/// </summary>
internal static class MatrixCommand
{
    /// <summary>Largest matrix printed as a table; bigger ones go to --json, --csv or --omx.</summary>
    private const int MaxTableCells = 400;

    public static Command Create()
    {
        var query = new QueryBinder<SkimQuery>();
        var json = new Option<bool>("--json") { Description = "Print the matrix as JSON (rows = origins, columns = destinations, null = no path; errors too: the engine's error document)" };
        var csv = new Option<string?>("--csv") { Description = "Write one row per pair to this CSV file (- for standard output)" };
        var omx = new Option<string?>("--omx") { Description = "Write the matrices to this OMX (HDF5) file" };
        var data = CommonOptions.Data();
        var scenario = CommonOptions.Scenario();
        var command = new Command("matrix", "Skim matrices: hours, p90 hours, USD, kg CO2e and corridor for every origin–destination pair");
        foreach (var option in query.Options.Concat([json, csv, omx, data, scenario]))
        {
            command.Options.Add(option);
        }
        command.SetAction(parse =>
        {
            var network = NetworkLoader.Load(parse.GetValue(data), parse.GetValue(scenario));
            var parser = new SkimQueryParser(network, new RouteQueryParser(network));
            var parsed = parser.Parse(query.Bind(parse), EngineOptions.Default.DefaultYear);
            if (parsed.Request is null)
            {
                return ServiceOutput.Errors(parsed.Errors, parse.GetValue(json));
            }
            ServiceOutput.Warnings(parsed.Warnings);
            var matrix = new SkimBuilder(new RoutingGraph(network)).Build(parsed.Request);
            var wrote = false;
            if (parse.GetValue(omx) is { Length: > 0 } omxPath)
            {
                SkimOmx.Write(matrix, omxPath);
                Console.Error.WriteLine($"wrote {omxPath}: {matrix.Rows} × {matrix.Columns}, matrices {string.Join(", ", SkimOmx.MatrixNames)}");
                wrote = true;
            }
            if (parse.GetValue(csv) is { Length: > 0 } csvPath)
            {
                if (csvPath == "-")
                {
                    SkimDocuments.WriteCsv(network, matrix, Console.Out);
                }
                else
                {
                    AtomicFile.WriteText(csvPath, w => SkimDocuments.WriteCsv(network, matrix, w));
                    Console.Error.WriteLine($"wrote {csvPath}: {matrix.Rows * matrix.Columns} pairs");
                }
                wrote = true;
            }
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonDefaults.Serialize(SkimDocuments.Document(network, matrix), Caravan.Cli.Json.CliJson.Indented));
                wrote = true;
            }
            if (!wrote)
            {
                PrintTable(network, matrix);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void PrintTable(Model.Network network, SkimMatrix m)
    {
        var cells = m.Rows * m.Columns;
        Console.WriteLine($"{m.Rows} × {m.Columns} matrix, {m.ReachableCount} of {cells} pairs connected; objective {m.Request.Objective.ToString().ToLowerInvariant()}, per {network.InfoOf(m.Request.Commodity).Unit}");
        if (cells > MaxTableCells)
        {
            Console.WriteLine($"more than {MaxTableCells} pairs: use --json, --csv FILE or --omx FILE for the figures");
            return;
        }
        var table = new Table();
        foreach (var h in (string[])["from", "to", "days", "p90 days", "USD", "kg CO2e", "km", "corridor"])
        {
            table.AddColumn(h);
        }
        for (var i = 0; i < m.Rows; i++)
        {
            for (var j = 0; j < m.Columns; j++)
            {
                var c = m.Cell(i, j);
                string N(double v, string f) => double.IsNaN(v) ? "—" : v.ToString(f, CultureInfo.InvariantCulture);
                table.AddRow(
                    Markup.Escape(network.Places[m.Request.Origins[i]].Name), Markup.Escape(network.Places[m.Request.Destinations[j]].Name),
                    N(m.Hours[c] / 24, "0.0"), N(m.P90Hours[c] / 24, "0.0"), N(m.CostUsd[c], "0"), N(m.Co2eKg[c], "0"), N(m.DistanceKm[c], "0"),
                    Markup.Escape(m.Corridor[c] ?? "no path"));
            }
        }
        AnsiConsole.Write(table);
    }
}
