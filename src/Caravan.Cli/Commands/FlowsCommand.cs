using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Caravan.Calibration;
using Caravan.Data;
using Caravan.Export;
using Caravan.Freight;
using Caravan.Freight.Choice;
using Caravan.Model;
using Caravan.Scenarios;
using Caravan.Services;
using Spectre.Console;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan flows</c>: base-year freight flows from the choice model, as a corridor planner reads them.</summary>
internal static class FlowsCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var scenario = CommonOptions.Scenario();
        var demand = new Option<string?>("--demand") { Description = "Demand file (default: demand/eurasia-2024.csv in the data folder)" };
        var parameters = new Option<string?>("--parameters") { Description = "Choice parameters (default: demand/choice-parameters.csv in the data folder)" };
        var volumes = new Option<string?>("--volumes") { Description = "Observed volumes to print next to the model's (default: calibration-volumes.csv in the data folder)" };
        var year = new Option<int>("--year") { Description = "Year of the network", DefaultValueFactory = _ => AssignmentService.BaseYear };
        var elasticities = new Option<bool>("--elasticities") { Description = "Also re-run the model with each corridor's tariffs 10% lower" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var csv = new Option<string?>("--out-csv") { Description = "Write element flows to this CSV (and the modal split beside it, *.split.csv)" };
        var geojson = new Option<string?>("--out-geojson") { Description = "Write link flows as GeoJSON" };
        var top = new Option<int>("--top") { Description = "Bottlenecks and OD rows to list", DefaultValueFactory = _ => Caravan.Services.EngineOptions.Default.DefaultBottlenecks };
        var command = new Command("flows", "Base-year freight flows by mode and corridor choice under binding capacities: corridor volumes against observed, modal split, bottlenecks, elasticities")
        {
            data, scenario, demand, parameters, volumes, year, elasticities, json, csv, geojson, top,
        };
        command.SetAction(parse =>
        {
            var network = NetworkLoader.Load(parse.GetValue(data), parse.GetValue(scenario));
            var folder = parse.GetValue(data) ?? NetworkLoader.DefaultDataFolder();
            var demandPath = parse.GetValue(demand) ?? AssignmentService.DemandPath(folder);
            var parametersPath = parse.GetValue(parameters) ?? AssignmentService.ParametersPath(folder);
            var volumesPath = parse.GetValue(volumes) ?? Path.Combine(folder, "calibration-volumes.csv");
            var topCount = parse.GetValue(top);
            if (AssignmentService.Top("top", topCount, EngineOptions.Default) is { } badTop)
            {
                throw new CliInputException($"--top: {badTop.Message}");
            }
            // The values are checked before any file is read.
            if (AssignmentService.CheckYear(EngineOptions.Default, parse.GetValue(year)) is { } yearError)
            {
                return ServiceOutput.Errors([yearError], parse.GetValue(json));
            }
            FreightRun run;
            IReadOnlyList<VolumeCase> cases;
            var current = parametersPath;
            try
            {
                var p = ChoiceParameters.Read(parametersPath);
                current = demandPath;
                var rows = DemandReader.Read(demandPath, network);
                current = volumesPath;
                cases = File.Exists(volumesPath) || parse.GetValue(volumes) is not null ? VolumeReader.Read(volumesPath, network) : [];
                current = demandPath;
                var choice = AssignmentService.ChoiceOptions(EngineOptions.Default, parse.GetValue(year));
                run = AssignmentService.Run(network, rows, new FreightRunOptions { Parameters = p, Choice = choice, ReportUnserved = !ScenarioLoader.IsBase(parse.GetValue(scenario)), DemandFile = Path.GetFileName(demandPath) });
            }
            catch (CaravanDataException e)
            {
                throw new CliInputException(NetworkLoader.DiagnosticText(current, e.Diagnostics));
            }
            var (model, solution, report) = (run.Model, run.Solution, run.Choice);
            foreach (var u in run.Unserved)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: {Path.GetFileName(demandPath)}:{u.Line}: not assigned under this scenario, {u.Tonnes / 1e6:0.000} Mt/year: {u.Reason}"));
            }
            var volumeReport = cases.Count > 0 ? VolumeCalibrator.Compare(solution, cases) : null;
            var elastic = parse.GetValue(elasticities) ? CorridorElasticities.Compute(solution) : [];
            if (parse.GetValue(csv) is { } csvPath)
            {
                ChoiceOutputs.WriteElementsCsv(csvPath, report);
                var splitPath = Path.ChangeExtension(csvPath, ".split.csv");
                ChoiceOutputs.WriteModalSplitCsv(splitPath, report);
                Console.Error.WriteLine($"wrote {csvPath} and {splitPath}");
            }
            if (parse.GetValue(geojson) is { } geoPath)
            {
                AtomicFile.WriteAllText(geoPath, JsonDefaults.Serialize(AssignmentService.Flows(run), Caravan.Cli.Json.CliJson.Indented));
                Console.Error.WriteLine($"wrote {geoPath}");
            }
            if (parse.GetValue(json))
            {
                var doc = FlowsDocument.Of(run, volumeReport, elastic, topCount);
                Console.WriteLine(JsonDefaults.Serialize(doc, Caravan.Cli.Json.CliJson.Indented));
                return ExitCodes.Ok;
            }
            Render(model, solution, report, volumeReport, elastic, topCount);
            return ExitCodes.Ok;
        });
        return command;
    }


    private static void Render(ChoiceModel model, ChoiceSolution solution, ChoiceReport report, VolumeReport? volumes, IReadOnlyList<CorridorElasticity> elastic, int top)
    {
        var total = model.Demand.Sum(d => d.Tonnes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Freight flows {model.Options.Year}: {model.Demand.Count} OD flows, {total / 1e6:0.0} Mt/year; choice model {(solution.Converged ? "converged" : "NOT converged")} after {solution.Iterations} iterations; largest utilisation {solution.MaxUtilisation() * 100:0.0}%"));
        var over = new Table { Title = new TableTitle(report.OverCapacity.Count == 0 ? "No element above 100% of capacity" : $"{report.OverCapacity.Count} elements above 100% of capacity") };
        over.AddColumns("Element", "Kind", "Mode", "From → To", "Corridor");
        foreach (var c in new[] { "flow Mt/yr", "capacity Mt/yr", "utilisation", "shadow USD/t", "≈ delay h" })
        {
            over.AddColumn(new TableColumn(c).RightAligned());
        }
        foreach (var b in report.OverCapacity.Concat(report.Bottlenecks.Where(b => b.Utilisation <= 1)).Take(Math.Max(top, report.OverCapacity.Count)))
        {
            over.AddRow(Markup.Escape(b.Id), b.Kind, b.Mode.ToString(), Markup.Escape($"{b.From} → {b.To}"), Markup.Escape(b.Corridor),
                RouteTable.Num(b.Tonnes / 1e6, "0.00"), RouteTable.Num(b.CapacityTonnes!.Value / 1e6, "0.00"),
                (b.Utilisation > 1 ? "[red]" : b.Utilisation >= 0.95 ? "[yellow]" : "[green]") + RouteTable.Num(b.Utilisation!.Value * 100, "0.0") + "%[/]",
                RouteTable.Num(b.ShadowUsdPerTonne, "0.0"), RouteTable.Num(b.DelayHoursContainer, "0"));
        }
        over.Caption = new TableTitle("Bottlenecks: over-capacity elements first, then the busiest; the shadow price is what a tonne pays to get through");
        AnsiConsole.Write(over);
        var ct = new Table { Title = new TableTitle("Tonnes by corridor (a route counts for the corridor with most of its km)") };
        ct.AddColumn("Corridor");
        foreach (var c in new[] { "Mt/yr", "container", "dry-bulk", "liquid-bulk", "gas", "air-cargo" })
        {
            ct.AddColumn(new TableColumn(c).RightAligned());
        }
        foreach (var c in report.Corridors)
        {
            ct.AddRow(new[] { Markup.Escape(c.Corridor), RouteTable.Num(c.Tonnes / 1e6, "0.00") }.Concat(new[] { "container", "dry-bulk", "liquid-bulk", "gas", "air-cargo" }.Select(k => RouteTable.Num(c.TonnesByClass.GetValueOrDefault(k) / 1e6, "0.00"))).ToArray());
        }
        AnsiConsole.Write(ct);
        if (volumes is not null)
        {
            var vt = new Table { Title = new TableTitle("Corridor volumes: model against observed") };
            vt.AddColumns("Id", "Split");
            foreach (var c in new[] { "observed", "model", "unit", "error" })
            {
                vt.AddColumn(new TableColumn(c).RightAligned());
            }
            foreach (var r in volumes.Results)
            {
                vt.AddRow(Markup.Escape(r.Case.Id), r.Case.Split, RouteTable.Num(r.Case.Observed, "#,##0.###"), RouteTable.Num(r.Predicted, "#,##0.###"), r.Case.Unit, (r.Error >= 0 ? "+" : "") + RouteTable.Num(r.Error * 100, "0.0") + "%");
            }
            AnsiConsole.Write(vt);
        }
        var mt = new Table { Title = new TableTitle($"Modal split of the {Math.Min(top, report.ModalSplits.Count)} largest OD flows") };
        mt.AddColumns("From", "To", "Class");
        foreach (var c in new[] { "Mt/yr", "modes", "corridors" })
        {
            mt.AddColumn(new TableColumn(c).RightAligned());
        }
        foreach (var m in report.ModalSplits.OrderByDescending(m => m.Tonnes).ThenBy(m => m.Origin, StringComparer.Ordinal).Take(top))
        {
            mt.AddRow(Markup.Escape(m.Origin), Markup.Escape(m.Destination), m.Commodity.Name(), RouteTable.Num(m.Tonnes / 1e6, "0.00"), Shares(m.GroupShares), Shares(m.CorridorShares));
        }
        AnsiConsole.Write(mt);
        if (elastic.Count > 0)
        {
            var et = new Table { Title = new TableTitle("Elasticities: tariffs of one corridor 10% lower") };
            et.AddColumn("Corridor");
            foreach (var c in new[] { "base Mt/yr", "new Mt/yr", "Δ Mt/yr", "elasticity" })
            {
                et.AddColumn(new TableColumn(c).RightAligned());
            }
            foreach (var x in elastic)
            {
                et.AddRow(Markup.Escape(x.Corridor), RouteTable.Num(x.BaseTonnes / 1e6, "0.00"), RouteTable.Num(x.NewTonnes / 1e6, "0.00"), RouteTable.Num(x.DeltaTonnes / 1e6, "+0.00;-0.00;0.00"), RouteTable.Num(x.Elasticity, "0.00"));
            }
            AnsiConsole.Write(et);
        }
    }

    private static string Shares(IReadOnlyDictionary<string, double> shares) =>
        Markup.Escape(string.Join(" ", shares.Where(kv => kv.Value >= 0.005).OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value * 100:0}%")));
}
