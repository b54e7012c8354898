using System.Globalization;
using System.Text;

namespace Caravan.Model;

/// <summary>One place found by a search, with how well it matched (lower is better).</summary>
/// <param name="Place">Index of the place.</param>
/// <param name="Rank">0 code, 1 exact name or alias, 2 prefix, 3 substring, 4+ fuzzy (edit distance).</param>
/// <param name="MatchedText">The name or alias that matched.</param>
public readonly record struct PlaceMatch(int Place, int Rank, string MatchedText);

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
    /// Resolves a user's text to one place: an exact code, name or alias wins; else a single prefix match.
    /// Returns false with suggestions otherwise.
    /// </summary>
    public bool TryResolve(string text, out int place, out IReadOnlyList<Place> suggestions)
    {
        var matches = Search(text, 8);
        suggestions = [];
        place = -1;
        if (matches.Count > 0 && matches[0].Rank <= 1)
        {
            // Several places may share an alias; prefer the code match, then the first.
            place = matches[0].Place;
            return true;
        }
        var prefix = matches.Where(m => m.Rank == 2).ToList();
        if (prefix.Count == 1)
        {
            place = prefix[0].Place;
            return true;
        }
        suggestions = matches.Count > 0
            ? matches.Select(m => _network.Places[m.Place]).Take(5).ToList()
            : ClosestPlaces(text, 3);
        return false;
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
