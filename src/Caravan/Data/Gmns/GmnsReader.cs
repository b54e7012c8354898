using Caravan.Data.Csv;
using Caravan.Model;

namespace Caravan.Data.Gmns;

/// <summary>The places and links read from a GMNS folder, or the diagnostics that stopped the read.</summary>
/// <param name="Places">Places in node.csv order (null on errors).</param>
/// <param name="Links">Links in link.csv order, with place indices resolved (null on errors).</param>
/// <param name="Diagnostics">Every problem found, warnings included.</param>
public sealed record GmnsLoadResult(IReadOnlyList<Place>? Places, IReadOnlyList<Link>? Links, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Reads GMNS <c>node.csv</c> and <c>link.csv</c> (written by <see cref="GmnsWriter"/> or by another tool) into
/// Caravan places and links. The GMNS fields give ids, coordinates, length (km), free speed (km/h) and direction;
/// the <c>caravan_</c> extension columns (see <see cref="GmnsColumns"/>) give the rest. Every problem is a
/// <c>file:line: field: message</c> diagnostic; nothing is dropped silently.
/// </summary>
public static class GmnsReader
{
    /// <summary>Reads a GMNS folder.</summary>
    public static GmnsLoadResult Read(string folder)
    {
        var bag = new DiagnosticBag();
        string D(string name) => Path.Combine(Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)), name);
        var nodeRows = CsvTable.Read(Path.Combine(folder, "node.csv"), D("node.csv"), GmnsColumns.NodeRequired, Optional(GmnsColumns.Node, GmnsColumns.NodeRequired), bag);
        var places = new List<Place>();
        var byNodeId = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in nodeRows)
        {
            var nodeId = r.RequiredText("node_id");
            var lon = r.Number("x_coord", true, -180, 180);
            var lat = r.Number("y_coord", true, -90, 90);
            var code = r.Text("caravan_code");
            if (code.Length == 0)
            {
                code = nodeId;
            }
            var country = r.Text("caravan_country");
            if (country.Length != 2 || !char.IsAsciiLetterUpper(country[0]) || !char.IsAsciiLetterUpper(country[1]))
            {
                r.Error("caravan_country", country.Length == 0 ? "required: the ISO 3166-1 alpha-2 country of the node" : $"'{CsvRecord.Clip(country)}' is not an ISO 3166-1 alpha-2 code");
            }
            var kind = PlaceKind.City;
            var kindText = r.Text("node_type");
            if (kindText.Length > 0 && !TryParseKind(kindText, out kind))
            {
                r.Error("node_type", $"unknown node type '{CsvRecord.Clip(kindText)}'; expected city, terminal, port, dry-port, airport, border-station, pipeline-station or junction");
            }
            if (nodeId.Length > 0 && byNodeId.ContainsKey(nodeId))
            {
                r.Error("node_id", $"duplicate node id '{CsvRecord.Clip(nodeId)}'");
            }
            if (code.Length > 0 && !codes.Add(code))
            {
                r.Error("caravan_code", $"duplicate place code '{CsvRecord.Clip(code)}'");
            }
            var name = r.Text("name");
            if (r.Errors == 0)
            {
                byNodeId[nodeId] = places.Count;
                places.Add(new Place(code, name.Length == 0 ? code : name, country, lat!.Value, lon!.Value, kind, r.List("caravan_aliases"), r.List("caravan_source"), r.Text("caravan_notes")));
            }
        }

        // link.csv is the large file of a GMNS network: its rows are streamed into links, never held as records (a
        // file rejected part-way leaves an error in the bag, so what was built is not returned).
        var links = new List<Link>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        CsvTable.ReadEach(Path.Combine(folder, "link.csv"), D("link.csv"), GmnsColumns.LinkRequired, Optional(GmnsColumns.Link, GmnsColumns.LinkRequired), bag, r =>
        {
            var linkId = r.RequiredText("link_id");
            var id = r.Text("caravan_id");
            if (id.Length == 0)
            {
                id = linkId;
            }
            if (id.Length > 0 && !ids.Add(id))
            {
                r.Error("caravan_id", $"duplicate link id '{CsvRecord.Clip(id)}'");
            }
            var from = Node(r, "from_node_id", byNodeId);
            var to = Node(r, "to_node_id", byNodeId);
            if (from >= 0 && from == to)
            {
                r.Error("to_node_id", "a link must join two different nodes");
            }
            var directedText = r.RequiredText("directed");
            var directed = true;
            if (directedText.Length > 0 && !TryParseBool(directedText, out directed))
            {
                r.Error("directed", $"'{CsvRecord.Clip(directedText)}' is not a boolean (true/false or 1/0)");
            }
            var bidirectional = !directed;
            var distance = r.Number("length", true, 0, 50_000);
            var speed = r.Number("free_speed", false, 0.001, 2000);
            var modeColumn = r.Text("caravan_mode").Length > 0 ? "caravan_mode" : "allowed_uses";
            var modeText = r.Text(modeColumn);
            if (!Modes.TryParse(modeText, out var mode))
            {
                r.Error(modeColumn, modeText.Length == 0
                    ? "required: the link's mode (caravan_mode, or allowed_uses naming one Caravan mode)"
                    : $"unknown mode '{CsvRecord.Clip(modeText)}'; expected one of {string.Join(", ", Modes.All)}");
            }
            var hours = r.Number("caravan_hours", false, 0, 24 * 60);
            var tariffFeu = r.Number("caravan_tariff_usd_per_feu", false, 0, 1e7);
            var tariffTonne = r.Number("caravan_tariff_usd_per_tonne", false, 0, 1e6);
            var capacity = r.Number("caravan_capacity_per_year", false, 0.000001, 1e12);
            var capacityUnit = r.Text("caravan_capacity_unit");
            if (capacity is not null && capacityUnit.Length == 0)
            {
                r.Error("caravan_capacity_unit", "a capacity needs its unit (TEU, tonnes, bcm, trains, trucks)");
            }
            var tracks = r.Integer("caravan_tracks", false, 1, 8);
            var statusText = r.Text("caravan_status");
            var status = LinkStatus.Operating;
            if (statusText.Length > 0 && !TryParseStatus(statusText, out status))
            {
                r.Error("caravan_status", $"unknown status '{CsvRecord.Clip(statusText)}'; expected operating, construction or planned");
            }
            var opening = r.Integer("caravan_opening_year", false, 1800, 2200);
            if (status != LinkStatus.Operating && opening is null && r.Errors == 0)
            {
                r.Error("caravan_opening_year", $"a {statusText} link needs its opening year");
            }
            BorderCrossing? border = null;
            var isBorder = string.Equals(r.Text("facility_type"), GmnsColumns.BorderFacility, StringComparison.OrdinalIgnoreCase);
            if (isBorder)
            {
                var median = r.Number("caravan_border_median_hours", true, 0, 24 * 365);
                var p90 = r.Number("caravan_border_p90_hours", true, 0, 24 * 365);
                if (median is { } m && p90 is { } p && p < m)
                {
                    r.Error("caravan_border_p90_hours", $"p90 ({p}) must not be below the median ({m})");
                }
                border = new BorderCrossing(median ?? 0, p90 ?? 0, r.Number("caravan_border_fee_usd_per_feu", false, 0, 1e7) ?? 0, r.Number("caravan_border_fee_usd_per_tonne", false, 0, 1e6) ?? 0);
            }
            else
            {
                foreach (var column in (ReadOnlySpan<string>)["caravan_border_median_hours", "caravan_border_p90_hours", "caravan_border_fee_usd_per_feu", "caravan_border_fee_usd_per_tonne"])
                {
                    if (r.Text(column).Length > 0)
                    {
                        r.Error(column, $"border values need facility_type={GmnsColumns.BorderFacility}");
                    }
                }
            }
            if (r.Errors == 0)
            {
                links.Add(new Link(id, from, to, mode, distance!.Value, speed, hours, tariffFeu, tariffTonne, capacity, capacityUnit,
                    tracks, status, opening, bidirectional, r.Text("caravan_corridor"), border, r.List("caravan_source"), r.Text("caravan_notes")));
            }
        }, out _);
        var snapshot = bag.Snapshot();
        return bag.HasErrors ? new GmnsLoadResult(null, null, snapshot) : new GmnsLoadResult(places, links, snapshot);
    }

    /// <summary>
    /// Reads a GMNS folder and completes it into a network with what GMNS does not carry (transfers, services, mode
    /// and commodity parameters, sources) from <paramref name="companion"/>, matching transfers to places by code.
    /// </summary>
    /// <exception cref="CaravanDataException">The folder has errors, or a transfer's place is not among the nodes.</exception>
    public static Network ReadNetwork(string folder, Network companion)
    {
        var result = Read(folder);
        if (result.Places is null || result.Links is null)
        {
            throw new CaravanDataException($"cannot load GMNS network from {folder}", result.Diagnostics);
        }
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < result.Places.Count; i++)
        {
            index[result.Places[i].Code] = i;
        }
        var bag = new DiagnosticBag();
        var transfers = new List<Transfer>(companion.Transfers.Count);
        foreach (var t in companion.Transfers)
        {
            var code = companion.Places[t.Place].Code;
            if (index.TryGetValue(code, out var place))
            {
                transfers.Add(t with { Place = place });
            }
            else
            {
                bag.Error("node.csv", 0, "caravan_code", $"the companion network has a transfer at {code}, which is not a node");
            }
        }
        bag.ThrowIfErrors($"cannot complete GMNS network from {folder}");
        var modes = new List<ModeParameters>();
        foreach (var m in companion.ModeParameters)
        {
            if (m is not null)
            {
                modes.Add(m);
            }
        }
        var commodities = new List<CommodityInfo>();
        foreach (var c in companion.CommodityInfos)
        {
            if (c is not null)
            {
                commodities.Add(c);
            }
        }
        return new Network(result.Places, result.Links, transfers, companion.Services, modes, commodities, companion.Sources);
    }

    private static string[] Optional(IReadOnlyList<string> all, IReadOnlyList<string> required)
    {
        var list = new List<string>();
        foreach (var c in all)
        {
            if (!required.Contains(c))
            {
                list.Add(c);
            }
        }
        return [.. list];
    }

    private static int Node(CsvRecord r, string column, Dictionary<string, int> byNodeId)
    {
        var text = r.RequiredText(column);
        if (text.Length == 0)
        {
            return -1;
        }
        if (!byNodeId.TryGetValue(text, out var index))
        {
            r.Error(column, $"node '{CsvRecord.Clip(text)}' is not in node.csv");
            return -1;
        }
        return index;
    }

    private static bool TryParseBool(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true": case "1": case "t": case "yes": value = true; return true;
            case "false": case "0": case "f": case "no": value = false; return true;
            default: value = false; return false;
        }
    }

    private static bool TryParseKind(string text, out PlaceKind kind)
    {
        foreach (var k in Enum.GetValues<PlaceKind>())
        {
            if (string.Equals(GmnsWriter.KindName(k), text, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = PlaceKind.City;
        return false;
    }

    private static bool TryParseStatus(string text, out LinkStatus status)
    {
        foreach (var s in Enum.GetValues<LinkStatus>())
        {
            if (string.Equals(GmnsWriter.StatusName(s), text, StringComparison.OrdinalIgnoreCase))
            {
                status = s;
                return true;
            }
        }
        status = LinkStatus.Operating;
        return false;
    }
}
