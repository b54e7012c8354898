using System.Globalization;
using System.Text;

namespace Caravan.Model;

/// <summary>One place found by a search, with how well it matched (lower is better).</summary>
/// <param name="Place">Index of the place.</param>
/// <param name="Rank">0 code, 1 exact name or alias, 2 prefix, 3 substring, 4+ fuzzy (edit distance).</param>
/// <param name="MatchedText">The name or alias that matched.</param>
public readonly record struct PlaceMatch(int Place, int Rank, string MatchedText);

/// <summary>The outcome of resolving a user's text to a place.</summary>
/// <param name="Place">The place a search starts or ends at, or -1.</param>
/// <param name="Ambiguous">When the text names several localities: them.</param>
/// <param name="Suggestions">When the text names nothing: the nearest places.</param>
public sealed record PlaceResolution(int Place, IReadOnlyList<Locality> Ambiguous, IReadOnlyList<Place> Suggestions)
{
    /// <summary>
    /// True when the text named a locality (its code, name or alias, or a prefix of one) rather than one of its
    /// places: a route may then start or end at any place of that locality.
    /// </summary>
    public bool WholeLocality { get; init; }

    /// <summary>The sentence for a failed resolution: <c>ambiguous: …</c> or <c>unknown place …</c>.</summary>
    public string Problem(string text) => Ambiguous.Count > 0
        ? $"ambiguous: '{text.Trim()}' names {Ambiguous.Count} places: {string.Join(", ", Ambiguous.Select(l => $"{l.Name} ({l.Code}, {l.Country})"))}; give a code or the full name"
        : $"unknown place '{text.Trim()}'" + (Suggestions.Count > 0 ? $"; did you mean {string.Join(", ", Suggestions.Select(p => $"{p.Name} ({p.Code})"))}?" : "");
}

/// <summary>
/// Finds places by code, name or alias the way users write them: case, accents, apostrophes, dashes and spaces
/// are ignored ("xian", "Xi’an", "CNSIA", "Алма-Ата"), and a miss offers the nearest names.
/// </summary>
public sealed class PlaceSearch
{
    private readonly Network _network;
    private readonly List<(int Place, string Key, string Text)> _keys = [];

    /// <summary>Indexes every code, name and alias of the network's places.</summary>
    public PlaceSearch(Network network)
    {
        _network = network;
        for (var i = 0; i < network.Places.Count; i++)
        {
            var p = network.Places[i];
            Add(i, p.Code);
            Add(i, p.Name);
            foreach (var a in p.Aliases)
            {
                Add(i, a);
            }
        }
    }

    private void Add(int place, string text)
    {
        var key = Normalize(text);
        if (key.Length > 0)
        {
            _keys.Add((place, key, text));
        }
    }

