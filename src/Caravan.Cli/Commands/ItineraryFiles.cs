using Caravan.Export;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan route --csv FILE --xlsx FILE</c>: the chosen option's legs (of the route document) as spreadsheets.</summary>
internal static class ItineraryFiles
{
    public static void Write(RouteResponse document, string? csv, string? xlsx)
    {
        var route = document.Routes[0];
        if (!string.IsNullOrEmpty(csv))
        {
            ItinerarySheet.WriteCsv(route, csv);
            Console.Error.WriteLine($"wrote {csv}: {route.Legs.Count} legs");
        }
        if (!string.IsNullOrEmpty(xlsx))
        {
            ItinerarySheet.WriteXlsx(route, xlsx);
            Console.Error.WriteLine($"wrote {xlsx}: {route.Legs.Count} legs");
        }
    }
}
