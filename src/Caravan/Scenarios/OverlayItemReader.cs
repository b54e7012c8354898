using Caravan.Data;
using Caravan.Model;
using Caravan.Scenarios.Json;

namespace Caravan.Scenarios;

/// <summary>
/// Turns the items of an <c>add</c> change (objects with the CSV columns of data/README.md) into places, links,
/// crossings, transfers and services, reporting each bad field with the item's file, line and JSON path.
/// </summary>
internal sealed class OverlayItemReader(NetworkBuilder network, OverlayChange change, DiagnosticBag bag)
{
    private static readonly string[] PlaceKeys = ["code", "name", "country", "lat", "lon", "kind", "aliases", "source", "notes"];
    private static readonly string[] LinkKeys = ["id", "from", "to", "mode", "distance_km", "speed_kmh", "hours", "tariff_usd_per_feu", "tariff_usd_per_tonne", "capacity_per_year", "capacity_unit", "tracks", "status", "opening_year", "direction", "corridor", "source", "notes"];
    private static readonly string[] CrossingKeys = ["id", "from", "to", "mode", "distance_km", "median_hours", "p90_hours", "fee_usd_per_feu", "fee_usd_per_tonne", "speed_kmh", "hours", "tracks", "capacity_per_year", "capacity_unit", "status", "opening_year", "direction", "corridor", "source", "notes"];
    private static readonly string[] TransferKeys = ["place", "from_mode", "to_mode", "kind", "median_hours", "p90_hours", "cost_usd_per_feu", "cost_usd_per_tonne", "co2e_kg_per_tonne", "capacity_per_year", "capacity_unit", "source", "notes"];
    private static readonly string[] ServiceKeys = ["id", "name", "operator", "links", "departures_per_week", "timetable", "source", "notes"];

    private int _errors;

