using System.Globalization;
using Caravan.Assignment;
using Caravan.Data;
using Caravan.Data.Tntp;

namespace Caravan.Cli.Commands;

/// <summary>Writes the link flows of <c>caravan assign --out</c>: TNTP <c>_flow</c> format or CSV, atomically.</summary>
internal static class AssignOutput
{
    public static void Write(string path, TntpNetwork network, AssignmentResult result)
    {
        try
        {
            if (Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase))
            {
                WriteCsv(path, network, result);
            }
            else
            {
                TntpWriter.WriteFlows(path, new TntpFlows(network.Tail, network.Head, result.LinkFlow, result.LinkCost));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"--out: cannot write '{path}': {e.Message}");
        }
    }

    private static void WriteCsv(string path, TntpNetwork network, AssignmentResult result) =>
        AtomicFile.WriteText(path, writer =>
        {
            writer.WriteLine("from,to,volume,cost");
            for (var a = 0; a < network.LinkCount; a++)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{network.Tail[a]},{network.Head[a]},{result.LinkFlow[a]:R},{result.LinkCost[a]:R}"));
            }
        });
}
