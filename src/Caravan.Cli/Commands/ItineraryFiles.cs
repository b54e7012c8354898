using Caravan.Export;
using Caravan.Model;
using Caravan.Planning;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan route --csv FILE --xlsx FILE</c>: the chosen option's legs as spreadsheets.</summary>
internal static class ItineraryFiles
{
    public static void Write(Network network, PlanResult plan, Caravan.Units.TimeZoneTable zones, string? csv, string? xlsx)
    {
        if (string.IsNullOrEmpty(csv) && string.IsNullOrEmpty(xlsx))
        {
            return;
        }
        var route = Caravan.Units.LocalDates.Localize(PlanDocuments.Response(network, plan).Routes[0], plan.Options[0], network, zones);
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
