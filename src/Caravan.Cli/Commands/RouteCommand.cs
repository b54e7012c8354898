using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Caravan.Export;
using Caravan.Model;
using Caravan.Routing;
using Spectre.Console;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan route</c>: plans one shipment.</summary>
internal static class RouteCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "Origin: code, name or alias (\"Xi'an\", xian, 西安); required unless --batch" };
        var to = new Option<string>("--to") { Description = "Destination: code, name or alias; required unless --batch" };
        var container = new Option<string?>("--container") { Description = "ISO 6346 container type (20, 40, 40HC, 45, 20RF, 40RF or codes 22G1, 42G1, 45G1, L5G1, 22R1, 42R1): --quantity counts boxes, converted to FEU by TEU" };
        var cargoKg = new Option<double?>("--cargo-kg") { Description = "With --container: cargo mass per box, checked against the type's payload limit" };
        var csv = new Option<string?>("--csv") { Description = "Also write the chosen route's legs to this CSV file" };
        var xlsx = new Option<string?>("--xlsx") { Description = "Also write the chosen route's legs to this XLSX workbook" };
        var batch = new Option<string?>("--batch") { Description = "Route every row of this CSV (from,to[,cargo,quantity,avoid,avoid_modes,avoid_places,optimize,year,max_transfers]) by its single criterion; NDJSON in row order" };
        var cargo = new Option<string>("--cargo") { Description = "container (quantity in FEU), air-cargo, dry-bulk, liquid-bulk, gas (quantity in tonnes)", DefaultValueFactory = _ => "container" };
        var quantity = new Option<double>("--quantity") { Description = "FEU for containers, tonnes otherwise", DefaultValueFactory = _ => 1 };
        var avoid = new Option<string?>("--avoid") { Description = "Countries to avoid, ISO codes separated by commas (RU,BY)" };
        var avoidModes = new Option<string?>("--avoid-modes") { Description = "Modes to avoid, separated by commas (Air,Road)" };
        var avoidPlaces = new Option<string?>("--avoid-places") { Description = "Places to avoid, separated by commas" };
        var optimize = new Option<string>("--optimize") { Description = "recommended (default: generalized cost = USD + value of time × hours + carbon price × CO2e), time, cost or co2", DefaultValueFactory = _ => "recommended" };
        var year = new Option<int?>("--year") { Description = "Year of travel; planned links count from their opening year (default: this year)" };
        var maxTransfers = new Option<int?>("--max-transfers") { Description = "Maximum number of transfers, gauge changes included" };
        var valueOfTime = new Option<double?>("--value-of-time") { Description = "USD per hour per unit for the generalized cost (default 20 per FEU, 1 per tonne)" };
        var carbonPrice = new Option<double>("--carbon-price") { Description = "USD per kg CO2e for the generalized cost (default 0.07, about the 2024 EU ETS price)", DefaultValueFactory = _ => 0.07 };
        var json = new Option<bool>("--json") { Description = "Print the route as JSON" };
        var geojson = new Option<bool>("--geojson") { Description = "Print the route as a GeoJSON FeatureCollection" };
        var maxOptions = new Option<int>("--max-options") { Description = "Most Pareto options to list, keeping the spread", DefaultValueFactory = _ => 8 };
        var depart = new Option<string?>("--depart") { Description = "Departure, ISO 8601 (2026-12-01T08:00, the origin's local time unless an offset is given): uses weekly timetables and dates the legs" };
        var deadline = new Option<string?>("--deadline") { Description = "Arrival deadline, ISO 8601: each option gets its on-time probability" };
        var alternatives = new Option<int>("--alternatives") { Description = "Also list this many substantially different routes (limited overlap)", DefaultValueFactory = _ => 0 };
        var explain = new Option<bool>("--explain") { Description = "Say why the other corridors lost" };
        var maxLabels = new Option<int?>("--max-labels") { Description = $"Label limit of the Pareto search (at most {SearchLimits.MaxLabels:N0})" };
        var timeLimit = new Option<double?>("--time-limit") { Description = $"Time limit of the search in seconds (at most {SearchLimits.MaxSeconds})" };
        var epsilon = new Option<double>("--epsilon") { Description = "ε-dominance slack (0 = exact Pareto set; 0.01 keeps options 1% apart)", DefaultValueFactory = _ => 0 };
        var data = CommonOptions.Data();
        var scenario = CommonOptions.Scenario();
        var save = new Option<bool>("--save") { Description = "Save the chosen route in the run store" };
        var db = CommonOptions.Db();
        var command = new Command("route", "Plan a shipment: the Pareto options over time, cost, CO2e and reliability, under constraints")
        {
            from, to, cargo, quantity, avoid, avoidModes, avoidPlaces, optimize, year, maxTransfers, valueOfTime, carbonPrice,
            maxOptions, depart, deadline, alternatives, explain, maxLabels, timeLimit, epsilon, json, geojson, data, scenario, save, db, batch, csv, xlsx, container, cargoKg,
        };
        command.SetAction(parse =>
        {
            var loaded = NetworkLoader.LoadScenario(parse.GetValue(data), parse.GetValue(scenario));
            var network = loaded.Network;
            if (parse.GetValue(batch) is { Length: > 0 } batchPath)
            {
                return RouteBatchRun.Run(network, batchPath);
            }
            if (parse.GetValue(from) is null || parse.GetValue(to) is null)
            {
                throw new CliInputException("--from and --to are required (or --batch FILE)");
            }
            var search = new PlaceSearch(network);
            var origin = Resolve(search, network, parse.GetValue(from)!, "--from");
            var destination = Resolve(search, network, parse.GetValue(to)!, "--to");
            if (origin == destination)
            {
                throw new CliInputException("--from and --to are the same place");
            }
            if (!Commodities.TryParse(parse.GetValue(cargo), out var commodity))
            {
                throw new CliInputException($"--cargo: unknown cargo '{parse.GetValue(cargo)}'; expected container, air-cargo, dry-bulk, liquid-bulk or gas");
            }
            var q = parse.GetValue(quantity);
            if (!double.IsFinite(q) || q <= 0 || q > 1e9)
            {
                throw new CliInputException("--quantity must be a positive number");
            }
            if (!TryParseObjective(parse.GetValue(optimize), out var objective))
            {
                throw new CliInputException($"--optimize: expected time, cost, co2 or generalized, not '{parse.GetValue(optimize)}'");
            }
            q = ContainerQuantity.Feu(commodity, q, parse.GetValue(container), parse.GetValue(cargoKg), parse.GetValue(data));
            var constraints = new RouteConstraints
            {
                AvoidCountries = ParseCountries(parse.GetValue(avoid), network),
                AvoidModes = ParseModes(parse.GetValue(avoidModes)),
                AvoidPlaces = ParsePlaces(parse.GetValue(avoidPlaces), search, network),
                Year = parse.GetValue(year) ?? DateTime.UtcNow.Year,
                MaxTransfers = parse.GetValue(maxTransfers) is { } k && k < 0 ? throw new CliInputException("--max-transfers must be 0 or more") : parse.GetValue(maxTransfers),
            };
            var vot = parse.GetValue(valueOfTime) ?? GeneralizedWeights.For(network.InfoOf(commodity)).ValueOfTimeUsdPerHour;
            var cp = parse.GetValue(carbonPrice);
            if (!double.IsFinite(vot) || vot < 0 || !double.IsFinite(cp) || cp < 0)
            {
                throw new CliInputException("--value-of-time and --carbon-price must be non-negative numbers");
            }
            var request = new RouteRequest(origin, destination, commodity, q, objective, constraints, new GeneralizedWeights(vot, cp));
            var options = parse.GetValue(maxOptions);
            if (options < 1 || options > 50)
            {
                throw new CliInputException("--max-options must be between 1 and 50");
            }
            var alt = parse.GetValue(alternatives);
            if (alt < 0 || alt > 10)
            {
                throw new CliInputException("--alternatives must be between 0 and 10");
            }
            var zones = LocalDepart.Zones(network, parse.GetValue(data));
            var departAt = LocalDepart.Parse(parse.GetValue(depart), origin, zones);
            var deadlineAt = ParseInstant(parse.GetValue(deadline), "--deadline");
            if (departAt is { } da && deadlineAt is { } dl && dl <= da)
            {
                throw new CliInputException("--deadline must be after --depart");
            }
            var limits = SearchLimits.From(parse.GetValue(maxLabels), parse.GetValue(timeLimit), parse.GetValue(epsilon));
            var planner = new Caravan.Planning.ShipmentPlanner(new RoutingGraph(network));
            var plan = planner.Plan(new Caravan.Planning.PlanRequest(request, options, departAt, deadlineAt, alt, parse.GetValue(explain), limits));
            if (plan.LimitExceeded is not null)
            {
                throw new CliInputException($"the search hit its {plan.LimitExceeded} before finishing; narrow the query (--avoid, --avoid-modes, --max-transfers) or allow slack with --epsilon 0.01");
            }
            if (plan.Options.Count == 0)
            {
                if (parse.GetValue(json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(new { error = "no-route", message = plan.NoRoute!.Message, blocking = plan.NoRoute.Blocking }, JsonDefaults.Indented));
                }
                Console.Error.WriteLine($"error: {plan.NoRoute!.Message}");
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(save))
            {
                Console.Error.WriteLine($"saved run {RunSaving.SaveRoute(parse.GetValue(db), loaded, plan.Options[0].Itinerary)}");
            }
            ItineraryFiles.Write(network, plan, zones, parse.GetValue(csv), parse.GetValue(xlsx));
            if (parse.GetValue(geojson))
            {
                var fc = new NetTopologySuite.Features.FeatureCollection();
                var all = plan.Options.Concat(plan.Alternatives).ToList();
                for (var i = 0; i < all.Count; i++)
                {
                    foreach (var f in RouteGeoJson.Route(network, all[i].Itinerary, i))
                    {
                        fc.Add(f);
                    }
                }
                Console.WriteLine(RouteGeoJson.Write(fc));
                return ExitCodes.Ok;
            }
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(Caravan.Units.LocalDates.Localize(PlanDocuments.Response(network, plan), plan, network, zones), JsonDefaults.Indented));
                return ExitCodes.Ok;
            }
            PlanTable.Write(network, plan, departAt, deadlineAt);
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static DateTimeOffset? ParseInstant(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return Caravan.Planning.PlanDates.TryParse(text, out var value, out var error) ? value : throw new CliInputException($"{option}: {error}");
    }

    internal static int Resolve(PlaceSearch search, Network network, string text, string option)
    {
        if (search.TryResolve(text, out var place, out var suggestions))
        {
            return place;
        }
        var hint = suggestions.Count > 0 ? $"; did you mean {string.Join(", ", suggestions.Select(p => $"{p.Name} ({p.Code})"))}?" : "";
        throw new CliInputException($"{option}: unknown place '{text}'{hint}");
    }

    internal static bool TryParseObjective(string? text, out Objective objective)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "time": case "fastest": objective = Objective.Time; return true;
            case "cost": case "cheapest": objective = Objective.Cost; return true;
            case "co2": case "co2e": case "greenest": objective = Objective.Co2; return true;
            case "generalized": case "generalised": case "recommended": case "balanced": objective = Objective.Generalized; return true;
            default: objective = default; return false;
        }
    }

    internal static HashSet<string> ParseCountries(string? text, Network network)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return set;
        }
        var known = network.Places.Select(p => p.Country).ToHashSet(StringComparer.Ordinal);
        foreach (var part in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var code = part.ToUpperInvariant();
            if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
            {
                throw new CliInputException($"--avoid: '{part}' is not an ISO 3166-1 alpha-2 country code (e.g. RU, BY, IR)");
            }
            if (!known.Contains(code))
            {
                Console.Error.WriteLine($"warning: --avoid: no place in the network is in {code}");
            }
            set.Add(code);
        }
        return set;
    }

    internal static HashSet<Mode> ParseModes(string? text)
    {
        var set = new HashSet<Mode>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return set;
        }
        foreach (var part in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.Equals("rail", StringComparison.OrdinalIgnoreCase))
            {
                set.Add(Mode.Rail1435);
                set.Add(Mode.Rail1520);
                continue;
            }
            if (!Modes.TryParse(part, out var m))
            {
                throw new CliInputException($"--avoid-modes: unknown mode '{part}'; expected {string.Join(", ", Modes.All)} or Rail");
            }
            set.Add(m);
        }
        return set;
    }

    internal static HashSet<int> ParsePlaces(string? text, PlaceSearch search, Network network)
    {
        var set = new HashSet<int>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return set;
        }
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            set.Add(Resolve(search, network, part, "--avoid-places"));
        }
        return set;
    }

    internal static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
