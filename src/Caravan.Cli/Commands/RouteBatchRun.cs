using System.Text.Json;
using Caravan.Batch;
using Caravan.Export;
using Caravan.Model;
using Caravan.Routing;
using Caravan.Services;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan route --batch queries.csv</c>: one single-criterion route per row, printed as NDJSON in row order.</summary>
internal static class RouteBatchRun
{
    public static int Run(Network network, string path)
    {
        IReadOnlyList<(int Line, RouteQuery Query)> rows;
        try
        {
            rows = BatchCsv.Read(path);
        }
        catch (CaravanDataException e)
        {
            throw new CliInputException(NetworkLoader.DiagnosticText(path, e.Diagnostics));
        }
        var results = RouteBatch.AnswerAll([.. rows.Select(r => r.Query)], new RouteQueryParser(network), new Router(network));
        var failed = 0;
        foreach (var r in results)
        {
            failed += r.Route is null ? 1 : 0;
            Console.WriteLine(JsonDefaults.Serialize(new BatchLine(rows[r.Index].Line, r), Caravan.Cli.Json.CliJson.Compact));
        }
        Console.Error.WriteLine($"{results.Count} queries: {results.Count - failed} routed, {failed} with a problem");
        return ExitCodes.Ok;
    }
}

/// <summary>One NDJSON line of a CLI batch: the CSV line of the query and its result.</summary>
/// <param name="Line">Line of the query in the CSV file.</param>
/// <param name="Result">Its result.</param>
internal sealed record BatchLine(int Line, BatchResult Result);
