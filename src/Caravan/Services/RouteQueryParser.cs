using System.Collections.Concurrent;
using System.Globalization;
using Caravan.Model;
using Caravan.Planning;
using Caravan.Routing;
using Caravan.Units;

namespace Caravan.Services;

/// <summary>
/// Turns a <see cref="RouteQuery"/> (text) into a <see cref="RouteRequest"/> (or a <see cref="RoutePlanQuery"/> into a
/// <see cref="PlanRequest"/>), checking every field against <see cref="EngineOptions"/> and collecting every problem.
/// Every door uses it, so all accept exactly the same values with the same messages. Thread-safe once built.
/// </summary>
public sealed class RouteQueryParser
{
    private static readonly char[] ListSeparators = [',', ';', ' '];
    private readonly EngineOptions _options;
    private readonly Network _network;
    private readonly PlaceSearch _search;
    private readonly HashSet<string> _countries;
    private readonly TimeZoneTable? _zones;

    /// <summary>Most place texts whose resolution is remembered (a server sees the same few names again and again).</summary>
    private const int MaxRemembered = 4096;
    private readonly ConcurrentDictionary<string, (int Place, IReadOnlyList<Place> Suggestions, string Problem, bool Ambiguous, bool WholeLocality)> _resolved = new(StringComparer.Ordinal);
    private int _remembered;

