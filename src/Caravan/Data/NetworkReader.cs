using Caravan.Data.Csv;
using Caravan.Model;

namespace Caravan.Data;

/// <summary>
/// Reads a network folder (places.csv, links.csv, crossings.csv, transfers.csv, services.csv, modes.csv,
/// commodities.csv, sources.csv) into a <see cref="Network"/>. Every problem becomes a diagnostic with file,
/// line and field; the load fails with all of them together, and no row is dropped silently.
/// </summary>
public static class NetworkReader
{
    /// <summary>The files a network folder holds.</summary>
    public static readonly IReadOnlyList<string> FileNames =
        ["sources.csv", "modes.csv", "commodities.csv", "places.csv", "links.csv", "crossings.csv", "transfers.csv", "services.csv"];

    /// <summary>Reads a folder; throws <see cref="CaravanDataException"/> with every diagnostic when it has errors.</summary>
    public static Network ReadFolder(string folder)
    {
        var result = TryReadFolder(folder);
        if (result.Network is null)
        {
            throw new CaravanDataException($"cannot load network from {folder}", result.Diagnostics);
        }
        return result.Network;
    }

    /// <summary>Reads a folder, returning the network (null on errors) and all diagnostics, warnings included.</summary>
    public static NetworkLoadResult TryReadFolder(string folder)
    {
        var bag = new DiagnosticBag();
        if (!Directory.Exists(folder))
        {
            bag.Error(folder, 0, "", "network folder not found");
            return new NetworkLoadResult(null, bag.Snapshot());
        }
        string P(string name) => Path.Combine(folder, name);
        string D(string name) => Path.Combine(Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)), name);

        // A file rejected as a whole (unreadable, bad header) is one diagnostic; rows of other files are then not
        // checked against its missing content, so no follow-on "unknown id" errors bury the real problem.
        var sources = ReadSources(CsvTable.Read(P("sources.csv"), D("sources.csv"), ["id", "title"], ["publisher", "year", "url", "notes"], bag, out var sourcesUnreadable));
        var sourceIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in sources)
        {
            sourceIds.Add(s.Id);
        }
        var context = new ReadContext(bag, sourceIds) { CheckSources = !sourcesUnreadable };

        var modes = ReadModes(CsvTable.Read(P("modes.csv"), D("modes.csv"), ["mode", "speed_kmh", "cost_usd_per_feu_km", "cost_usd_per_tonne_km", "co2e_kg_per_tonne_km", "source"], ["min_speed_kmh", "max_speed_kmh", "notes"], bag), context);
        var commodities = ReadCommodities(CsvTable.Read(P("commodities.csv"), D("commodities.csv"), ["commodity", "unit", "tonnes_per_unit", "modes", "source"], ["value_of_time_usd_per_hour", "reliability_ratio", "road", "rail_usd_per_tonne_km", "notes"], bag), context);
        var places = ReadPlaces(CsvTable.Read(P("places.csv"), D("places.csv"), ["code", "name", "country", "lat", "lon", "source"], ["kind", "locality", "aliases", "notes"], bag, out var placesUnreadable), context);
        // localities.csv is optional: it names the localities that are not simply one place of the same code.
        var localities = File.Exists(P("localities.csv"))
            ? ReadLocalities(CsvTable.Read(P("localities.csv"), D("localities.csv"), ["code", "name", "country", "principal", "source"], ["aliases", "notes"], bag), context)
            : [];
        CheckLocalities(places, localities, bag, D("places.csv"), D("localities.csv"), context);
        var placeIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < places.Count; i++)
        {
            placeIndex[places[i].Code] = i;
        }
        context.PlaceIndex = placeIndex;
        context.CheckPlaces = !placesUnreadable;

        // links.csv is by far the largest file: its rows are streamed into links, never held as records.
        var links = new List<Link>();
        var linkIds = new HashSet<string>(StringComparer.Ordinal);
        var linksUnreadable = ReadLinks(P("links.csv"), D("links.csv"), ["id", "from", "to", "mode", "distance_km", "status", "source"], ["speed_kmh", "hours", "median_hours", "p90_hours", "tariff_usd_per_feu", "tariff_usd_per_tonne", "capacity_per_year", "capacity_unit", "tracks", "opening_year", "direction", "corridor", "notes"], context, places, links, linkIds, crossing: false);
        var crossingsUnreadable = ReadLinks(P("crossings.csv"), D("crossings.csv"), ["id", "from", "to", "mode", "median_hours", "p90_hours", "source"], ["distance_km", "fee_usd_per_feu", "fee_usd_per_tonne", "capacity_per_year", "capacity_unit", "status", "opening_year", "direction", "corridor", "speed_kmh", "hours", "tracks", "notes"], context, places, links, linkIds, crossing: true);
        var transfers = ReadTransfers(CsvTable.Read(P("transfers.csv"), D("transfers.csv"), ["place", "from_mode", "to_mode", "kind", "median_hours", "source"], ["p90_hours", "cost_usd_per_feu", "cost_usd_per_tonne", "co2e_kg_per_tonne", "capacity_per_year", "capacity_unit", "notes"], bag), context);
        var services = ReadServices(CsvTable.Read(P("services.csv"), D("services.csv"), ["id", "links", "departures_per_week", "source"], ["name", "operator", "timetable", "notes"], bag), context, linksUnreadable || crossingsUnreadable ? null : linkIds);

        foreach (var m in Modes.All)
        {
            if (!modes.Exists(p => p.Mode == m))
            {
                bag.Error(D("modes.csv"), 0, "mode", $"no row for mode {m}");
            }
        }
        foreach (var c in Commodities.Required)
        {
            if (!commodities.Exists(p => p.Commodity == c))
            {
                bag.Error(D("commodities.csv"), 0, "commodity", $"no row for commodity {c.Name()}");
            }
        }
        if (bag.HasErrors)
        {
            return new NetworkLoadResult(null, bag.Snapshot());
        }
        var network = new Network(places, links, transfers, services, modes, commodities, sources, localities);
        // Loading runs the same plausibility checks as `caravan validate`: an error there refuses the load.
        bag.AddRange(Validation.NetworkValidator.Validate(network, context.Locations));
        if (bag.HasErrors)
        {
            return new NetworkLoadResult(null, bag.Snapshot(), context.Locations);
        }
        return new NetworkLoadResult(network, bag.Snapshot(), context.Locations);
    }

    private sealed class ReadContext(DiagnosticBag bag, HashSet<string> sourceIds)
    {
        public DiagnosticBag Bag { get; } = bag;
        public HashSet<string> SourceIds { get; } = sourceIds;
        public Dictionary<string, int> PlaceIndex { get; set; } = [];
        public bool CheckSources { get; init; } = true;
        public bool CheckPlaces { get; set; } = true;
        public RowLocations Locations { get; } = new();

        // Rows repeat the same texts (notes, corridors, source lists): one copy each, so a million links do not
        // hold a million copies. Bounded, so a file of all-distinct texts costs no more than without it.
        private const int MaxShared = 1 << 16;
        private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IReadOnlyList<string>> _sourceLists = new(StringComparer.Ordinal);

        /// <summary>One shared copy of a repeated text.</summary>
        public string Intern(string text)
        {
            if (text.Length == 0)
            {
                return "";
            }
            if (_texts.TryGetValue(text, out var shared))
            {
                return shared;
            }
            if (_texts.Count < MaxShared)
            {
                _texts[text] = text;
            }
            return text;
        }

        public IReadOnlyList<string> Sources(CsvRecord r)
        {
            var text = r.Text("source");
            if (!_sourceLists.TryGetValue(text, out var ids))
            {
                ids = r.List("source");
                if (_sourceLists.Count < MaxShared)
                {
                    _sourceLists[text] = ids;
                }
            }
            r.CheckSources("source", ids, CheckSources ? SourceIds : null);
            return ids;
        }

        public int Place(CsvRecord r, string column)
        {
            var code = r.RequiredText(column);
            if (code.Length == 0)
            {
                return -1;
            }
            if (!PlaceIndex.TryGetValue(code, out var i))
            {
                if (!CheckPlaces)
                {
                    return -1;
                }
                r.Error(column, $"unknown place code '{CsvRecord.Clip(code)}'{Suggest(code)}");
                return -1;
            }
            return i;
        }

        private string Suggest(string code)
        {
            var best = PlaceSearch.ClosestCodes(code, PlaceIndex.Keys, 1);
            return best.Count > 0 ? $" (did you mean '{best[0]}'?)" : "";
        }
    }

    private static List<Source> ReadSources(IReadOnlyList<CsvRecord> rows)
    {
        var list = new List<Source>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in rows)
        {
            var id = r.RequiredText("id");
            if (id.Length > 0 && !seen.Add(id))
            {
                r.Error("id", $"duplicate source id '{CsvRecord.Clip(id)}'");
            }
            var title = r.RequiredText("title");
            if (r.Errors == 0)
            {
                list.Add(new Source(id, title, r.Text("publisher"), r.Text("year"), r.Text("url"), r.Text("notes")));
            }
        }
        return list;
    }

    private static Mode? ParseMode(CsvRecord r, string column)
    {
        var t = r.RequiredText(column);
        if (t.Length == 0)
        {
            return null;
        }
        if (!Modes.TryParse(t, out var m))
        {
            r.Error(column, $"unknown mode '{CsvRecord.Clip(t)}'; expected one of {string.Join(", ", Modes.All)}");
            return null;
        }
        return m;
    }

    private static List<ModeParameters> ReadModes(IReadOnlyList<CsvRecord> rows, ReadContext ctx)
    {
        var list = new List<ModeParameters>();
        foreach (var r in rows)
        {
            var mode = ParseMode(r, "mode");
            var speed = r.Number("speed_kmh", true, 0.001, 2000);
            var min = r.Number("min_speed_kmh", false, 0, 2000) ?? 0;
            var max = r.Number("max_speed_kmh", false, 0.001, 5000) ?? 2000;
            // Empty for modes no container may use (air, pipelines); commodities.csv decides who uses what.
            var feu = r.Number("cost_usd_per_feu_km", false, 0, 1e6) ?? 0;
            var tonne = r.Number("cost_usd_per_tonne_km", true, 0, 1e6);
            var co2 = r.Number("co2e_kg_per_tonne_km", true, 0, 100);
            var src = ctx.Sources(r);
            if (mode is { } m && list.Exists(p => p.Mode == m))
            {
                r.Error("mode", $"mode {m} is defined twice");
            }
            if (r.Errors == 0 && mode is not null)
            {
                list.Add(new ModeParameters(mode.Value, speed!.Value, min, max, feu, tonne!.Value, co2!.Value, src));
            }
        }
        return list;
    }

    private static List<CommodityInfo> ReadCommodities(IReadOnlyList<CsvRecord> rows, ReadContext ctx)
    {
        var list = new List<CommodityInfo>();
        foreach (var r in rows)
        {
            var name = r.RequiredText("commodity");
            Commodity commodity = default;
            if (name.Length > 0 && !Commodities.TryParse(name, out commodity))
            {
                r.Error("commodity", $"unknown commodity '{CsvRecord.Clip(name)}'; expected {string.Join(", ", Commodities.All.Select(c => c.Name()))}");
            }
            var unit = r.RequiredText("unit");
            if (unit.Length > 0 && !unit.Equals("FEU", StringComparison.OrdinalIgnoreCase) && !unit.Equals("tonne", StringComparison.OrdinalIgnoreCase))
            {
                r.Error("unit", $"unit must be FEU or tonne, not '{CsvRecord.Clip(unit)}'");
            }
            else if (commodity.IsContainer() && unit.Equals("tonne", StringComparison.OrdinalIgnoreCase))
            {
                r.Error("unit", $"{commodity.Name()} is a container class: its unit is FEU");
            }
            var tpu = r.Number("tonnes_per_unit", true, 0.001, 1000);
            var modes = new HashSet<Mode>();
            foreach (var m in r.List("modes"))
            {
                if (Modes.TryParse(m, out var mode))
                {
                    modes.Add(mode);
                }
                else
                {
                    r.Error("modes", $"unknown mode '{CsvRecord.Clip(m)}'");
                }
            }
            if (modes.Count == 0)
            {
                r.Error("modes", "a commodity must name at least one mode that carries it");
            }
            var src = ctx.Sources(r);
            if (r.Errors == 0 && list.Exists(c => c.Commodity == commodity))
            {
                r.Error("commodity", $"commodity {commodity.Name()} is defined twice");
            }
            var vot = r.Number("value_of_time_usd_per_hour", false, 0, 1e6);
            var ratio = r.Number("reliability_ratio", false, 0, 10);
            var railRate = r.Number("rail_usd_per_tonne_km", false, 0, 10);
            if (railRate is not null && unit.Equals("FEU", StringComparison.OrdinalIgnoreCase))
            {
                r.Error("rail_usd_per_tonne_km", "a containerised commodity is priced per FEU; a per-tonne rail rate applies to tonne commodities");
            }
            var roadText = r.Text("road");
            RoadRule? parsed = roadText.ToLowerInvariant() switch { "" or "any" => RoadRule.Any, "ends" => RoadRule.Ends, "access" => RoadRule.Access, _ => null };
            var road = parsed ?? RoadRule.Any;
            if (parsed is null)
            {
                r.Error("road", $"'{CsvRecord.Clip(roadText)}' is not a road rule; expected any, ends or access");
            }
            if (r.Errors == 0)
            {
                list.Add(new CommodityInfo(commodity, unit, tpu!.Value, modes, src) { ValueOfTimeUsdPerHour = vot, ReliabilityRatio = ratio ?? 0, RoadRule = road, RailUsdPerTonneKm = railRate });
            }
        }
        return list;
    }

    private static List<Place> ReadPlaces(IReadOnlyList<CsvRecord> rows, ReadContext ctx)
    {
        var list = new List<Place>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in rows)
        {
            var code = r.RequiredText("code");
            if (code.Length > 0 && seen.TryGetValue(code, out var firstLine))
            {
                r.Error("code", $"duplicate place code '{CsvRecord.Clip(code)}' (first defined on line {firstLine})");
            }
            else if (code.Length > 0)
            {
                seen[code] = r.Line;
            }
            if (code.Length > 40 || code.Contains(';') || code.Contains(' '))
            {
                r.Error("code", "a place code has at most 40 characters and no spaces or ';'");
            }
            var name = r.RequiredText("name");
            var country = r.RequiredText("country");
            if (country.Length > 0 && (country.Length != 2 || !char.IsAsciiLetterUpper(country[0]) || !char.IsAsciiLetterUpper(country[1])))
            {
                r.Error("country", $"'{CsvRecord.Clip(country)}' is not an ISO 3166-1 alpha-2 code (two capital letters)");
            }
            var lat = r.Number("lat", true, FieldRanges.Place("lat"));
            var lon = r.Number("lon", true, FieldRanges.Place("lon"));
            var kindText = r.Text("kind");
            var kind = PlaceKind.City;
            if (kindText.Length > 0 && !TryParseKind(kindText, out kind))
            {
                r.Error("kind", $"unknown kind '{CsvRecord.Clip(kindText)}'; expected city, terminal, port, dry-port, airport, border-station, pipeline-station or junction");
            }
            var src = ctx.Sources(r);
            if (r.Errors == 0)
            {
                ctx.Locations.Places[list.Count] = (r.File, r.Line);
                list.Add(new Place(code, name, country, lat!.Value, lon!.Value, kind, r.List("aliases"), src, r.Text("notes")) { Locality = r.Text("locality") });
            }
        }
        return list;
    }

    private static List<LocalityRow> ReadLocalities(IReadOnlyList<CsvRecord> rows, ReadContext ctx)
    {
        var list = new List<LocalityRow>();
        foreach (var r in rows)
        {
            var code = r.RequiredText("code");
            var name = r.RequiredText("name");
            var country = r.RequiredText("country");
            var principal = r.RequiredText("principal");
            ctx.Sources(r);
            if (code.Length > 0 && list.Exists(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase)))
            {
                r.Error("code", $"locality '{CsvRecord.Clip(code)}' is defined twice");
            }
            if (r.Errors == 0)
            {
                list.Add(new LocalityRow(code, name, country, principal, r.List("aliases")));
                ctx.Locations.Localities[code] = (r.File, r.Line);
            }
        }
        return list;
    }

    /// <summary>Every locality a place names must exist (a place of that code or a localities.csv row) and hold its principal place.</summary>
    private static void CheckLocalities(List<Place> places, List<LocalityRow> rows, DiagnosticBag bag, string placesFile, string localitiesFile, ReadContext ctx)
    {
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in places)
        {
            codes.Add(p.Code);
        }
        var rowCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in rows)
        {
            rowCodes.Add(r.Code);
        }
        for (var i = 0; i < places.Count; i++)
        {
            var l = places[i].Locality;
            if (l.Length > 0 && !codes.Contains(l) && !rowCodes.Contains(l))
            {
                var (file, line) = ctx.Locations.Places.GetValueOrDefault(i, (placesFile, 0));
                bag.Error(file, line, "locality", $"locality '{CsvRecord.Clip(l)}' is neither a place code nor a row of localities.csv");
            }
        }
        foreach (var r in rows)
        {
            var member = places.Exists(p => string.Equals(p.Code, r.PrincipalCode, StringComparison.OrdinalIgnoreCase)
                && (string.Equals(p.Locality, r.Code, StringComparison.OrdinalIgnoreCase) || (p.Locality.Length == 0 && string.Equals(p.Code, r.Code, StringComparison.OrdinalIgnoreCase))));
            if (!member)
            {
                var (file, line) = ctx.Locations.Localities.GetValueOrDefault(r.Code, (localitiesFile, 0));
                bag.Error(file, line, "principal", $"'{CsvRecord.Clip(r.PrincipalCode)}' is not a place of locality {r.Code}");
            }
        }
    }

    private static bool TryParseKind(string text, out PlaceKind kind) =>
        Enum.TryParse(text.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _);

    /// <summary>Streams a links or crossings file into <paramref name="links"/>; true when the file as a whole was rejected (its rows are then not kept).</summary>
    private static bool ReadLinks(string path, string displayName, IReadOnlyList<string> required, IReadOnlyList<string> optional, ReadContext ctx, List<Place> places, List<Link> links, HashSet<string> ids, bool crossing)
    {
        var first = links.Count;
        CsvTable.ReadEach(path, displayName, required, optional, ctx.Bag, r => ReadLink(r, ctx, places, links, ids, crossing), out var unreadable);
        if (unreadable)
        {
            for (var i = first; i < links.Count; i++)
            {
                ids.Remove(links[i].Id);
                ctx.Locations.Links.Remove(i);
            }
            links.RemoveRange(first, links.Count - first);
        }
        return unreadable;
    }

    private static void ReadLink(CsvRecord r, ReadContext ctx, List<Place> places, List<Link> links, HashSet<string> ids, bool crossing)
    {
        var id = r.RequiredText("id");
        if (id.Length > 0 && !ids.Add(id))
        {
            r.Error("id", $"duplicate link id '{CsvRecord.Clip(id)}'");
        }
        var from = ctx.Place(r, "from");
        var to = ctx.Place(r, "to");
        if (from >= 0 && from == to)
        {
            r.Error("to", "a link must join two different places");
        }
        var mode = ParseMode(r, "mode");
        var distance = crossing ? r.Number("distance_km", false, FieldRanges.Crossing("distance_km")) ?? 0 : r.Number("distance_km", true, FieldRanges.Link("distance_km"));
        var speed = r.Number("speed_kmh", false, FieldRanges.Link("speed_kmh"));
        var hours = r.Number("hours", false, FieldRanges.Link("hours"));
        var tariffFeu = r.Number(crossing ? "fee_usd_per_feu" : "tariff_usd_per_feu", false, FieldRanges.Link(crossing ? "fee_usd_per_feu" : "tariff_usd_per_feu", crossing));
        var tariffTonne = r.Number(crossing ? "fee_usd_per_tonne" : "tariff_usd_per_tonne", false, FieldRanges.Link(crossing ? "fee_usd_per_tonne" : "tariff_usd_per_tonne", crossing));
        var capacity = r.Number("capacity_per_year", false, FieldRanges.Link("capacity_per_year"));
        var capacityUnit = r.Text("capacity_unit");
        if (capacity is not null && capacityUnit.Length == 0)
        {
            r.Error("capacity_unit", "a capacity needs its unit (TEU, tonnes, bcm, trains, trucks)");
        }
        var tracks = r.Integer("tracks", false, FieldRanges.Link("tracks"));
        var statusText = crossing && r.Text("status").Length == 0 ? "operating" : r.RequiredText("status");
        var status = LinkStatus.Operating;
        if (statusText.Length > 0 && !TryParseStatus(statusText, out status))
        {
            r.Error("status", $"unknown status '{CsvRecord.Clip(statusText)}'; expected operating, construction or planned");
        }
        var opening = r.Integer("opening_year", false, FieldRanges.Link("opening_year"));
        if (status != LinkStatus.Operating && opening is null && r.Errors == 0)
        {
            r.Error("opening_year", $"a {statusText} link needs its opening year");
        }
        var direction = r.Text("direction");
        var bidirectional = true;
        if (direction.Length > 0)
        {
            if (direction.Equals("forward", StringComparison.OrdinalIgnoreCase))
            {
                bidirectional = false;
            }
            else if (!direction.Equals("both", StringComparison.OrdinalIgnoreCase))
            {
                r.Error("direction", $"direction must be both or forward, not '{CsvRecord.Clip(direction)}'");
            }
        }
        BorderCrossing? border = null;
        if (crossing)
        {
            var median = r.Number("median_hours", true, FieldRanges.Crossing("median_hours"));
            var p90 = r.Number("p90_hours", true, FieldRanges.Crossing("p90_hours"));
            if (median is { } m && p90 is { } p && p < m)
            {
                r.Error("p90_hours", $"p90 ({p}) must not be below the median ({m})");
            }
            border = new BorderCrossing(median ?? 0, p90 ?? 0, tariffFeu ?? 0, tariffTonne ?? 0);
            if (from >= 0 && to >= 0 && places[from].Country == places[to].Country)
            {
                r.Error("to", $"a border crossing joins two countries, but both ends are in {places[from].Country}");
            }
        }
        double? dwellMedian = null, dwellP90 = null;
        if (!crossing)
        {
            // An ordinary link may carry a dwell distribution of its own (a sea leg's port calls and congestion).
            dwellMedian = r.Number("median_hours", false, 0, 24 * 365);
            dwellP90 = r.Number("p90_hours", false, 0, 24 * 365);
            if (dwellP90 is { } p && (dwellMedian is not { } m || p < m))
            {
                r.Error("p90_hours", dwellMedian is null ? "a p90 dwell needs its median_hours" : $"p90 ({p}) must not be below the median ({dwellMedian})");
            }
        }
        if (!crossing && from >= 0 && to >= 0 && mode is { } md && !md.MayCrossBorderDirectly() && places[from].Country != places[to].Country)
        {
            r.Error("to", $"a {md} link may not join {places[from].Country} and {places[to].Country} directly; add the border to crossings.csv");
        }
        if (!crossing && speed is null && hours is null && mode is { } && r.Errors == 0)
        {
            // Default speed from modes.csv applies; nothing to report.
        }
        var src = ctx.Sources(r);
        if (r.Errors == 0)
        {
            ctx.Locations.Links[links.Count] = (r.File, r.Line);
            links.Add(new Link(
                id, from, to, mode!.Value, distance!.Value, speed, hours,
                crossing ? null : tariffFeu, crossing ? null : tariffTonne,
                capacity, ctx.Intern(capacityUnit), tracks, status, opening, bidirectional, ctx.Intern(r.Text("corridor")), border, src, ctx.Intern(r.Text("notes")))
            {
                DwellMedianHours = dwellMedian,
                DwellP90Hours = dwellP90 ?? dwellMedian,
            });
        }
    }

    private static bool TryParseStatus(string text, out LinkStatus status)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "operating": case "open": status = LinkStatus.Operating; return true;
            case "construction": case "under-construction": case "under construction": status = LinkStatus.Construction; return true;
            case "planned": case "proposed": status = LinkStatus.Planned; return true;
            default: status = default; return false;
        }
    }

    private static List<Transfer> ReadTransfers(IReadOnlyList<CsvRecord> rows, ReadContext ctx)
    {
        var list = new List<Transfer>();
        var seen = new HashSet<(int, Mode, Mode)>();
        foreach (var r in rows)
        {
            var place = ctx.Place(r, "place");
            var a = ParseMode(r, "from_mode");
            var b = ParseMode(r, "to_mode");
            if (a is not null && a == b)
            {
                r.Error("to_mode", "a transfer joins two different modes");
            }
            var kind = r.RequiredText("kind");
            var median = r.Number("median_hours", true, FieldRanges.Transfer("median_hours"));
            var p90 = r.Number("p90_hours", false, FieldRanges.Transfer("p90_hours"));
            if (median is { } m && p90 is { } p && p < m)
            {
                r.Error("p90_hours", $"p90 ({p}) must not be below the median ({m})");
            }
            var feu = r.Number("cost_usd_per_feu", false, FieldRanges.Transfer("cost_usd_per_feu")) ?? 0;
            var tonne = r.Number("cost_usd_per_tonne", false, FieldRanges.Transfer("cost_usd_per_tonne")) ?? 0;
            var co2 = r.Number("co2e_kg_per_tonne", false, FieldRanges.Transfer("co2e_kg_per_tonne")) ?? 0;
            var capacity = r.Number("capacity_per_year", false, FieldRanges.Transfer("capacity_per_year"));
            var src = ctx.Sources(r);
            if (place >= 0 && a is { } ma && b is { } mb)
            {
                var key = ma < mb ? (place, ma, mb) : (place, mb, ma);
                if (!seen.Add(key))
                {
                    r.Error("to_mode", $"a transfer between {ma} and {mb} at this place is already defined");
                }
            }
            if (r.Errors == 0)
            {
                ctx.Locations.Transfers[list.Count] = (r.File, r.Line);
                list.Add(new Transfer(place, a!.Value, b!.Value, kind, median!.Value, p90 ?? median!.Value, feu, tonne, co2, capacity, r.Text("capacity_unit"), src, r.Text("notes")));
            }
        }
        return list;
    }

    private static List<Service> ReadServices(IReadOnlyList<CsvRecord> rows, ReadContext ctx, HashSet<string>? linkIds)
    {
        var list = new List<Service>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var id = r.RequiredText("id");
            if (id.Length > 0 && !seen.Add(id))
            {
                r.Error("id", $"duplicate service id '{CsvRecord.Clip(id)}'");
            }
            var links = r.List("links");
            if (links.Count == 0)
            {
                r.Error("links", "a service runs on at least one link");
            }
            foreach (var l in links)
            {
                if (linkIds is not null && !linkIds.Contains(l))
                {
                    r.Error("links", $"unknown link id '{CsvRecord.Clip(l)}'");
                }
            }
            var perWeek = r.Number("departures_per_week", true, FieldRanges.Service("departures_per_week"));
            var timetable = new List<WeeklyDeparture>();
            foreach (var entry in r.List("timetable"))
            {
                if (TimetableParser.TryParse(entry, out var dep))
                {
                    timetable.Add(dep);
                }
                else
                {
                    r.Error("timetable", $"'{CsvRecord.Clip(entry)}' is not a weekly departure like 'Mon 08:00'");
                }
            }
            timetable.Sort((x, y) => x.HourOfWeek.CompareTo(y.HourOfWeek));
            var src = ctx.Sources(r);
            if (r.Errors == 0)
            {
                list.Add(new Service(id, r.Text("name"), r.Text("operator"), links, perWeek!.Value, timetable, src, r.Text("notes")));
            }
        }
        return list;
    }
}

/// <summary>The outcome of reading a network folder.</summary>
/// <param name="Network">The network, or null when there were errors.</param>
/// <param name="Diagnostics">Every error and warning found.</param>
/// <param name="Locations">Where each place, link and transfer was defined, for diagnostics about the network.</param>
public sealed record NetworkLoadResult(Network? Network, IReadOnlyList<Diagnostic> Diagnostics, RowLocations? Locations = null);

/// <summary>File and line of each row that became a place, link or transfer.</summary>
public sealed class RowLocations
{
    /// <summary>Place index → (file, line).</summary>
    public Dictionary<int, (string File, int Line)> Places { get; } = [];

    /// <summary>Link index → (file, line).</summary>
    public Dictionary<int, (string File, int Line)> Links { get; } = [];

    /// <summary>Transfer index → (file, line).</summary>
    public Dictionary<int, (string File, int Line)> Transfers { get; } = [];

    /// <summary>Locality code → (file, line) of its localities.csv row.</summary>
    public Dictionary<string, (string File, int Line)> Localities { get; } = new(StringComparer.OrdinalIgnoreCase);
}
