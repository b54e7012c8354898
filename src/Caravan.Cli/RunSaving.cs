using System.Globalization;
using System.Text.Json;
using Caravan.Export;
using Caravan.Model;
using Caravan.Routing;
using Caravan.Scenarios;
using Caravan.Scenarios.Comparison;
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

    public static SqliteRunStore Open(string? path)
    {
        try
        {
            return new SqliteRunStore(string.IsNullOrWhiteSpace(path) ? SqliteRunStore.DefaultPath : path);
        }
        catch (RunStoreException e)
        {
            throw new CliInputException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"--db: cannot open run store '{path}': {e.Message}");
        }
    }

    public static long SaveComparison(string? db, ComparisonResult result, string? pairsFile)
    {
        var store = Open(db);
        var parameters = JsonSerializer.Serialize(new { objective = result.Objective, year = result.Year, pairs = pairsFile ?? "data/scenarios/od-pairs.csv" }, JsonDefaults.Compact);
        var summary = JsonSerializer.Serialize(new
        {
            pairs = result.Routes.Count,
            skipped = result.Skipped.Count,
            faster = result.Routes.Count(r => r.DeltaHours < -1e-6),
            slower = result.Routes.Count(r => r.DeltaHours > 1e-6),
            lost = result.Routes.Count(r => r.A is not null && r.B is null),
            gained = result.Routes.Count(r => r.A is null && r.B is not null),
            meanDeltaHours = result.Routes.Where(r => r.DeltaHours is not null).Select(r => r.DeltaHours!.Value).DefaultIfEmpty(0).Average(),
            targets = result.Targets,
        }, JsonDefaults.Compact);
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
        var parameters = JsonSerializer.Serialize(new
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
        }, JsonDefaults.Compact);
        var document = RouteDocuments.Route(network, itinerary);
        var summary = JsonSerializer.Serialize(new { corridor = itinerary.Corridor, totals = document.Totals }, JsonDefaults.Compact);
        var run = new NewRun(RunKind.Route, scenario.Name, scenario.ContentHash, null, null, parameters, summary);
        var rows = document.Legs.Select((leg, i) => new RunResultRow("leg", i.ToString(CultureInfo.InvariantCulture), JsonSerializer.Serialize(leg, JsonDefaults.Compact)))
            .Concat(SyntheticRows()).ToList();
        Console.Error.WriteLine($"saving run ({rows.Count} rows)");
        Console.Error.Flush();
        return store.Save(run, rows);
    }

    private static IEnumerable<RunResultRow> Rows(ComparisonResult result)
    {
        foreach (var r in result.Routes)
        {
            yield return new RunResultRow("od", $"{r.From}→{r.To}", JsonSerializer.Serialize(r, JsonDefaults.Compact));
        }
        foreach (var s in result.Skipped)
        {
            yield return new RunResultRow("skipped", $"{s.From}→{s.To}", JsonSerializer.Serialize(s, JsonDefaults.Compact));
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
