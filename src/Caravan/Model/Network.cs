using System.Collections.Frozen;

namespace Caravan.Model;

/// <summary>
/// The immutable multimodal network: places, links (border crossings among them), transfers, services,
/// per-mode parameters, commodities and sources. Places and links are addressed by dense int indices.
/// </summary>
public sealed class Network
{
    private readonly FrozenDictionary<string, int> _placeByCode;
    private readonly FrozenDictionary<string, int> _localityByCode;
    private readonly int[] _localityOf;
    private readonly FrozenDictionary<string, int> _linkById;
    private readonly Service[][] _servicesByLink;
    private readonly Service[][] _boardingForward;
    private readonly Service[][] _boardingReverse;

    /// <summary>Builds a network; references must already be resolved to indices (the readers do this).</summary>
    public Network(
        IReadOnlyList<Place> places,
        IReadOnlyList<Link> links,
        IReadOnlyList<Transfer> transfers,
        IReadOnlyList<Service> services,
        IReadOnlyList<ModeParameters> modes,
        IReadOnlyList<CommodityInfo> commodities,
        IReadOnlyList<Source> sources,
        IReadOnlyList<LocalityRow>? localities = null)
    {
        Places = places;
        Links = links;
        Transfers = transfers;
        Services = services;
        Sources = sources;
        var modeArray = new ModeParameters?[Modes.Count];
        foreach (var m in modes)
        {
            modeArray[(int)m.Mode] = m;
        }
        ModeParameters = modeArray;
        var commodityArray = new CommodityInfo?[Commodities.All.Count];
        foreach (var c in commodities)
        {
            commodityArray[(int)c.Commodity] = c;
        }
        CommodityInfos = commodityArray;

        var byCode = new Dictionary<string, int>(places.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < places.Count; i++)
        {
            byCode.TryAdd(places[i].Code, i);
        }
        _placeByCode = byCode.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        (Localities, _localityOf) = BuildLocalities(places, localities ?? []);
        var localityByCode = new Dictionary<string, int>(Localities.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Localities.Count; i++)
        {
            localityByCode.TryAdd(Localities[i].Code, i);
        }
        _localityByCode = localityByCode.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        var byId = new Dictionary<string, int>(links.Count, StringComparer.Ordinal);
        for (var i = 0; i < links.Count; i++)
        {
            byId.TryAdd(links[i].Id, i);
        }
        _linkById = byId.ToFrozenDictionary(StringComparer.Ordinal);

        var perLink = new List<Service>?[links.Count];
        foreach (var s in services)
        {
            foreach (var id in s.LinkIds)
            {
                if (_linkById.TryGetValue(id, out var li))
                {
                    (perLink[li] ??= []).Add(s);
                }
            }
        }
        _servicesByLink = new Service[links.Count][];
        for (var i = 0; i < links.Count; i++)
        {
            _servicesByLink[i] = perLink[i]?.ToArray() ?? [];
        }

        // A shipment waits for a service where it boards it: on a one-link service (ferry, flight) at either end;
        // on a multi-link service (block train) only at the first link leaving the service's terminus, in each
        // direction, so a train is not waited for again at every station it passes.
        var forward = new List<Service>?[links.Count];
        var reverse = new List<Service>?[links.Count];
        foreach (var s in services)
        {
            var ids = new List<int>();
            foreach (var id in s.LinkIds)
            {
                if (_linkById.TryGetValue(id, out var li))
                {
                    ids.Add(li);
                }
            }
            if (ids.Count == 0)
            {
                continue;
            }
            if (ids.Count == 1)
            {
                (forward[ids[0]] ??= []).Add(s);
                (reverse[ids[0]] ??= []).Add(s);
                continue;
            }
            Board(ids[0], ids[1]);
            Board(ids[^1], ids[^2]);

            void Board(int end, int next)
            {
                var l = links[end];
                var n = links[next];
                // The terminus is the end of the first link that the next link does not touch.
                var fromIsTerminus = l.From != n.From && l.From != n.To;
                ((fromIsTerminus ? forward : reverse)[end] ??= []).Add(s);
            }
        }
        _boardingForward = new Service[links.Count][];
        _boardingReverse = new Service[links.Count][];
        for (var i = 0; i < links.Count; i++)
        {
            _boardingForward[i] = forward[i]?.ToArray() ?? [];
            _boardingReverse[i] = reverse[i]?.ToArray() ?? [];
        }
    }

    /// <summary>The services a shipment boards when it takes a link in a direction (from→to when <paramref name="forward"/>).</summary>
    public IReadOnlyList<Service> BoardingServices(int link, bool forward) => forward ? _boardingForward[link] : _boardingReverse[link];

