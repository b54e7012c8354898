using System.Globalization;
using Caravan.Data;
using Caravan.Export;
using Caravan.Freight;
using Caravan.Freight.Choice;
using Caravan.Services;
using Spectre.Console;

namespace Caravan.Cli.Commands;

/// <summary>
/// <c>caravan assign --demand file</c>: annual freight demand on the Eurasian network by the one freight model
/// (nested-logit mode and route choice under binding capacities, <see cref="AssignmentService.Run(Model.Network, IReadOnlyList{DemandRow}, FreightRunOptions, CancellationToken, Action{Assignment.IterationReport}?)"/>).
/// </summary>
internal static class AssignDemand
{
    public static int Run(string demandPath, string? dataFolder, string? scenario, int year, int? maxIterations, int? threads, string? outCsv, string? outGeoJson, bool json, int top, bool save = false, string? db = null)
    {
        if (AssignmentService.CheckYear(EngineOptions.Default, year) is { } yearError)
        {
            return ServiceOutput.Errors([yearError], json);
        }
        var loaded = NetworkLoader.LoadScenario(dataFolder, scenario);
        var network = loaded.Network;
        var folder = string.IsNullOrWhiteSpace(dataFolder) ? NetworkLoader.DefaultDataFolder() : dataFolder;
        var choice = AssignmentService.ChoiceOptions(EngineOptions.Default, year);
        choice = choice with { Threads = threads ?? choice.Threads, MaxIterations = maxIterations ?? choice.MaxIterations };
        var started = EngineOptions.Default.Clock.GetUtcNow();
        // A scenario may cut some flows off (a closed country): those are reported, not an input error.
        // On the base network a row without a route stays an error.
        var run = CompareFlows.Assign(network, folder, demandPath, choice, reportUnserved: loaded.Chain.Count > 0);
        foreach (var u in run.Unserved)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: {Path.GetFileName(demandPath)}:{u.Line}: not assigned under scenario {loaded.Name}, {u.Tonnes / 1e6:0.000} Mt/year: {u.Reason}"));
        }
        var report = run.Report;
        if (outCsv is not null)
        {
            FreightOutputs.WriteCsv(outCsv, report);
            Console.Error.WriteLine($"wrote {outCsv}");
        }
        if (outGeoJson is not null)
        {
            // The one flow GeoJSON document, the one assign --json and the web serve.
            AtomicFile.WriteAllText(outGeoJson, JsonDefaults.Serialize(AssignmentService.Flows(run), Caravan.Cli.Json.CliJson.Indented));
            Console.Error.WriteLine($"wrote {outGeoJson}");
        }
        var r = report.Result;
        if (save)
        {
            Console.Error.WriteLine($"saved run {RunSaving.SaveFreightAssignment(db, loaded, demandPath, year, "choice", report)}");
        }
        if (json)
        {
            // The engine's one document of a run, the one GET /api/assignments/{id} answers.
            var header = new AssignmentRunHeader(null, AssignmentService.DemandName(demandPath), loaded.Name, year, AssignmentStatus.Done, null, started);
            Console.WriteLine(JsonDefaults.Serialize(AssignmentService.Document(header, run, null, top), Caravan.Cli.Json.CliJson.Indented));
            return NotConverged(r, choice);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Freight flows {Path.GetFileName(demandPath)} on {network.Places.Count} places, year {year}: {run.Demand.Count} OD flows, {run.DemandTonnes / 1e6:0.0} Mt/year; choice model {(r.Converged ? "converged" : "NOT converged")} after {r.Iterations} iterations ({r.Elapsed.TotalSeconds:0.00} s), largest utilisation {run.Solution.MaxUtilisation() * 100:0.0}%"));
        var bt = new Table { Title = new TableTitle($"Bottlenecks: the {Math.Min(top, report.Bottlenecks.Count)} most utilised elements with a published capacity") };
        bt.AddColumns("Link", "Kind", "Mode", "From → To", "Corridor");
        foreach (var c in new[] { "flow Mt/yr", "capacity Mt/yr", "utilisation", "shadow USD/t", "delay h" })
        {
            bt.AddColumn(new TableColumn(c).RightAligned());
        }
        foreach (var b in AssignmentService.Bottlenecks(run, top))
        {
            bt.AddRow(Markup.Escape(b.Id), b.Kind, b.Mode, Markup.Escape($"{b.From} → {b.To}"), Markup.Escape(b.Corridor),
                RouteTable.Num(b.FlowTonnes / 1e6, "0.00"), RouteTable.Num(b.CapacityTonnes!.Value / 1e6, "0.00"),
                (b.Utilisation > 1 ? "[red]" : b.Utilisation >= 0.8 ? "[yellow]" : "[green]") + RouteTable.Num(b.Utilisation!.Value * 100, "0") + "%[/]",
                RouteTable.Num(b.ShadowUsdPerTonne, "0.0"), RouteTable.Num(b.DelayHours, "0.0"));
        }
        AnsiConsole.Write(bt);
        var ct = new Table { Title = new TableTitle("Volumes by corridor") };
        ct.AddColumn("Corridor");
        foreach (var c in new[] { "bn tonne-km/yr", "share", "busiest link Mt/yr" })
        {
            ct.AddColumn(new TableColumn(c).RightAligned());
        }
        foreach (var c in report.Corridors)
        {
            ct.AddRow(Markup.Escape(c.Corridor), RouteTable.Num(c.TonneKm / 1e9, "0.0"), RouteTable.Num(c.Share * 100, "0.0") + "%", RouteTable.Num(c.MaxLinkTonnes / 1e6, "0.00"));
        }
        AnsiConsole.Write(ct);
        var ot = new Table { Title = new TableTitle("Origin–destination flows: hours with queues, tariff and main corridor") };
        ot.AddColumns("From", "To", "Commodity");
        foreach (var c in new[] { "Mt/yr", "free-flow days", "with queues days", "USD/unit", "corridor" })
        {
            ot.AddColumn(new TableColumn(c).RightAligned());
        }
        foreach (var o in report.OdPairs.OrderByDescending(o => o.CongestedHours - o.FreeFlowHours).Take(top * 2))
        {
            ot.AddRow(Markup.Escape(network.Places[o.Row.Origin].Name), Markup.Escape(network.Places[o.Row.Destination].Name), o.Row.Commodity.ToString(),
                RouteTable.Num(o.Row.Tonnes / 1e6, "0.000"), RouteTable.Num(o.FreeFlowHours / 24, "0.0"), RouteTable.Num(o.CongestedHours / 24, "0.0"),
                RouteTable.Num(o.CostUsdPerUnit, "0"), Markup.Escape(o.Corridor));
        }
        AnsiConsole.Write(ot);
        return NotConverged(r, choice);
    }

    /// <summary>Exit 3 (with a warning) when the equilibrium stopped at its iteration limit above capacity.</summary>
    internal static int NotConverged(FreightEquilibrium result, ChoiceOptions options)
    {
        if (result.Converged)
        {
            return ExitCodes.Ok;
        }
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warning: not converged: the choice model stopped at its iteration limit ({options.MaxIterations}) after {result.Iterations} iterations with capacity excess {result.RelativeGap:P2} (tolerance {options.CapacityTolerance:P1})"));
        return ExitCodes.NotConverged;
    }
}
