using System.Globalization;
using Caravan.Model;

namespace Caravan.Services;

/// <summary>A place found by a place search.</summary>
/// <param name="Code">Place code (UN/LOCODE where one exists).</param>
/// <param name="Name">English name.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country.</param>
/// <param name="Lat">Latitude.</param>
/// <param name="Lon">Longitude.</param>
/// <param name="Kind">city, port, border-station…</param>
/// <param name="Matched">The code, name or alias that matched the query.</param>
public sealed record PlaceHit(string Code, string Name, string Country, double Lat, double Lon, string Kind, string Matched);

/// <summary>A place search as typed: text, and how many answers.</summary>
public sealed record PlaceQuery
{
    /// <summary>Text to search for.</summary>
    [QueryField(FieldKind.Text, "Text typed so far: code, name or alias in any script (case, accents and punctuation ignored; near misses included); without it, places in name order")]
    public string? Q { get; set; }

    /// <summary>Most places to list.</summary>
    [QueryField(FieldKind.Integer, "At most this many places (1–50; default 10 with q, every place without)")]
    public string? Limit { get; set; }
}

/// <summary>The places use case: search (best first) and list (name order), with one set of limits for every door.</summary>
/// <param name="network">The network searched.</param>
/// <param name="search">Its place index.</param>
/// <param name="options">Limits.</param>
public sealed class PlaceService(Network network, PlaceSearch search, EngineOptions? options = null)
{
    private readonly EngineOptions _options = options ?? EngineOptions.Default;

    /// <summary>Longest search text accepted.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>Searches or lists places.</summary>
    public ServiceResult<IReadOnlyList<PlaceHit>> Search(PlaceQuery query)
    {
        int? limit = null;
        if (!string.IsNullOrWhiteSpace(query.Limit))
        {
            if (!int.TryParse(query.Limit.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 1 || n > _options.MaxPlaceResults)
            {
                var shown = Diagnostic.Cut(query.Limit, 41);
                return ServiceResult<IReadOnlyList<PlaceHit>>.Fail([EngineError.Invalid("limit", $"must be a whole number from 1 to {_options.MaxPlaceResults}, not '{shown}'")]);
            }
            limit = n;
        }
        if (query.Q is { Length: > MaxQueryLength })
        {
            return ServiceResult<IReadOnlyList<PlaceHit>>.Fail([EngineError.Invalid("q", $"is {query.Q.Length} characters long; at most {MaxQueryLength} are accepted")]);
        }
        PlaceHit Hit(int i, string matched)
        {
            var p = network.Places[i];
            return new PlaceHit(p.Code, p.Name, p.Country, p.Latitude, p.Longitude, p.Kind.ToString(), matched);
        }
        if (string.IsNullOrWhiteSpace(query.Q))
        {
            return ServiceResult<IReadOnlyList<PlaceHit>>.Ok(Enumerable.Range(0, network.Places.Count)
                .OrderBy(i => network.Places[i].Name, StringComparer.Ordinal)
                .Take(limit ?? network.Places.Count)
                .Select(i => Hit(i, network.Places[i].Name))
                .ToList());
        }
        return ServiceResult<IReadOnlyList<PlaceHit>>.Ok(search.Search(query.Q, limit ?? _options.DefaultPlaceResults).Select(m => Hit(m.Place, m.MatchedText)).ToList());
    }
}