    /// <summary>Departures per week of the services boarded on a link in a direction (0 when none).</summary>
    /// <remarks>Where a shipment boards at all, it takes the next departure of any service running over the link: a
    /// block train passing through a boarding point (e.g. after a gauge change) departs from there too, so the
    /// frequencies of all services on the link add up. Where no service boards, there is no wait.</remarks>
    public double BoardingDeparturesPerWeek(int link, bool forward)
    {
        if (BoardingServices(link, forward).Count == 0)
        {
            return 0;
        }
        var sum = 0.0;
        foreach (var s in _servicesByLink[link])
        {
            sum += s.DeparturesPerWeek;
        }
        return sum;
    }

    /// <summary>All places; index = place id.</summary>
    public IReadOnlyList<Place> Places { get; }

    /// <summary>All links, border crossings included; index = link id.</summary>
    public IReadOnlyList<Link> Links { get; }

    /// <summary>All transfers.</summary>
    public IReadOnlyList<Transfer> Transfers { get; }

    /// <summary>All scheduled services.</summary>
    public IReadOnlyList<Service> Services { get; }

    /// <summary>All sources.</summary>
    public IReadOnlyList<Source> Sources { get; }

    /// <summary>Per-mode parameters indexed by <c>(int)Mode</c>; null where the data gives none.</summary>
    public IReadOnlyList<ModeParameters?> ModeParameters { get; }

    /// <summary>Commodity definitions indexed by <c>(int)Commodity</c>; null where the data gives none.</summary>
    public IReadOnlyList<CommodityInfo?> CommodityInfos { get; }

    /// <summary>The parameters of a mode.</summary>
    /// <exception cref="InvalidOperationException">The data defines no parameters for the mode.</exception>
    public ModeParameters ParametersOf(Mode mode) =>
        ModeParameters[(int)mode] ?? throw new InvalidOperationException($"modes.csv defines no parameters for {mode}");

    /// <summary>The definition of a commodity.</summary>
    /// <exception cref="InvalidOperationException">The data does not define the commodity.</exception>
    public CommodityInfo InfoOf(Commodity commodity) =>
        CommodityInfos[(int)commodity] ?? throw new InvalidOperationException($"commodities.csv does not define {commodity.Name()}");

    /// <summary>All localities; every place belongs to exactly one.</summary>
    public IReadOnlyList<Locality> Localities { get; }

    /// <summary>The locality index of a place.</summary>
    public int LocalityOf(int place) => _localityOf[place];

    /// <summary>Finds a locality by exact code (case-insensitive).</summary>
    public bool TryGetLocality(string code, out int index) => _localityByCode.TryGetValue(code, out index);

    /// <summary>
    /// Groups places into localities: a place names its locality's code (or none: it is a locality of its own, named
    /// like it); a <see cref="LocalityRow"/> gives the name and the principal place, else the place carrying the
    /// locality's code is principal, else the first.
    /// </summary>
    private static (IReadOnlyList<Locality>, int[]) BuildLocalities(IReadOnlyList<Place> places, IReadOnlyList<LocalityRow> rows)
    {
        var rowOf = new Dictionary<string, LocalityRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in rows)
        {
            rowOf.TryAdd(r.Code, r);
        }
        var order = new List<string>();
        var members = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < places.Count; i++)
        {
            var code = places[i].Locality.Length > 0 ? places[i].Locality : places[i].Code;
            if (!members.TryGetValue(code, out var list))
            {
                members[code] = list = [];
                order.Add(code);
            }
            list.Add(i);
        }
        var result = new List<Locality>(order.Count);
        var localityOf = new int[places.Count];
        foreach (var code in order)
        {
            var list = members[code];
            var principal = list[0];
            foreach (var p in list)
            {
                if (string.Equals(places[p].Code, code, StringComparison.OrdinalIgnoreCase))
                {
                    principal = p;
                }
            }
            var row = rowOf.GetValueOrDefault(code);
            if (row is not null)
            {
                foreach (var p in list)
                {
                    if (string.Equals(places[p].Code, row.PrincipalCode, StringComparison.OrdinalIgnoreCase))
                    {
                        principal = p;
                    }
                }
            }
            var name = row?.Name ?? places[principal].Name;
            var aliases = row?.Aliases ?? (list.Count == 1 ? places[principal].Aliases : []);
            foreach (var p in list)
            {
                localityOf[p] = result.Count;
            }
            result.Add(new Locality(code, name, row?.Country ?? places[principal].Country, aliases, principal, list));
        }
        return (result, localityOf);
    }

    /// <summary>Finds a place by exact code (case-insensitive).</summary>
    public bool TryGetPlace(string code, out int index) => _placeByCode.TryGetValue(code, out index);

    /// <summary>Finds a link by id.</summary>
    public bool TryGetLink(string id, out int index) => _linkById.TryGetValue(id, out index);

    /// <summary>The services running on a link.</summary>
    public IReadOnlyList<Service> ServicesOn(int link) => _servicesByLink[link];

    /// <summary>Total departures per week over all services on a link (0 when unscheduled).</summary>
    public double DeparturesPerWeekOn(int link)
    {
        var sum = 0.0;
        foreach (var s in _servicesByLink[link])
        {
            sum += s.DeparturesPerWeek;
        }
        return sum;
    }
}