    /// <summary>Creates a parser for a network.</summary>
    /// <param name="network">The network whose places are resolved.</param>
    /// <param name="options">Limits and defaults.</param>
    /// <param name="search">Place resolution (shared with the route service).</param>
    /// <param name="zones">Time zones: a departure without an offset is read in the origin's local time, a deadline in the destination's.</param>
    public RouteQueryParser(Network network, EngineOptions? options = null, PlaceSearch? search = null, TimeZoneTable? zones = null)
    {
        _zones = zones;
        _options = options ?? EngineOptions.Default;
        _network = network;
        _search = search ?? new PlaceSearch(network);
        _countries = network.Places.Select(p => p.Country).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The limits and defaults the parser checks against.</summary>
    public EngineOptions Options => _options;

    /// <summary>
    /// Resolves one place text as <c>from</c>/<c>to</c> are resolved (same rules, same "did you mean"), for queries
    /// built on this parser (matrices, reach, batches); -1 with an error added when it does not resolve.
    /// </summary>
    public int Resolve(string field, string text, List<EngineError> errors) => ResolvePlace(field, text, errors).Place;

    /// <summary>Parses a route query; the year defaults to <see cref="EngineOptions.DefaultYear"/>.</summary>
    public ServiceResult<RouteRequest> Parse(RouteQuery query)
    {
        var errors = new List<EngineError>();
        var warnings = new List<EngineWarning>();
        var request = Parse(query, errors, warnings);
        return request is not null && errors.Count == 0 ? ServiceResult<RouteRequest>.Ok(request, warnings) : ServiceResult<RouteRequest>.Fail(errors, warnings);
    }

    /// <summary>Parses a plan query: the route and how to present it.</summary>
    public ServiceResult<PlanRequest> Parse(RoutePlanQuery query)
    {
        var errors = new List<EngineError>();
        var warnings = new List<EngineWarning>();
        var route = Parse(query, errors, warnings);
        var o = _options;
        var maxOptions = Integer("maxOptions", query.MaxOptions, o.DefaultOptions, errors, 1, o.MaxOptions);
        var alternatives = Integer("alternatives", query.Alternatives, 0, errors, 0, o.MaxAlternatives);
        var explain = Flag("explain", query.Explain, errors);
        var depart = Instant("depart", query.Depart, route?.From, errors);
        var deadline = Instant("deadline", query.Deadline, route?.To, errors);
        if (depart is { } d && deadline is { } dl && dl <= d)
        {
            errors.Add(EngineError.Invalid("deadline", "must be after the departure"));
        }
        var labels = Integer("maxLabels", query.MaxLabels, o.DefaultLabels, errors, 1, o.MaxLabels);
        var seconds = Number("timeLimit", query.TimeLimit, o.DefaultSearchSeconds, errors, v => v > 0 && v <= o.MaxSearchSeconds, $"must be above 0 and at most {o.MaxSearchSeconds.ToString(CultureInfo.InvariantCulture)} seconds");
        var epsilon = Number("epsilon", query.Epsilon, 0, errors, v => v >= 0 && v <= 1, "must be a number from 0 to 1");
        if (route is null || errors.Count > 0)
        {
            return ServiceResult<PlanRequest>.Fail(errors, warnings);
        }
        var limits = new ParetoLimits(labels, TimeSpan.FromSeconds(seconds), epsilon);
        return ServiceResult<PlanRequest>.Ok(new PlanRequest(route, maxOptions, depart, deadline, alternatives, explain, limits), warnings);
    }

    private RouteRequest? Parse(RouteQuery query, List<EngineError> errors, List<EngineWarning> warnings)
    {
        foreach (var (field, value) in QueryFields.Values(query))
        {
            if (value is { Length: > 0 } && value.Length > _options.MaxFieldLength)
            {
                errors.Add(EngineError.Invalid(field, $"is {value.Length} characters long; at most {_options.MaxFieldLength} are accepted"));
            }
        }
        if (errors.Count > 0)
        {
            return null;
        }
        var (from, fromLocality) = ResolvePlace("from", query.From, errors);
        var (to, toLocality) = ResolvePlace("to", query.To, errors);
        if (from >= 0 && from == to)
        {
            errors.Add(EngineError.Invalid("to", "is the same place as from"));
        }
        else if (from >= 0 && to >= 0 && (fromLocality || toLocality) && _network.LocalityOf(from) == _network.LocalityOf(to))
        {
            errors.Add(EngineError.Invalid("to", $"is in the same locality as from ({_network.Localities[_network.LocalityOf(from)].Name}); name two of its places to route between them"));
        }
        var commodity = Commodity.Container;
        if (!string.IsNullOrWhiteSpace(query.Cargo) && !Commodities.TryParse(query.Cargo, out commodity))
        {
            errors.Add(EngineError.Invalid("cargo", $"unknown cargo '{query.Cargo}'; expected container, air-cargo, dry-bulk, liquid-bulk or gas"));
        }
        else if (_network.CommodityInfos[(int)commodity] is null)
        {
            var defined = Commodities.All.Where(c => _network.CommodityInfos[(int)c] is not null).Select(c => c.Name());
            errors.Add(EngineError.Invalid("cargo", $"this network does not define {commodity.Name()}; it defines {string.Join(", ", defined)}"));
        }
        var quantity = Number("quantity", query.Quantity, 1, errors, v => v > 0 && v <= 1e9, "must be a positive number (at most 1e9)");
        var objective = ParseObjective("optimize", query.Optimize, errors);
        var year = ParseYear("year", query.Year, _options, errors);
        int? maxTransfers = string.IsNullOrWhiteSpace(query.MaxTransfers) ? null : Integer("maxTransfers", query.MaxTransfers, 0, errors, 0, 1000);
        var valueOfTime = Number("valueOfTime", query.ValueOfTime, double.NaN, errors, v => v >= 0 && v <= 1e6, "must be a number from 0 to 1e6");
        var carbonPrice = Number("carbonPrice", query.CarbonPrice, 0.07, errors, v => v >= 0 && v <= 1e6, "must be a number from 0 to 1e6");
        var countries = ParseCountries(query.Avoid, errors, warnings);
        var modes = ParseModes(query.AvoidModes, errors);
        var places = ParsePlaces(query.AvoidPlaces, errors);
        if (errors.Count > 0)
        {
            return null;
        }
        var constraints = new RouteConstraints
        {
            AvoidCountries = countries,
            AvoidModes = modes,
            AvoidPlaces = places,
            Year = year,
            MaxTransfers = maxTransfers,
        };
        return new RouteRequest(from, to, commodity, quantity, objective, constraints, new GeneralizedWeights(double.IsNaN(valueOfTime) ? GeneralizedWeights.For(_network.InfoOf(commodity)).ValueOfTimeUsdPerHour : valueOfTime, carbonPrice))
        {
            FromLocality = fromLocality,
            ToLocality = toLocality,
        };
    }

    /// <summary>
    /// An objective field as every query reads it (default: recommended, the generalized cost); an error added when
    /// the text is not one.
    /// </summary>
    public static Objective ParseObjective(string field, string? text, List<EngineError> errors)
    {
        var objective = Objective.Generalized;
        if (!string.IsNullOrWhiteSpace(text) && !TryParseObjective(text, out objective))
        {
            errors.Add(EngineError.Invalid(field, $"expected recommended, time, cost, co2 or generalized, not '{Shown(text)}'"));
            return Objective.Generalized;
        }
        return objective;
    }

    /// <summary>A year of travel as every query reads it: from the options' range, the options' default year when empty.</summary>
    public static int ParseYear(string field, string? text, EngineOptions options, List<EngineError> errors) =>
        Integer(field, text, options.DefaultYear, errors, options.MinYear, options.MaxYear);

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

    private (int Place, bool WholeLocality) ResolvePlace(string field, string? text, List<EngineError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new EngineError(ErrorCode.MissingValue, field, "is required: a place code, name or alias"));
            return (-1, false);
        }
        if (!_resolved.TryGetValue(text, out var known))
        {
            var resolution = _search.Resolve(text);
            var shown = text.Trim();
            shown = Diagnostic.Cut(shown, 61);
            IReadOnlyList<Place> near = resolution.Ambiguous.Count > 0 ? [.. resolution.Ambiguous.Select(l => _network.Places[l.Principal])] : resolution.Suggestions;
            known = (resolution.Place, resolution.Place >= 0 ? [] : near, resolution.Place >= 0 ? "" : resolution.Problem(shown), resolution.Ambiguous.Count > 0, resolution.WholeLocality);
            if (Volatile.Read(ref _remembered) < MaxRemembered && _resolved.TryAdd(text, known))
            {
                Interlocked.Increment(ref _remembered);
            }
        }
        var (place, suggestions, problem, ambiguous, wholeLocality) = known;
        if (place >= 0)
        {
            return (place, wholeLocality);
        }
        // A name several localities share is its own mistake ("ambiguous: …"), never an unknown place.
        errors.Add(new EngineError(ambiguous ? ErrorCode.AmbiguousPlace : ErrorCode.UnknownPlace, field, problem) { Places = suggestions });
        return (-1, false);
    }

    private static double Number(string field, string? text, double fallback, List<EngineError> errors, Func<double, bool> valid, string rule)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            errors.Add(EngineError.Invalid(field, $"'{text.Trim()}' is not a number; {rule}"));
            return fallback;
        }
        if (!valid(v))
        {
            errors.Add(EngineError.Invalid(field, $"{rule}, not {text.Trim()}"));
            return fallback;
        }
        return v;
    }

    private static int Integer(string field, string? text, int fallback, List<EngineError> errors, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (!int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
        {
            errors.Add(EngineError.Invalid(field, $"must be a whole number from {min} to {max}, not '{text.Trim()}'"));
            return fallback;
        }
        return v;
    }

    private static bool Flag(string field, string? text, List<EngineError> errors)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "false": return false;
            case "true": return true;
            default:
                errors.Add(EngineError.Invalid(field, $"must be true or false, not '{Shown(text)}'"));
                return false;
        }
    }

    /// <summary>A date and time: with an offset as given; without, the local time of <paramref name="place"/> when zones are known, else UTC.</summary>
    private DateTimeOffset? Instant(string field, string? text, int? place, List<EngineError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (PlanDates.TryParse(text, out var value, out var error))
        {
            return _zones is not null && place is { } p && _zones.ParseLocalOrOffset(text, p) is { } local ? local : value;
        }
        errors.Add(EngineError.Invalid(field, error));
        return null;
    }

    private static string Shown(string text)
    {
        var t = text.Trim();
        return Diagnostic.Cut(t, 41);
    }

    private string[]? Items(string field, string? text, List<EngineError> errors, char[] separators)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var parts = text.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length > _options.MaxListItems)
        {
            errors.Add(EngineError.Invalid(field, $"lists {parts.Length} items; at most {_options.MaxListItems} are accepted"));
            return null;
        }
        return parts;
    }

    private HashSet<string> ParseCountries(string? text, List<EngineError> errors, List<EngineWarning> warnings)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in Items("avoid", text, errors, ListSeparators) ?? [])
        {
            var code = part.ToUpperInvariant();
            if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
            {
                errors.Add(EngineError.Invalid("avoid", $"'{part}' is not an ISO 3166-1 alpha-2 country code (e.g. RU, BY, IR)"));
                continue;
            }
            if (!_countries.Contains(code))
            {
                warnings.Add(new EngineWarning("avoid", $"no place in the network is in {code}"));
            }
            set.Add(code);
        }
        return set;
    }

    private HashSet<Mode> ParseModes(string? text, List<EngineError> errors)
    {
        var set = new HashSet<Mode>();
        foreach (var part in Items("avoidModes", text, errors, ListSeparators) ?? [])
        {
            if (!Modes.TryParseGroup(part, out var group))
            {
                errors.Add(EngineError.Invalid("avoidModes", $"unknown mode '{part}'; expected {string.Join(", ", Modes.All)} or Rail"));
                continue;
            }
            set.UnionWith(group);
        }
        return set;
    }

    private HashSet<int> ParsePlaces(string? text, List<EngineError> errors)
    {
        var set = new HashSet<int>();
        foreach (var part in Items("avoidPlaces", text, errors, [',']) ?? [])
        {
            // Avoiding a locality avoids every one of its places, as routing from it may use any of them.
            var (p, wholeLocality) = ResolvePlace("avoidPlaces", part, errors);
            if (p >= 0 && wholeLocality)
            {
                set.UnionWith(_network.Localities[_network.LocalityOf(p)].Places);
            }
            else if (p >= 0)
            {
                set.Add(p);
            }
        }
        return set;
    }
}
