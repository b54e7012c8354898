using System.Collections.Concurrent;
using System.Globalization;
using Caravan.Model;

namespace Caravan.Routing.Queries;

/// <summary>
/// Turns a <see cref="RouteQuery"/> (text) into a <see cref="RouteRequest"/>, checking every field and collecting every
/// problem. The CLI and the web API both use it, so the two accept exactly the same values with the same messages.
/// Thread-safe once built.
/// </summary>
public sealed class RouteQueryParser
{
    /// <summary>Longest text accepted in one field; longer input is refused before any search.</summary>
    public const int MaxFieldLength = 512;

    /// <summary>Most items accepted in one list field (countries, modes, places).</summary>
    public const int MaxListItems = 64;

    private static readonly char[] ListSeparators = [',', ';', ' '];
    private readonly Network _network;
    private readonly PlaceSearch _search;
    private readonly HashSet<string> _countries;

    /// <summary>Most place texts whose resolution is remembered (a server sees the same few names again and again).</summary>
    private const int MaxRemembered = 4096;
    private readonly ConcurrentDictionary<string, (int Place, IReadOnlyList<Place> Suggestions)> _resolved = new(StringComparer.Ordinal);
    private int _remembered;

    /// <summary>Creates a parser for a network.</summary>
    public RouteQueryParser(Network network, PlaceSearch? search = null)
    {
        _network = network;
        _search = search ?? new PlaceSearch(network);
        _countries = network.Places.Select(p => p.Country).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Parses a query; <paramref name="defaultYear"/> is used when the query gives no year.</summary>
    public RouteQueryResult Parse(RouteQuery query, int defaultYear)
    {
        var errors = new List<RouteQueryError>();
        var warnings = new List<string>();
        foreach (var (field, value) in Fields(query))
        {
            if (value is { Length: > MaxFieldLength })
            {
                errors.Add(RouteQueryError.Invalid(field, $"is {value.Length} characters long; at most {MaxFieldLength} are accepted"));
            }
        }
        if (errors.Count > 0)
        {
            return new RouteQueryResult(null, errors, warnings);
        }
        var from = ResolvePlace("from", query.From, errors);
        var to = ResolvePlace("to", query.To, errors);
        if (from >= 0 && from == to)
        {
            errors.Add(RouteQueryError.Invalid("to", "is the same place as from"));
        }
        var commodity = Commodity.Container;
        if (!string.IsNullOrWhiteSpace(query.Cargo) && !Commodities.TryParse(query.Cargo, out commodity))
        {
            errors.Add(RouteQueryError.Invalid("cargo", $"unknown cargo '{query.Cargo}'; expected container, air-cargo, dry-bulk, liquid-bulk or gas"));
        }
        else if (_network.CommodityInfos[(int)commodity] is null)
        {
            var defined = Commodities.All.Where(c => _network.CommodityInfos[(int)c] is not null).Select(c => c.Name());
            errors.Add(RouteQueryError.Invalid("cargo", $"this network does not define {commodity.Name()}; it defines {string.Join(", ", defined)}"));
        }
        var quantity = Number("quantity", query.Quantity, 1, errors, v => v > 0 && v <= 1e9, "must be a positive number (at most 1e9)");
        var objective = Objective.Generalized;
        if (!string.IsNullOrWhiteSpace(query.Optimize) && !TryParseObjective(query.Optimize, out objective))
        {
            errors.Add(RouteQueryError.Invalid("optimize", $"expected recommended, time, cost, co2 or generalized, not '{query.Optimize}'"));
        }
        var year = Integer("year", query.Year, defaultYear, errors, 1900, 2200);
        int? maxTransfers = string.IsNullOrWhiteSpace(query.MaxTransfers) ? null : Integer("maxTransfers", query.MaxTransfers, 0, errors, 0, 1000);
        var valueOfTime = Number("valueOfTime", query.ValueOfTime, double.NaN, errors, v => v >= 0 && v <= 1e6, "must be a number from 0 to 1e6");
        var carbonPrice = Number("carbonPrice", query.CarbonPrice, 0.07, errors, v => v >= 0 && v <= 1e6, "must be a number from 0 to 1e6");
        var countries = ParseCountries(query.Avoid, errors, warnings);
        var modes = ParseModes(query.AvoidModes, errors);
        var places = ParsePlaces(query.AvoidPlaces, errors);
        if (errors.Count > 0)
        {
            return new RouteQueryResult(null, errors, warnings);
        }
        var constraints = new RouteConstraints
        {
            AvoidCountries = countries,
            AvoidModes = modes,
            AvoidPlaces = places,
            Year = year,
            MaxTransfers = maxTransfers,
        };
        var request = new RouteRequest(from, to, commodity, quantity, objective, constraints, new GeneralizedWeights(double.IsNaN(valueOfTime) ? GeneralizedWeights.For(_network.InfoOf(commodity)).ValueOfTimeUsdPerHour : valueOfTime, carbonPrice));
        return new RouteQueryResult(request, errors, warnings);
    }

    /// <summary>Parses an objective name: time/fastest, cost/cheapest, co2/co2e/greenest, generalized.</summary>
    public static bool TryParseObjective(string? text, out Objective objective)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "time": case "fastest": objective = Objective.Time; return true;
            case "recommended": case "balanced": objective = Objective.Generalized; return true;
            case "cost": case "cheapest": objective = Objective.Cost; return true;
            case "co2": case "co2e": case "greenest": objective = Objective.Co2; return true;
            case "generalized": case "generalised": objective = Objective.Generalized; return true;
            default: objective = default; return false;
        }
    }

    /// <summary>
    /// Resolves one place text as <c>from</c>/<c>to</c> are resolved (same rules, same "did you mean"), for queries
    /// built on this parser (matrices, reach, batches); -1 with an error added when it does not resolve.
    /// </summary>
    public int Resolve(string field, string text, List<RouteQueryError> errors) => ResolvePlace(field, text, errors);

    private static IEnumerable<(string Field, string? Value)> Fields(RouteQuery q) =>
    [
        ("from", q.From), ("to", q.To), ("cargo", q.Cargo), ("quantity", q.Quantity), ("avoid", q.Avoid),
        ("avoidModes", q.AvoidModes), ("avoidPlaces", q.AvoidPlaces), ("optimize", q.Optimize), ("year", q.Year),
        ("maxTransfers", q.MaxTransfers), ("valueOfTime", q.ValueOfTime), ("carbonPrice", q.CarbonPrice),
    ];

    private int ResolvePlace(string field, string? text, List<RouteQueryError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new RouteQueryError(field, RouteQueryErrorKind.Missing, "is required: a place code, name or alias", []));
            return -1;
        }
        if (!_resolved.TryGetValue(text, out var known))
        {
            known = _search.TryResolve(text, out var found, out var near) ? (found, []) : (-1, near);
            if (Volatile.Read(ref _remembered) < MaxRemembered && _resolved.TryAdd(text, known))
            {
                Interlocked.Increment(ref _remembered);
            }
        }
        var (place, suggestions) = known;
        if (place >= 0)
        {
            return place;
        }
        var hint = suggestions.Count > 0 ? $"; did you mean {string.Join(", ", suggestions.Select(p => $"{p.Name} ({p.Code})"))}?" : "";
        errors.Add(new RouteQueryError(field, RouteQueryErrorKind.UnknownPlace, $"unknown place '{text.Trim()}'{hint}", suggestions));
        return -1;
    }

    private static double Number(string field, string? text, double fallback, List<RouteQueryError> errors, Func<double, bool> valid, string rule)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            errors.Add(RouteQueryError.Invalid(field, $"'{text.Trim()}' is not a number; {rule}"));
            return fallback;
        }
        if (!valid(v))
        {
            errors.Add(RouteQueryError.Invalid(field, $"{rule}, not {text.Trim()}"));
            return fallback;
        }
        return v;
    }

    private static int Integer(string field, string? text, int fallback, List<RouteQueryError> errors, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (!int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
        {
            errors.Add(RouteQueryError.Invalid(field, $"must be a whole number from {min} to {max}, not '{text.Trim()}'"));
            return fallback;
        }
        return v;
    }

    private static string[]? Items(string field, string? text, List<RouteQueryError> errors, char[] separators)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var parts = text.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length > MaxListItems)
        {
            errors.Add(RouteQueryError.Invalid(field, $"lists {parts.Length} items; at most {MaxListItems} are accepted"));
            return null;
        }
        return parts;
    }

    private HashSet<string> ParseCountries(string? text, List<RouteQueryError> errors, List<string> warnings)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in Items("avoid", text, errors, ListSeparators) ?? [])
        {
            var code = part.ToUpperInvariant();
            if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
            {
                errors.Add(RouteQueryError.Invalid("avoid", $"'{part}' is not an ISO 3166-1 alpha-2 country code (e.g. RU, BY, IR)"));
                continue;
            }
            if (!_countries.Contains(code))
            {
                warnings.Add($"avoid: no place in the network is in {code}");
            }
            set.Add(code);
        }
        return set;
    }

    private static HashSet<Mode> ParseModes(string? text, List<RouteQueryError> errors)
    {
        var set = new HashSet<Mode>();
        foreach (var part in Items("avoidModes", text, errors, ListSeparators) ?? [])
        {
            if (part.Equals("rail", StringComparison.OrdinalIgnoreCase))
            {
                set.Add(Mode.Rail1435);
                set.Add(Mode.Rail1520);
                continue;
            }
            if (!Modes.TryParse(part, out var m))
            {
                errors.Add(RouteQueryError.Invalid("avoidModes", $"unknown mode '{part}'; expected {string.Join(", ", Modes.All)} or Rail"));
                continue;
            }
            set.Add(m);
        }
        return set;
    }

    private HashSet<int> ParsePlaces(string? text, List<RouteQueryError> errors)
    {
        var set = new HashSet<int>();
        foreach (var part in Items("avoidPlaces", text, errors, [',']) ?? [])
        {
            var p = ResolvePlace("avoidPlaces", part, errors);
            if (p >= 0)
            {
                set.Add(p);
            }
        }
        return set;
    }
}
