using System.Globalization;
using System.Text.Json;
using Caravan.Cli.Json;
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
        var parameters = JsonDefaults.Serialize(new ComparisonRunParameters(result.Objective, result.Year, pairsFile ?? "data/scenarios/od-pairs.csv"), CliJson.Compact);
        var summary = JsonDefaults.Serialize(new ComparisonRunSummary(
            result.Routes.Count,
            result.Skipped.Count,
            result.Routes.Count(r => r.DeltaHours < -1e-6),
            result.Routes.Count(r => r.DeltaHours > 1e-6),
            result.Routes.Count(r => r.A is not null && r.B is null),
            result.Routes.Count(r => r.A is null && r.B is not null),
            result.Routes.Where(r => r.DeltaHours is not null).Select(r => r.DeltaHours!.Value).DefaultIfEmpty(0).Average(),
            result.Targets), CliJson.Compact);
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
        var parameters = JsonDefaults.Serialize(new RouteRunParameters(
            network.Places[r.From].Code,
            network.Places[r.To].Code,
            r.Commodity.Name(),
            r.Quantity,
            r.Objective.ToString().ToLowerInvariant(),
            [.. r.Constraints.AvoidCountries],
            [.. r.Constraints.AvoidModes.Select(m => m.ToString())],
            [.. r.Constraints.AvoidPlaces.Select(p => network.Places[p].Code)],
            r.Constraints.Year,
            r.Constraints.MaxTransfers), CliJson.Compact);
        var document = RouteDocuments.Route(network, itinerary);
        var summary = JsonDefaults.Serialize(new RouteRunSummary(itinerary.Corridor, document.Totals), CliJson.Compact);
        var run = new NewRun(RunKind.Route, scenario.Name, scenario.ContentHash, null, null, parameters, summary);
        var rows = document.Legs.Select((leg, i) => new RunResultRow("leg", i.ToString(CultureInfo.InvariantCulture), JsonDefaults.Serialize(leg, CliJson.Compact)))
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
        var parameters = JsonDefaults.Serialize(new FreightRunParameters(demandPath, FileHash(demandPath), year, algorithm), CliJson.Compact);
        var summary = JsonDefaults.Serialize(new FreightRunSummary(
            r.Converged, r.StopReason.ToString(), r.RelativeGap, r.Objective, r.TotalSystemTravelTime, r.Iterations, r.Elapsed.TotalSeconds,
            [.. report.Bottlenecks.Take(Caravan.Services.EngineOptions.Default.DefaultBottlenecks).Select(b => new FreightRunBottleneck(b.Id, b.From, b.To, b.Utilisation, b.FlowTonnes))],
            report.Corridors), CliJson.Compact);
        var run = new NewRun(RunKind.Assign, scenario.Name, scenario.ContentHash, null, null, parameters, summary);
        var rows = report.Links.Where(l => l.FlowTonnes > 0)
            .Select(l => new RunResultRow("link", $"{l.Id} {l.From}→{l.To}", JsonDefaults.Serialize(new FreightRunLink(l.Id, l.Kind, l.Mode.ToString(), l.From, l.To, l.Corridor, l.FlowTonnes, l.CapacityTonnes, l.Utilisation, l.FreeFlowHours, l.CongestedHours), CliJson.Compact)))
            .Concat(report.OdPairs.Select((o, i) => new RunResultRow("od", i.ToString(CultureInfo.InvariantCulture), JsonDefaults.Serialize(new FreightRunOd(o.Row.Line, o.Row.Tonnes, o.FreeFlowHours, o.CongestedHours, o.CostUsdPerUnit, o.Corridor), CliJson.Compact))))
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
        var parameters = JsonDefaults.Serialize(new TntpRunParameters(folder, algorithm), CliJson.Compact);
        var summary = JsonDefaults.Serialize(new TntpRunSummary(result.Converged, result.StopReason.ToString(), result.RelativeGap, result.Objective, result.TotalSystemTravelTime, result.Iterations, result.Elapsed.TotalSeconds), CliJson.Compact);
        var run = new NewRun(RunKind.Assign, "tntp:" + name, hash, null, null, parameters, summary);
        var rows = result.LinkFlow.Select((f, i) => new RunResultRow("link", i.ToString(CultureInfo.InvariantCulture), JsonDefaults.Serialize(new TntpRunLink(i, f, result.LinkCost[i]), CliJson.Compact)))
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
            yield return new RunResultRow("od", $"{r.From}→{r.To}", JsonDefaults.Serialize(r, CliJson.Compact));
        }
        foreach (var s in result.Skipped)
        {
            yield return new RunResultRow("skipped", $"{s.From}→{s.To}", JsonDefaults.Serialize(s, CliJson.Compact));
        }
        if (result.Assignment is { } flows)
        {
            foreach (var l in flows.Links)
            {
                yield return new RunResultRow("link", l.LinkId, JsonDefaults.Serialize(l, CliJson.Compact));
            }
            foreach (var c in flows.Corridors)
            {
                yield return new RunResultRow("corridor", c.Corridor, JsonDefaults.Serialize(c, CliJson.Compact));
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