    /// <summary>Folds text for comparison: lower case, no accents, letters and digits only.</summary>
    public static string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var decomposed = Normalizable(text).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (cat == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
        }
        // Fold the letters that do not decompose (ł, ø, ı, đ, ß).
        return sb.Replace('ł', 'l').Replace('ø', 'o').Replace('ı', 'i').Replace('đ', 'd').Replace("ß", "ss").ToString();
    }

    /// <summary>
    /// The text without what <see cref="string.Normalize(NormalizationForm)"/> rejects with an exception: unpaired
    /// surrogates and the noncharacters U+FFFE and U+FFFF (valid in UTF-8 files, so a data file can hold them).
    /// None of them is a letter or digit, so the folded key is the same as if they had never been there.
    /// </summary>
    private static string Normalizable(string text)
    {
        var bad = -1;
        for (var i = 0; i < text.Length && bad < 0; i++)
        {
            bad = IsRejected(text, i, out _) ? i : -1;
        }
        if (bad < 0)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, bad);
        for (var i = bad; i < text.Length; i++)
        {
            if (!IsRejected(text, i, out var pair))
            {
                sb.Append(text[i]);
                if (pair)
                {
                    sb.Append(text[++i]);
                }
            }
        }
        return sb.ToString();
    }

    private static bool IsRejected(string text, int i, out bool pair)
    {
        var c = text[i];
        pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        return c is '\uFFFE' or '\uFFFF' || (char.IsSurrogate(c) && !pair && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])));
    }

    /// <summary>Places matching <paramref name="query"/>, best first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<PlaceMatch> Search(string query, int limit = 10)
    {
        var q = Normalize(query);
        var best = new Dictionary<int, PlaceMatch>();
        if (q.Length == 0)
        {
            return [];
        }
        foreach (var (place, key, text) in _keys)
        {
            int rank;
            if (key == q)
            {
                rank = _network.Places[place].Code.Equals(query.Trim(), StringComparison.OrdinalIgnoreCase) ? 0 : 1;
            }
            else if (key.StartsWith(q, StringComparison.Ordinal))
            {
                rank = 2;
            }
            else if (q.Length >= 3 && key.Contains(q, StringComparison.Ordinal))
            {
                rank = 3;
            }
            else
            {
                var d = EditDistance(q, key, 3);
                var allowed = q.Length <= 4 ? 1 : q.Length <= 8 ? 2 : 3;
                if (d > allowed)
                {
                    continue;
                }
                rank = 3 + d;
            }
            if (!best.TryGetValue(place, out var existing) || rank < existing.Rank)
            {
                best[place] = new PlaceMatch(place, rank, text);
            }
        }
        var list = best.Values.ToList();
        list.Sort((a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : string.CompareOrdinal(_network.Places[a.Place].Name, _network.Places[b.Place].Name));
        return list.Count > limit ? list.GetRange(0, limit) : list;
    }

    /// <summary>
    /// Resolves a user's text to one place: a place that names the place (its code, name or alias) or a locality
    /// (its code, name or alias: the search starts at the locality's principal place). Returns false with suggestions,
    /// or the localities a really ambiguous name matches, otherwise.
    /// </summary>
    public bool TryResolve(string text, out int place, out IReadOnlyList<Place> suggestions)
    {
        var r = Resolve(text);
        place = r.Place;
        suggestions = r.Ambiguous.Count > 0 ? r.Ambiguous.Select(l => _network.Places[l.Principal]).ToList() : r.Suggestions;
        return r.Place >= 0;
    }

    /// <summary>
    /// Resolves a user's text. A text shaped like a code (no spaces) matches codes exactly — of a locality first,
    /// then of a place — and nothing else, so <c>CNTAO</c> is Qingdao and never another city's airport. Otherwise, in
    /// this order, the first that matches wins: a locality's name, a locality's alias, a place's name, a place's
    /// alias (exact, ignoring case, accents and punctuation), then a prefix of any of them. Matches in two localities
    /// at the winning step are ambiguous; a name and an alias of one locality are not.
    /// </summary>
    public PlaceResolution Resolve(string text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length > 0 && !trimmed.Contains(' ', StringComparison.Ordinal))
        {
            if (_network.TryGetLocality(trimmed, out var l))
            {
                return new PlaceResolution(_network.Localities[l].Principal, [], []) { WholeLocality = true };
            }
            if (_network.TryGetPlace(trimmed, out var p))
            {
                return new PlaceResolution(p, [], []);
            }
        }
        var q = Normalize(trimmed);
        if (q.Length == 0)
        {
            return new PlaceResolution(-1, [], []);
        }
        // Exact steps: 0 locality name, 1 locality alias, 2 place name, 3 place alias; 4 prefix of any.
        var hits = new List<(int Step, int Place, int Locality)>();
        for (var li = 0; li < _network.Localities.Count; li++)
        {
            var loc = _network.Localities[li];
            if (Normalize(loc.Name) == q)
            {
                hits.Add((0, loc.Principal, li));
            }
            foreach (var a in loc.Aliases)
            {
                if (Normalize(a) == q)
                {
                    hits.Add((1, loc.Principal, li));
                }
            }
        }
        foreach (var (place, key, text2) in _keys)
        {
            if (string.Equals(text2, _network.Places[place].Code, StringComparison.Ordinal))
            {
                continue; // codes match only exactly, above
            }
            var isName = string.Equals(text2, _network.Places[place].Name, StringComparison.Ordinal);
            if (key == q)
            {
                hits.Add((isName ? 2 : 3, place, _network.LocalityOf(place)));
            }
            else if (key.StartsWith(q, StringComparison.Ordinal))
            {
                hits.Add((4, place, _network.LocalityOf(place)));
            }
        }
        for (var li = 0; li < _network.Localities.Count && q.Length > 0; li++)
        {
            var loc = _network.Localities[li];
            if (Normalize(loc.Name).StartsWith(q, StringComparison.Ordinal) && Normalize(loc.Name) != q)
            {
                hits.Add((4, loc.Principal, li));
            }
        }
        if (hits.Count > 0)
        {
            var step = hits.Min(h => h.Step);
            var best = hits.Where(h => h.Step == step).ToList();
            var localities = best.Select(h => h.Locality).Distinct().ToList();
            if (localities.Count == 1)
            {
                // A place named exactly is that place; a locality or a prefix starts at the locality's principal place.
                var places = best.Select(h => h.Place).Distinct().ToList();
                var exact = step is 2 or 3 && places.Count == 1;
                var place = exact ? places[0] : _network.Localities[localities[0]].Principal;
                return new PlaceResolution(place, [], []) { WholeLocality = !exact };
            }
            if (step < 4 || localities.Count <= 5)
            {
                return new PlaceResolution(-1, localities.Select(l => _network.Localities[l]).ToList(), []);
            }
        }
        var matches = Search(text ?? "", 8);
        var suggestions = matches.Count > 0
            ? matches.Select(m => _network.Places[m.Place]).Take(5).ToList()
            : ClosestPlaces(text ?? "", 3);
        return new PlaceResolution(-1, [], suggestions);
    }

    private List<Place> ClosestPlaces(string text, int count)
    {
        var q = Normalize(text);
        var scored = new Dictionary<int, int>();
        foreach (var (place, key, _) in _keys)
        {
            var d = EditDistance(q, key, 64);
            if (!scored.TryGetValue(place, out var e) || d < e)
            {
                scored[place] = d;
            }
        }
        return scored.OrderBy(kv => kv.Value).Take(count).Select(kv => _network.Places[kv.Key]).ToList();
    }

    /// <summary>The codes closest to a mistyped code, for "did you mean" in data diagnostics.</summary>
    public static IReadOnlyList<string> ClosestCodes(string code, IEnumerable<string> codes, int count)
    {
        var q = Normalize(code);
        return codes
            .Select(c => (Code: c, Distance: EditDistance(q, Normalize(c), 3)))
            .Where(t => t.Distance <= 3)
            .OrderBy(t => t.Distance)
            .Take(count)
            .Select(t => t.Code)
            .ToList();
    }

    /// <summary>Levenshtein distance, giving up (returning <paramref name="cap"/>+1) once it must exceed the cap.</summary>
    public static int EditDistance(string a, string b, int cap)
    {
        if (Math.Abs(a.Length - b.Length) > cap)
        {
            return cap + 1;
        }
        if (a.Length > 256 || b.Length > 256)
        {
            return cap + 1;
        }
        Span<int> prev = stackalloc int[b.Length + 1];
        Span<int> cur = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.Min(rowMin, cur[j]);
            }
            if (rowMin > cap)
            {
                return cap + 1;
            }
            var tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[b.Length];
    }
}