    public Place? ReadPlace(JNode item)
    {
        var before = _errors;
        CheckKeys(item, PlaceKeys);
        var code = Text(item, "code", required: true);
        if (code.Length > 0 && network.TryGetPlace(code, out _))
        {
            Error(item.Get("code")!, $"place '{code}' already exists");
        }
        var country = Text(item, "country", required: true);
        if (country.Length > 0 && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
        {
            Error(item.Get("country")!, $"'{LocatedJsonParser.Clip(country)}' is not an ISO 3166-1 alpha-2 code");
        }
        var lat = Number(item, "lat", true, FieldRanges.Place("lat"));
        var lon = Number(item, "lon", true, FieldRanges.Place("lon"));
        var kindText = Text(item, "kind", required: false);
        var kind = PlaceKind.City;
        if (kindText.Length > 0 && !(Enum.TryParse(kindText.Replace("-", "", StringComparison.Ordinal), true, out kind) && Enum.IsDefined(kind)))
        {
            Error(item.Get("kind")!, $"unknown kind '{LocatedJsonParser.Clip(kindText)}'");
        }
        var place = new Place(code, Text(item, "name", required: true), country, lat ?? 0, lon ?? 0, kind, List(item, "aliases"), Sources(item), Text(item, "notes", false));
        return _errors > before ? null : place;
    }

    public Link? ReadLink(JNode item, bool crossing)
    {
        var before = _errors;
        CheckKeys(item, crossing ? CrossingKeys : LinkKeys);
        var id = Text(item, "id", required: true);
        if (id.Length > 0 && network.LinkById(id) is not null)
        {
            Error(item.Get("id")!, $"link '{id}' already exists; use 'set' to change it");
        }
        var from = PlaceRef(item, "from");
        var to = PlaceRef(item, "to");
        if (from >= 0 && from == to)
        {
            Error(item.Get("to")!, "a link joins two different places");
        }
        var mode = ModeRef(item, "mode");
        var distance = Number(item, "distance_km", !crossing, FieldRanges.Link("distance_km", crossing));
        var speed = Number(item, "speed_kmh", false, FieldRanges.Link("speed_kmh"));
        var hours = Number(item, "hours", false, FieldRanges.Link("hours"));
        var capacity = Number(item, "capacity_per_year", false, FieldRanges.Link("capacity_per_year"));
        var tracks = Number(item, "tracks", false, FieldRanges.Link("tracks"));
        var statusText = Text(item, "status", required: false);
        var status = LinkStatus.Operating;
        if (statusText.Length > 0 && !OverlayReader.TryParseStatus(statusText, out status))
        {
            Error(item.Get("status")!, "'status' is one of operating, construction, planned");
        }
        var opening = Number(item, "opening_year", false, FieldRanges.Link("opening_year"));
        if (status != LinkStatus.Operating && opening is null)
        {
            Error(item, $"a {statusText} link needs 'opening_year'", item.Path + ".opening_year");
        }
        var direction = Text(item, "direction", false);
        if (direction.Length > 0 && direction != "both" && direction != "forward")
        {
            Error(item.Get("direction")!, "'direction' is both or forward");
        }
        var corridor = Text(item, "corridor", false);
        if (corridor.Length > 0 && !OverlayReader.CorridorLabels.Contains(corridor))
        {
            Error(item.Get("corridor")!, $"unknown corridor '{LocatedJsonParser.Clip(corridor)}'{OverlayReader.Suggest(corridor, OverlayReader.CorridorLabels)}");
        }
        BorderCrossing? border = null;
        if (crossing)
        {
            var median = Number(item, "median_hours", true, FieldRanges.Crossing("median_hours"));
            var p90 = Number(item, "p90_hours", true, FieldRanges.Crossing("p90_hours"));
            if (median is { } m && p90 is { } p && p < m)
            {
                Error(item.Get("p90_hours")!, $"p90 ({p}) must not be below the median ({m})");
            }
            border = new BorderCrossing(median ?? 0, p90 ?? 0, Number(item, "fee_usd_per_feu", false, FieldRanges.Crossing("fee_usd_per_feu")) ?? 0, Number(item, "fee_usd_per_tonne", false, FieldRanges.Crossing("fee_usd_per_tonne")) ?? 0);
            if (from >= 0 && to >= 0 && network.Places[from].Country == network.Places[to].Country)
            {
                Error(item.Get("to")!, $"a border crossing joins two countries, but both ends are in {network.Places[from].Country}");
            }
        }
        else if (from >= 0 && to >= 0 && mode is { } md && !md.MayCrossBorderDirectly() && network.Places[from].Country != network.Places[to].Country)
        {
            Error(item.Get("to")!, $"a {md} link may not join {network.Places[from].Country} and {network.Places[to].Country} directly; add it with \"on\": \"crossings\"");
        }
        var link = new Link(id, from, to, mode ?? Mode.Road, distance ?? 0, speed, hours,
            crossing ? null : Number(item, "tariff_usd_per_feu", false, FieldRanges.Link("tariff_usd_per_feu")), crossing ? null : Number(item, "tariff_usd_per_tonne", false, FieldRanges.Link("tariff_usd_per_tonne")),
            capacity, Text(item, "capacity_unit", capacity is not null), tracks is { } t ? (int)t : null, status, opening is { } o ? (int)o : null,
            direction != "forward", corridor, border, Sources(item), Text(item, "notes", false));
        return _errors > before ? null : link;
    }

    public Transfer? ReadTransfer(JNode item)
    {
        var before = _errors;
        CheckKeys(item, TransferKeys);
        var place = PlaceRef(item, "place");
        var a = ModeRef(item, "from_mode");
        var b = ModeRef(item, "to_mode");
        if (a is not null && a == b)
        {
            Error(item.Get("to_mode")!, "a transfer joins two different modes");
        }
        if (place >= 0 && a is { } ma && b is { } mb && network.Transfers.Exists(t => t.Place == place && ((t.ModeA == ma && t.ModeB == mb) || (t.ModeA == mb && t.ModeB == ma))))
        {
            Error(item, $"a transfer between {ma} and {mb} at {network.Places[place].Code} already exists; use 'set' on transfers");
        }
        var median = Number(item, "median_hours", true, FieldRanges.Transfer("median_hours"));
        var p90 = Number(item, "p90_hours", false, FieldRanges.Transfer("p90_hours"));
        if (median is { } m && p90 is { } p && p < m)
        {
            Error(item.Get("p90_hours")!, $"p90 ({p}) must not be below the median ({m})");
        }
        var transfer = new Transfer(place, a ?? Mode.Road, b ?? Mode.Road, Text(item, "kind", true), median ?? 0, p90 ?? median ?? 0,
            Number(item, "cost_usd_per_feu", false, FieldRanges.Transfer("cost_usd_per_feu")) ?? 0, Number(item, "cost_usd_per_tonne", false, FieldRanges.Transfer("cost_usd_per_tonne")) ?? 0,
            Number(item, "co2e_kg_per_tonne", false, FieldRanges.Transfer("co2e_kg_per_tonne")) ?? 0, Number(item, "capacity_per_year", false, FieldRanges.Transfer("capacity_per_year")), Text(item, "capacity_unit", false),
            Sources(item), Text(item, "notes", false));
        return _errors > before ? null : transfer;
    }

    public Service? ReadService(JNode item)
    {
        var before = _errors;
        CheckKeys(item, ServiceKeys);
        var id = Text(item, "id", required: true);
        if (id.Length > 0 && network.Services.Exists(s => s.Id == id))
        {
            Error(item.Get("id")!, $"service '{id}' already exists; use 'set' on services");
        }
        var links = List(item, "links");
        if (links.Count == 0)
        {
            Error(item, "a service runs on at least one link", item.Path + ".links");
        }
        foreach (var l in links)
        {
            if (network.LinkById(l) is null)
            {
                Error(item.Get("links")!, $"unknown link id '{LocatedJsonParser.Clip(l)}'{OverlayReader.Suggest(l, network.Links.Select(x => x.Id))}");
            }
        }
        var perWeek = Number(item, "departures_per_week", true, FieldRanges.Service("departures_per_week"));
        var timetable = new List<WeeklyDeparture>();
        foreach (var entry in List(item, "timetable"))
        {
            if (TimetableParser.TryParse(entry, out var dep))
            {
                timetable.Add(dep);
            }
            else
            {
                Error(item.Get("timetable")!, $"'{LocatedJsonParser.Clip(entry)}' is not a weekly departure like 'Mon 08:00'");
            }
        }
        timetable.Sort((x, y) => x.HourOfWeek.CompareTo(y.HourOfWeek));
        var service = new Service(id, Text(item, "name", false), Text(item, "operator", false), links, perWeek ?? 1, timetable, Sources(item), Text(item, "notes", false));
        return _errors > before ? null : service;
    }

    private void Error(JNode node, string message, string? path = null)
    {
        _errors++;
        bag.Error(change.File, node.Line, path ?? node.Path, message);
    }

    private void CheckKeys(JNode item, string[] allowed)
    {
        foreach (var (key, value) in item.Properties)
        {
            if (!allowed.Contains(key))
            {
                Error(value, $"unknown column '{LocatedJsonParser.Clip(key)}'{OverlayReader.Suggest(key, allowed)}");
            }
        }
    }

    private string Text(JNode item, string key, bool required)
    {
        var node = item.Get(key);
        if (node is null || node.Kind == JKind.Null)
        {
            if (required)
            {
                Error(item, $"missing '{key}'", item.Path + "." + key);
            }
            return "";
        }
        if (node.Kind is JKind.String)
        {
            if (required && node.Text.Trim().Length == 0)
            {
                Error(node, $"'{key}' is empty");
            }
            return node.Text.Trim();
        }
        Error(node, $"'{key}' is a string, not {node.KindName}");
        return "";
    }

    private double? Number(JNode item, string key, bool required, FieldRange range)
    {
        var (min, max) = (range.Min, range.Max);
        var node = item.Get(key);
        if (node is null || node.Kind == JKind.Null)
        {
            if (required)
            {
                Error(item, $"missing '{key}'", item.Path + "." + key);
            }
            return null;
        }
        if (node.Kind != JKind.Number)
        {
            Error(node, $"'{key}' is a number, not {node.KindName}");
            return null;
        }
        if (node.Number < min || node.Number > max)
        {
            Error(node, $"{node.Text} is out of range [{min}, {max}]");
            return null;
        }
        return node.Number;
    }

    private List<string> List(JNode item, string key)
    {
        var node = item.Get(key);
        if (node is null || node.Kind == JKind.Null)
        {
            return [];
        }
        if (node.Kind == JKind.String)
        {
            return [.. node.Text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }
        if (node.Kind == JKind.Array && node.Items.All(i => i.Kind == JKind.String))
        {
            return [.. node.Items.Select(i => i.Text.Trim()).Where(t => t.Length > 0)];
        }
        Error(node, $"'{key}' is a string or an array of strings, not {node.KindName}");
        return [];
    }

    private List<string> Sources(JNode item)
    {
        var ids = List(item, "source");
        if (ids.Count == 0)
        {
            ids = [.. change.SourceIds];
        }
        if (ids.Count == 0)
        {
            Error(item, "every added element cites a source: give 'source' on the item or on the change", item.Path + ".source");
        }
        return ids;
    }

    private int PlaceRef(JNode item, string key)
    {
        var code = Text(item, key, required: true);
        if (code.Length == 0)
        {
            return -1;
        }
        if (!network.TryGetPlace(code, out var index))
        {
            Error(item.Get(key)!, $"unknown place code '{LocatedJsonParser.Clip(code)}'{OverlayReader.Suggest(code, network.PlaceCodes)}");
            return -1;
        }
        return index;
    }

    private Mode? ModeRef(JNode item, string key)
    {
        var text = Text(item, key, required: true);
        if (text.Length == 0)
        {
            return null;
        }
        if (!Modes.TryParse(text, out var mode))
        {
            Error(item.Get(key)!, $"unknown mode '{LocatedJsonParser.Clip(text)}'; expected one of {string.Join(", ", Modes.All)}");
            return null;
        }
        return mode;
    }
}
