using System.Globalization;
using System.Text.Json;
using Caravan.Export;
using Caravan.Geography;
using Caravan.Model;
using Caravan.Routing;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan places --near lat,lon [--mode M] [--limit N] [--json]</c>: the places nearest a point.</summary>
internal static class PlacesNear
{
    public static int Run(Network network, string point, string? mode, string? limit, bool json)
    {
        var parts = point.Split(',', StringSplitOptions.TrimEntries);
        var parsed = NearQuery.Parse(parts.Length == 2 ? parts[0] : null, parts.Length == 2 ? parts[1] : point, mode, limit);
        if (parts.Length != 2)
        {
            throw new CliInputException("--near: expected lat,lon in degrees, e.g. 51.43,6.76");
        }
        if (parsed.Errors.Count > 0)
        {
            throw new CliInputException(string.Join(Environment.NewLine, parsed.Errors.Select(e => $"--{(e.Field is "lat" or "lon" ? "near" : e.Field)}: {e.Field} {e.Message}")));
        }
        var hits = NearestPlaces.Find(new RoutingGraph(network), parsed.Lat, parsed.Lon, parsed.Mode, parsed.Limit);
        if (json)
        {
            Console.WriteLine(JsonDefaults.Serialize(NearPlaceDocument.Of(network, hits), Caravan.Cli.Json.CliJson.Indented));
            return ExitCodes.Ok;
        }
        var table = new ListingTable("Code", "Name", "Country", "Kind", "km");
        foreach (var h in hits)
        {
            var p = network.Places[h.Place];
            table.AddRow(p.Code, p.Name, p.Country, Data.Gmns.GmnsWriter.KindName(p.Kind), h.DistanceKm.ToString("0.0", CultureInfo.InvariantCulture));
        }
        table.Write();
        return ExitCodes.Ok;
    }
}
