using Caravan.Model;

namespace Caravan.Scenarios;

/// <summary>
/// Which elements a change works on. Every field given must match (AND); a list matches when any of its
/// values does (OR). An empty selector matches everything, so the reader only allows it where that is meant.
/// </summary>
public sealed record Selector
{
    /// <summary>Link, crossing or service ids; place codes for places.</summary>
    public IReadOnlyList<string> Ids { get; init; } = [];

    /// <summary>Corridor labels (<c>cku</c>, <c>middle</c>, <c>north</c>…).</summary>
    public IReadOnlyList<string> Corridors { get; init; } = [];

    /// <summary>ISO alpha-2 codes: the element touches a place in one of them.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>Exactly two ISO codes: the element joins these two countries (a border between them).</summary>
    public IReadOnlyList<string> Between { get; init; } = [];

    /// <summary>Place codes: the element touches one of them.</summary>
    public IReadOnlyList<string> Places { get; init; } = [];

    /// <summary>Modes: the link's mode, either mode of a transfer, the mode of a service's links.</summary>
    public IReadOnlyList<Mode> Modes { get; init; } = [];

    /// <summary>Link statuses.</summary>
    public IReadOnlyList<LinkStatus> Statuses { get; init; } = [];

    /// <summary>Transfer kinds (<c>rail-ferry</c>) or place kinds (<c>port</c>).</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    /// <summary>Case-insensitive text found in the id, name or notes.</summary>
    public string Text { get; init; } = "";

    /// <summary>Links whose opening year is at most this.</summary>
    public int? OpeningYearAtMost { get; init; }

    /// <summary>True when no field is set.</summary>
    public bool IsEmpty => Ids.Count == 0 && Corridors.Count == 0 && Countries.Count == 0 && Between.Count == 0 && Places.Count == 0
        && Modes.Count == 0 && Statuses.Count == 0 && Kinds.Count == 0 && Text.Length == 0 && OpeningYearAtMost is null;

    /// <summary>True when a link matches (ids are link ids).</summary>
    public bool Matches(Link link, IReadOnlyList<Place> places)
    {
        var a = places[link.From];
        var b = places[link.To];
        return (Ids.Count == 0 || Contains(Ids, link.Id, StringComparison.Ordinal))
            && (Corridors.Count == 0 || Contains(Corridors, link.Corridor, StringComparison.OrdinalIgnoreCase))
            && (Countries.Count == 0 || Contains(Countries, a.Country, StringComparison.Ordinal) || Contains(Countries, b.Country, StringComparison.Ordinal))
            && (Between.Count != 2 || (Contains(Between, a.Country, StringComparison.Ordinal) && Contains(Between, b.Country, StringComparison.Ordinal) && a.Country != b.Country))
            && (Places.Count == 0 || Contains(Places, a.Code, StringComparison.OrdinalIgnoreCase) || Contains(Places, b.Code, StringComparison.OrdinalIgnoreCase))
            && (Modes.Count == 0 || Modes.Contains(link.Mode))
            && (Statuses.Count == 0 || Statuses.Contains(link.Status))
            && (Kinds.Count == 0 || Contains(Kinds, link.IsCrossing ? "crossing" : "link", StringComparison.OrdinalIgnoreCase))
            && (Text.Length == 0 || link.Id.Contains(Text, StringComparison.OrdinalIgnoreCase) || link.Notes.Contains(Text, StringComparison.OrdinalIgnoreCase))
            && (OpeningYearAtMost is null || (link.OpeningYear is { } y && y <= OpeningYearAtMost));
    }

    /// <summary>True when a place matches (ids are place codes).</summary>
    public bool Matches(Place place) =>
        (Ids.Count == 0 || Contains(Ids, place.Code, StringComparison.OrdinalIgnoreCase))
        && (Places.Count == 0 || Contains(Places, place.Code, StringComparison.OrdinalIgnoreCase))
        && (Countries.Count == 0 || Contains(Countries, place.Country, StringComparison.Ordinal))
        && (Kinds.Count == 0 || Kinds.Any(k => Normalize(k) == Normalize(place.Kind.ToString())))
        && (Text.Length == 0 || place.Name.Contains(Text, StringComparison.OrdinalIgnoreCase) || place.Notes.Contains(Text, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when a transfer matches.</summary>
    public bool Matches(Transfer transfer, IReadOnlyList<Place> places)
    {
        var p = places[transfer.Place];
        return (Places.Count == 0 || Contains(Places, p.Code, StringComparison.OrdinalIgnoreCase))
            && (Countries.Count == 0 || Contains(Countries, p.Country, StringComparison.Ordinal))
            && (Modes.Count == 0 || Modes.Contains(transfer.ModeA) || Modes.Contains(transfer.ModeB))
            && (Kinds.Count == 0 || Contains(Kinds, transfer.Kind, StringComparison.OrdinalIgnoreCase))
            && (Text.Length == 0 || transfer.Notes.Contains(Text, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// True when a service matches: ids are service ids; the link fields (corridor, countries, places, modes,
    /// statuses) match when any link the service runs on matches them.
    /// </summary>
    public bool Matches(Service service, Func<string, Link?> linkById, IReadOnlyList<Place> places)
    {
        if (Ids.Count > 0 && !Contains(Ids, service.Id, StringComparison.Ordinal))
        {
            return false;
        }
        if (Text.Length > 0 && !service.Id.Contains(Text, StringComparison.OrdinalIgnoreCase) && !service.Name.Contains(Text, StringComparison.OrdinalIgnoreCase) && !service.Notes.Contains(Text, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var linkPart = this with { Ids = [], Text = "", Kinds = [] };
        if (linkPart.IsEmpty)
        {
            return true;
        }
        foreach (var id in service.LinkIds)
        {
            if (linkById(id) is { } link && linkPart.Matches(link, places))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The selector as written, for messages: <c>{corridor: cku; countries: KZ,AZ}</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        void Add(string name, IEnumerable<string> values)
        {
            var list = values.ToList();
            if (list.Count > 0)
            {
                parts.Add($"{name}: {string.Join(",", list)}");
            }
        }
        Add("ids", Ids);
        Add("corridor", Corridors);
        Add("countries", Countries);
        Add("between", Between);
        Add("places", Places);
        Add("modes", Modes.Select(m => m.ToString()));
        Add("status", Statuses.Select(s => s.ToString().ToLowerInvariant()));
        Add("kinds", Kinds);
        if (Text.Length > 0)
        {
            parts.Add($"text: {Text}");
        }
        if (OpeningYearAtMost is { } y)
        {
            parts.Add($"opening_year_max: {y}");
        }
        return "{" + string.Join("; ", parts) + "}";
    }

    private static bool Contains(IReadOnlyList<string> list, string value, StringComparison comparison)
    {
        foreach (var v in list)
        {
            if (string.Equals(v, value, comparison))
            {
                return true;
            }
        }
        return false;
    }

    private static string Normalize(string s) => s.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
}
