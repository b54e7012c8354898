using System.Globalization;
using System.Text.Json;
using Caravan.Assignment;
using Caravan.Data;
using Caravan.Export;
using Caravan.Freight;
using Spectre.Console;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan assign --demand file</c>: annual freight demand assigned to the Eurasian network.</summary>
internal static class AssignDemand
{
    public static int Run(string demandPath, string? dataFolder, string? scenario, int year, AssignmentOptions solver, string? outCsv, string? outGeoJson, bool json, int top, bool save = false, string? db = null)
    {
        var loaded = NetworkLoader.LoadScenario(dataFolder, scenario);
        var network = loaded.Network;
        FreightModel model;
        IReadOnlyList<UnservedDemand> unserved = [];
        try
        {
            IReadOnlyList<DemandRow> demand = DemandReader.Read(demandPath, network);
            if (loaded.Chain.Count > 0)
            {
                // A scenario may cut some flows off (a closed country): those are reported, not an input error.
                // On the base network a row without a route stays an error.
                (demand, unserved) = DemandReach.Split(network, demand, year);
                foreach (var u in unserved)
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: {Path.GetFileName(demandPath)}:{u.Line}: not assigned under scenario {loaded.Name}, {u.Tonnes / 1e6:0.000} Mt/year: {u.Reason}"));
                }
                if (demand.Count == 0)
                {
                    throw new CliInputException($"{demandPath}: no demand row has a route under scenario {loaded.Name}");
                }
            }
            model = FreightAssignment.Build(network, demand, new FreightAssignmentOptions { Year = year, Solver = solver }, Path.GetFileName(demandPath));
        }
        catch (CaravanDataException e)
        {
            throw new CliInputException(NetworkLoader.DiagnosticText(demandPath, e.Diagnostics));
        }
        var progress = new AssignProgress(Console.Error, !Console.IsErrorRedirected);
        var report = FreightAssignment.Solve(model, new FreightAssignmentOptions { Year = year, Solver = solver }, progress.Report);
        progress.Finish();
        if (outCsv is not null)
        {
            FreightOutputs.WriteCsv(outCsv, report);
            Console.Error.WriteLine($"wrote {outCsv}");
        }
        if (outGeoJson is not null)
        {
            // The one flow GeoJSON document, the one assign --json and the web serve.
            AtomicFile.WriteAllText(outGeoJson, JsonDefaults.Serialize(Caravan.Services.AssignmentService.Flows(model, report), Caravan.Cli.Json.CliJson.Indented));
            Console.Error.WriteLine($"wrote {outGeoJson}");
        }
        var r = report.Result;
        if (save)
        {
            Console.Error.WriteLine($"saved run {RunSaving.SaveFreightAssignment(db, loaded, demandPath, year, solver.Algorithm.ToString(), report)}");
        }
        if (json)
        {
            var doc = new
            {
                converged = r.Converged,
                stopReason = r.StopReason.ToString(),
                relativeGap = r.RelativeGap,
                objective = r.Objective,
                totalSystemTravelTime = r.TotalSystemTravelTime,
                iterations = r.Iterations,
                seconds = r.Elapsed.TotalSeconds,
                year,
                demandTonnes = Caravan.Services.AssignmentService.DemandTonnes(model),
                unserved,
                bottlenecks = Caravan.Services.AssignmentService.Bottlenecks(report, top),
                corridors = report.Corridors,
                odPairs = report.OdPairs.Select(o => new
                {
                    origin = network.Places[o.Row.Origin].Code,
                    destination = network.Places[o.Row.Destination].Code,
                    commodity = o.Row.Commodity.ToString(),
                    tonnes = o.Row.Tonnes,
                    freeFlowHours = o.FreeFlowHours,
                    congestedHours = o.CongestedHours,
                    costUsdPerUnit = o.CostUsdPerUnit,
                    o.Corridor,
                }),
            };
            Console.WriteLine(JsonDefaults.Serialize(doc, Caravan.Cli.Json.CliJson.Indented));
            return AssignCommand.NotConverged(r, solver);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Freight assignment {Path.GetFileName(demandPath)} on {network.Places.Count} places, year {year}: {model.Demand.Count} OD flows, {model.Demand.Sum(d => d.Tonnes) / 1e6:0.0} Mt/year; relative gap {r.RelativeGap:0.00e+00} after {r.Iterations} iterations ({r.Elapsed.TotalSeconds:0.00} s)"));
        var bt = new Table { Title = new TableTitle($"Bottlenecks: the {Math.Min(top, report.Bottlenecks.Count)} most utilised links with a published capacity") };
        bt.AddColumns("Link", "Kind", "Mode", "From → To", "Corridor");
        foreach (var c in new[] { "flow Mt/yr", "capacity Mt/yr", "utilisation", "delay h" })
        {
            bt.AddColumn(new TableColumn(c).RightAligned());
        }
        foreach (var b in report.Bottlenecks.Take(top))
        {
            bt.AddRow(Markup.Escape(b.Id), b.Kind, b.Mode.ToString(), Markup.Escape($"{b.From} → {b.To}"), Markup.Escape(b.Corridor),
                RouteTable.Num(b.FlowTonnes / 1e6, "0.00"), RouteTable.Num(b.CapacityTonnes!.Value / 1e6, "0.00"),
                (b.Utilisation >= 1 ? "[red]" : b.Utilisation >= 0.8 ? "[yellow]" : "[green]") + RouteTable.Num(b.Utilisation!.Value * 100, "0") + "%[/]",
                RouteTable.Num(b.CongestedHours - b.FreeFlowHours, "0.0"));
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
        var ot = new Table { Title = new TableTitle("Origin–destination flows under congestion") };
        ot.AddColumns("From", "To", "Commodity");
        foreach (var c in new[] { "Mt/yr", "free-flow days", "congested days", "USD/unit", "corridor" })
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
        return AssignCommand.NotConverged(r, solver);
    }
}
