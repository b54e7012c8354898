using System.Globalization;
using System.Text.Json;
using Caravan.Comparison;
using Caravan.Export;
using Caravan.Model;
using Caravan.Routing;
using Caravan.Scenarios;
using Caravan.Store;

namespace Caravan.Cli;

/// <summary>Opens the run store for the CLI and turns results into runs and rows.</summary>
internal static class RunSaving
{
    /// <summary>
    /// Debug hook for the crash-safety tests: this many synthetic rows are added to every saved run, so a save
    /// lasts long enough to be killed half-way. Not for users; unset it is 0.
    /// </summary>
    public const string SyntheticRowsVariable = "CARAVAN_DEBUG_SYNTHETIC_ROWS";

    public static IRunStore Open(string? location) => Open(location, readOnly: false);

    /// <summary>Opens the store for listing, showing and exporting: read-only, so no write access is needed and nothing is created.</summary>
    public static IRunStore OpenForReading(string? location) => Open(location, readOnly: true);

    private static IRunStore Open(string? location, bool readOnly)
    {
        try
        {
            return readOnly ? RunStores.OpenReadOnly(location) : RunStores.Open(location);
        }
        catch (RunStoreException e)
        {
            throw new CliInputException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"--db: cannot open run store '{location}': {e.Message}");
        }
    }

    public static long SaveComparison(string? db, ComparisonResult result, string? pairsFile)
    {
        var store = Open(db);
        var parameters = JsonDefaults.Serialize(new { objective = result.Objective, year = result.Year, pairs = pairsFile ?? "data/scenarios/od-pairs.csv" }, Caravan.Cli.Json.CliJson.Compact);
        var summary = JsonDefaults.Serialize(new
        {
            pairs = result.Routes.Count,
            skipped = result.Skipped.Count,
            faster = result.Routes.Count(r => r.DeltaHours < -1e-6),
            slower = result.Routes.Count(r => r.DeltaHours > 1e-6),
            lost = result.Routes.Count(r => r.A is not null && r.B is null),
            gained = result.Routes.Count(r => r.A is null && r.B is not null),
            meanDeltaHours = result.Routes.Where(r => r.DeltaHours is not null).Select(r => r.DeltaHours!.Value).DefaultIfEmpty(0).Average(),
            targets = result.Targets,
        }, Caravan.Cli.Json.CliJson.Compact);
        var run = new NewRun(RunKind.Compare, result.A.Name, result.A.ContentHash, result.B.Name, result.B.ContentHash, parameters, summary);
        var rows = Rows(result).Concat(SyntheticRows()).ToList();
        Console.Error.WriteLine($"saving run ({rows.Count} rows)");
        Console.Error.Flush();
        return store.Save(run, rows);
    }

    public static long SaveRoute(string? db, ScenarioNetwork scenario, Itinerary itinerary)
    {
        var store = Open(db);
        var network = scenario.Network;
        var r = itinerary.Request;
        var parameters = JsonDefaults.Serialize(new
        {
            from = network.Places[r.From].Code,
            to = network.Places[r.To].Code,
            commodity = r.Commodity.Name(),
            quantity = r.Quantity,
            objective = r.Objective.ToString().ToLowerInvariant(),
            avoidCountries = r.Constraints.AvoidCountries,
            avoidModes = r.Constraints.AvoidModes.Select(m => m.ToString()),
            avoidPlaces = r.Constraints.AvoidPlaces.Select(p => network.Places[p].Code),
            year = r.Constraints.Year,
            maxTransfers = r.Constraints.MaxTransfers,
        }, Caravan.Cli.Json.CliJson.Compact);
        var document = RouteDocuments.Route(network, itinerary);
        var summary = JsonDefaults.Serialize(new { corridor = itinerary.Corridor, totals = document.Totals }, Caravan.Cli.Json.CliJson.Compact);
        var run = new NewRun(RunKind.Route, scenario.Name, scenario.ContentHash, null, null, parameters, summary);
        var rows = document.Legs.Select((leg, i) => new RunResultRow("leg", i.ToString(CultureInfo.InvariantCulture), JsonDefaults.Serialize(leg, Caravan.Cli.Json.CliJson.Compact)))
            .Concat(SyntheticRows()).ToList();
        Console.Error.WriteLine($"saving run ({rows.Count} rows)");
        Console.Error.Flush();
        return store.Save(run, rows);
    }

    /// <summary>Saves a freight assignment: parameters, convergence and bottleneck summary, one row per loaded link direction.</summary>
    public static long SaveFreightAssignment(string? db, ScenarioNetwork scenario, string demandPath, int year, string algorithm, Caravan.Freight.FreightAssignmentReport report)
    {
        var store = Open(db);
        var r = report.Result;
        var parameters = JsonDefaults.Serialize(new { demand = demandPath, demandHash = FileHash(demandPath), year, algorithm }, Caravan.Cli.Json.CliJson.Compact);
        var summary = JsonDefaults.Serialize(new
        {
            converged = r.Converged,
            stopReason = r.StopReason.ToString(),
            relativeGap = r.RelativeGap,
            objective = r.Objective,
            totalSystemTravelTime = r.TotalSystemTravelTime,
            iterations = r.Iterations,
            seconds = r.Elapsed.TotalSeconds,
            bottlenecks = report.Bottlenecks.Take(15).Select(b => new { b.Id, b.From, b.To, b.Utilisation, b.FlowTonnes }),
            corridors = report.Corridors,
        }, Caravan.Cli.Json.CliJson.Compact);
        var run = new NewRun(RunKind.Assign, scenario.Name, scenario.ContentHash, null, null, parameters, summary);
        var rows = report.Links.Where(l => l.FlowTonnes > 0)
            .Select(l => new RunResultRow("link", $"{l.Id} {l.From}→{l.To}", JsonDefaults.Serialize(new { l.Id, l.Kind, mode = l.Mode.ToString(), l.From, l.To, l.Corridor, l.FlowTonnes, l.CapacityTonnes, l.Utilisation, l.FreeFlowHours, l.CongestedHours }, Caravan.Cli.Json.CliJson.Compact)))
            .Concat(report.OdPairs.Select((o, i) => new RunResultRow("od", i.ToString(CultureInfo.InvariantCulture), JsonDefaults.Serialize(new { o.Row.Line, o.Row.Tonnes, o.FreeFlowHours, o.CongestedHours, o.CostUsdPerUnit, o.Corridor }, Caravan.Cli.Json.CliJson.Compact))))
            .Concat(SyntheticRows()).ToList();
        Console.Error.WriteLine($"saving run ({rows.Count} rows)");
        Console.Error.Flush();
        return store.Save(run, rows);
    }

    /// <summary>Saves a TNTP assignment: network name and file hash, summary, one row per link flow.</summary>
    public static long SaveTntpAssignment(string? db, string folder, string name, string algorithm, Caravan.Assignment.AssignmentResult result)
    {
        var store = Open(db);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.tntp").OrderBy(f => f, StringComparer.Ordinal).ToList() : [];
        var hash = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", files.Select(FileHash)))));
        var parameters = JsonDefaults.Serialize(new { tntp = folder, algorithm }, Caravan.Cli.Json.CliJson.Compact);
        var summary = JsonDefaults.Serialize(new { converged = result.Converged, stopReason = result.StopReason.ToString(), relativeGap = result.RelativeGap, objective = result.Objective, totalSystemTravelTime = result.TotalSystemTravelTime, iterations = result.Iterations, seconds = result.Elapsed.TotalSeconds }, Caravan.Cli.Json.CliJson.Compact);
        var run = new NewRun(RunKind.Assign, "tntp:" + name, hash, null, null, parameters, summary);
        var rows = result.LinkFlow.Select((f, i) => new RunResultRow("link", i.ToString(CultureInfo.InvariantCulture), JsonDefaults.Serialize(new { link = i, flow = f, cost = result.LinkCost[i] }, Caravan.Cli.Json.CliJson.Compact)))
            .Concat(SyntheticRows()).ToList();
        Console.Error.WriteLine($"saving run ({rows.Count} rows)");
        Console.Error.Flush();
        return store.Save(run, rows);
    }

    private static string FileHash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    private static IEnumerable<RunResultRow> Rows(ComparisonResult result)
    {
        foreach (var r in result.Routes)
        {
            yield return new RunResultRow("od", $"{r.From}→{r.To}", JsonDefaults.Serialize(r, Caravan.Cli.Json.CliJson.Compact));
        }
        foreach (var s in result.Skipped)
        {
            yield return new RunResultRow("skipped", $"{s.From}→{s.To}", JsonDefaults.Serialize(s, Caravan.Cli.Json.CliJson.Compact));
        }
        if (result.Assignment is { } flows)
        {
            foreach (var l in flows.Links)
            {
                yield return new RunResultRow("link", l.LinkId, JsonDefaults.Serialize(l, Caravan.Cli.Json.CliJson.Compact));
            }
            foreach (var c in flows.Corridors)
            {
                yield return new RunResultRow("corridor", c.Corridor, JsonDefaults.Serialize(c, Caravan.Cli.Json.CliJson.Compact));
            }
        }
    }

    private static IEnumerable<RunResultRow> SyntheticRows()
    {
        var text = Environment.GetEnvironmentVariable(SyntheticRowsVariable);
        if (string.IsNullOrEmpty(text) || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            yield break;
        }
        var padding = new string('x', 200);
        for (var i = 0; i < n; i++)
        {
            yield return new RunResultRow("synthetic", i.ToString(CultureInfo.InvariantCulture), $"{{\"i\":{i},\"pad\":\"{padding}\"}}");
        }
    }
}
