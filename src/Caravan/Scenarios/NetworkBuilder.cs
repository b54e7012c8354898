using Caravan.Model;

namespace Caravan.Scenarios;

/// <summary>
/// A working copy of a network's element lists that an overlay edits; <see cref="Build"/> makes a new immutable
/// <see cref="Network"/>. The network it started from is never changed.
/// </summary>
internal sealed class NetworkBuilder
{
    private readonly Network _origin;
    private Dictionary<string, int>? _placeIndex;

    public NetworkBuilder(Network origin)
    {
        _origin = origin;
        Places = [.. origin.Places];
        Links = [.. origin.Links];
        Transfers = [.. origin.Transfers];
        Services = [.. origin.Services];
    }

    public List<Place> Places { get; }

    public List<Link> Links { get; }

    public List<Transfer> Transfers { get; }

    public List<Service> Services { get; }

    /// <summary>Per-mode defaults (unchanged by overlays).</summary>
    public ModeParameters? ParametersOf(Mode mode) => _origin.ModeParameters[(int)mode];

    /// <summary>The source ids the network knows.</summary>
    public IEnumerable<string> SourceIds => _origin.Sources.Select(s => s.Id);

    public bool TryGetPlace(string code, out int index)
    {
        _placeIndex ??= BuildPlaceIndex();
        return _placeIndex.TryGetValue(code, out index);
    }

    public IEnumerable<string> PlaceCodes => Places.Select(p => p.Code);

    public Link? LinkById(string id) => Links.Find(l => l.Id == id);

    public void AddPlace(Place place)
    {
        Places.Add(place);
        _placeIndex = null;
    }

    /// <summary>Removes links and drops them from the services that ran on them; a service left with no link goes too.</summary>
    public int RemoveLinks(Func<Link, bool> predicate, List<string> removedIds)
    {
        var removed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var l in Links)
        {
            if (predicate(l))
            {
                removed.Add(l.Id);
                removedIds.Add(l.Id);
            }
        }
        if (removed.Count == 0)
        {
            return 0;
        }
        Links.RemoveAll(l => removed.Contains(l.Id));
        for (var i = Services.Count - 1; i >= 0; i--)
        {
            var s = Services[i];
            if (s.LinkIds.Any(removed.Contains))
            {
                var left = s.LinkIds.Where(id => !removed.Contains(id)).ToList();
                if (left.Count == 0)
                {
                    Services.RemoveAt(i);
                }
                else
                {
                    Services[i] = s with { LinkIds = left };
                }
            }
        }
        return removed.Count;
    }

    /// <summary>Removes places with every link and transfer touching them; re-indexes the rest.</summary>
    public void RemovePlaces(HashSet<int> indices, List<string> removedLinkIds)
    {
        RemoveLinks(l => indices.Contains(l.From) || indices.Contains(l.To), removedLinkIds);
        Transfers.RemoveAll(t => indices.Contains(t.Place));
        var map = new int[Places.Count];
        var kept = new List<Place>(Places.Count);
        for (var i = 0; i < Places.Count; i++)
        {
            if (indices.Contains(i))
            {
                map[i] = -1;
                continue;
            }
            map[i] = kept.Count;
            kept.Add(Places[i]);
        }
        Places.Clear();
        Places.AddRange(kept);
        for (var i = 0; i < Links.Count; i++)
        {
            Links[i] = Links[i] with { From = map[Links[i].From], To = map[Links[i].To] };
        }
        for (var i = 0; i < Transfers.Count; i++)
        {
            Transfers[i] = Transfers[i] with { Place = map[Transfers[i].Place] };
        }
        _placeIndex = null;
    }

    public Network Build() => new(
        Places,
        Links,
        Transfers,
        Services,
        _origin.ModeParameters.Where(m => m is not null).Select(m => m!).ToList(),
        _origin.CommodityInfos.Where(c => c is not null).Select(c => c!).ToList(),
        _origin.Sources);

    private Dictionary<string, int> BuildPlaceIndex()
    {
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Places.Count; i++)
        {
            d.TryAdd(Places[i].Code, i);
        }
        return d;
    }
}
