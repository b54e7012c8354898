using System.CommandLine;
using System.Text.Json;
using Caravan.Calibration;
using Caravan.Data;
using Caravan.Export;
using Spectre.Console;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan calibrate</c>: predicted vs observed transit times for the reference shipments.</summary>
internal static class CalibrateCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var scenario = CommonOptions.Scenario();
        var file = new Option<string?>("--cases") { Description = "Calibration file (default: calibration.csv in the data folder)" };
        var rates = new Option<string?>("--rates") { Description = "Published rates for the price section (default: rates.csv in the data folder, when present)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var check = new Option<bool>("--check") { Description = "Exit 2 unless, on the test split, the midpoint MAPE is ≤ 15% and every case is within ±35% (and, with rates, the price targets on the test split)" };
        var volumes = new Option<string?>("--volumes") { Description = "Observed volumes (e.g. data/calibration-volumes.csv): compare the choice model's flows with them instead of times" };
        var demand = new Option<string?>("--demand") { Description = "With --volumes: demand file (default: demand/eurasia-2024.csv in the data folder)" };
        var parameters = new Option<string?>("--parameters") { Description = "With --volumes: choice parameters (default: demand/choice-parameters.csv in the data folder)" };
        var fit = new Option<bool>("--fit") { Description = "With --volumes: fit the constants marked fitted=yes on the fitting rows and write them to the parameters file" };
        var command = new Command("calibrate", "Compare predicted transit times and prices (or, with --volumes, flows) with observed ones") { data, scenario, file, rates, json, check, volumes, demand, parameters, fit };
        command.SetAction(parse =>
        {
            var network = NetworkLoader.Load(parse.GetValue(data), parse.GetValue(scenario));
            var folder = parse.GetValue(data) ?? NetworkLoader.DefaultDataFolder();
            if (parse.GetValue(volumes) is { } volumesPath)
            {
                return CalibrateVolumes.Run(network, folder, volumesPath, parse.GetValue(demand), parse.GetValue(parameters), parse.GetValue(fit), parse.GetValue(json));
            }
            if (parse.GetValue(demand) is not null || parse.GetValue(parameters) is not null || parse.GetValue(fit))
            {
                throw new CliInputException("--demand, --parameters and --fit go with --volumes");
            }
            var path = parse.GetValue(file) ?? Path.Combine(folder, "calibration.csv");
            IReadOnlyList<CalibrationCase> cases;
            try
            {
                cases = CalibrationReader.Read(path, network.Sources.Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase));
            }
            catch (CaravanDataException e)
            {
                throw new CliInputException(NetworkLoader.DiagnosticText(path, e.Diagnostics));
            }
            var report = Calibrator.Run(network, cases);
            var priceCases = PriceCalibrationView.Read(parse.GetValue(rates), folder, network.Sources.Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase));
            var prices = priceCases is null ? null : PriceCalibrator.Run(network, priceCases);
            if (parse.GetValue(json))
            {
                var doc = Json.CalibrationJson.Of(report, prices);
                Console.WriteLine(JsonDefaults.Serialize(doc, Caravan.Cli.Json.CliJson.Indented));
            }
            else
            {
                var table = new Table { Title = new TableTitle($"Calibration: {cases.Count} reference shipments ({Path.GetFileName(path)})") };
                table.AddColumns("Case", "Split", "From → To", "Corridor", "Year");
                foreach (var c in new[] { "recommended days", "fastest days", "observed days", "error", "fastest error", "predicted USD", "observed USD", "cost error" })
                {
                    table.AddColumn(new TableColumn(c).RightAligned());
                }
                foreach (var r in report.Results)
                {
                    table.AddRow(
                        Markup.Escape(r.Case.Id),
                        r.Case.Split == CalibrationSplit.Fit ? "fit" : "test",
                        Markup.Escape($"{r.Case.From} → {r.Case.To}"),
                        Markup.Escape(r.Problem ?? r.Corridor),
                        r.Case.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        r.PredictedDays is { } d ? RouteTable.Num(d, "0.0") + (r.Inside ? " ✓" : "") : "—",
                        r.FastestDays is { } f ? RouteTable.Num(f, "0.0") + (r.FastestInside ? " ✓" : "") : "—",
                        $"{RouteTable.Num(r.Case.ObservedLowDays, "0.#")}–{RouteTable.Num(r.Case.ObservedHighDays, "0.#")}",
                        r.TimeError is { } e ? Percent(e) : "miss",
                        r.FastestError is { } fe ? Percent(fe) : "miss",
                        r.PredictedCostUsd is { } c ? RouteTable.Num(c, "0") : "—",
                        r.Case.CostLowUsd is { } lo && r.Case.CostHighUsd is { } hi ? $"{RouteTable.Num(lo, "0")}–{RouteTable.Num(hi, "0")}" : "",
                        r.CostError is { } ce ? Percent(ce) : "");
                }
                AnsiConsole.Write(table);
                foreach (var s in report.Splits)
                {
                    Console.WriteLine($"Transit time, {s.Split} split ({s.Cases} cases): recommended option midpoint MAPE {RouteTable.Num(s.TimeMape * 100, "0.0")}%, {s.Inside} of {s.Cases} inside their observed range, worst {RouteTable.Num(s.WorstTimeError * 100, "0.0")}%; fastest option midpoint MAPE {RouteTable.Num(s.FastestTimeMape * 100, "0.0")}%, {s.FastestInside} of {s.Cases} inside");
                }
                if (report.CostMape is { } cm)
                {
                    Console.WriteLine($"Cost: MAPE {RouteTable.Num(cm * 100, "0.0")}% over the cases that publish one (0 inside the published range).");
                }
                Console.WriteLine("Error is (predicted − midpoint of the observed range) / midpoint; ✓ marks a prediction inside the range. Targets on the test split: MAPE ≤ 15%, every case within ±35%.");
                if (prices is not null)
                {
                    PriceCalibrationView.Write(prices);
                }
            }
            var test = report.Splits.FirstOrDefault(s => s.Split == "test");
            var timesMissed = test is not null && test.Cases > 0 && (test.TimeMape > 0.15 || test.WorstTimeError > 0.35);
            if (parse.GetValue(check) && (timesMissed || prices is { MeetsTargets: false }))
            {
                Console.Error.WriteLine("error: calibration targets not met");
                return ExitCodes.BadInput;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Percent(double e) => (e == 0 ? "0" : (e > 0 ? "+" : "") + RouteTable.Num(e * 100, "0.0")) + "%";
}
