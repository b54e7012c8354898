using System.Text.Json;
using Caravan.Calibration;
using Caravan.Data;
using Caravan.Export;
using Caravan.Freight;
using Caravan.Freight.Choice;
using Caravan.Model;
using Spectre.Console;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan calibrate --volumes FILE</c>: the choice model's flows against observed 2023–2024 volumes.</summary>
internal static class CalibrateVolumes
{
    public static int Run(Network network, string folder, string volumesPath, string? demandPath, string? parametersPath, bool fit, bool json)
    {
        demandPath ??= Caravan.Services.AssignmentService.DemandPath(folder);
        parametersPath ??= Caravan.Services.AssignmentService.ParametersPath(folder);
        IReadOnlyList<VolumeCase> cases;
        ChoiceModel model;
        string current = volumesPath;
        try
        {
            cases = VolumeReader.Read(volumesPath, network);
            current = parametersPath;
            var parameters = ChoiceParameters.Read(parametersPath);
            current = demandPath;
            var demand = DemandReader.Read(demandPath, network);
            model = ChoiceModel.Build(network, demand, parameters, new ChoiceOptions { Year = Caravan.Services.AssignmentService.BaseYear }, Path.GetFileName(demandPath));
        }
        catch (CaravanDataException e)
        {
            throw new CliInputException(NetworkLoader.DiagnosticText(current, e.Diagnostics));
        }
        ChoiceSolution solution;
        IReadOnlyList<VolumeFitStep> steps = [];
        if (fit)
        {
            var result = VolumeFit.Fit(model, cases, progress: s => Console.Error.WriteLine($"fit round {s.Round}: {s.Constant} = {s.Value:0.###} (objective {s.Objective:0.0000})"));
            result.Parameters.Write(parametersPath);
            Console.Error.WriteLine($"wrote {parametersPath}");
            (solution, steps) = (result.Solution, result.Steps);
        }
        else
        {
            solution = ChoiceEquilibrium.Solve(model);
        }
        var report = VolumeCalibrator.Compare(solution, cases);
        if (json)
        {
            var doc = VolumeCalibrationDocument.Of(report, solution.Iterations, steps.Count);
            Console.WriteLine(JsonDefaults.Serialize(doc, Caravan.Cli.Json.CliJson.Indented));
            return ExitCodes.Ok;
        }
        var table = new Table { Title = new TableTitle($"Volumes: {cases.Count} observed flows ({Path.GetFileName(volumesPath)}) against the choice model") };
        table.AddColumns("Id", "Split", "Kind", "Year");
        foreach (var c in new[] { "observed", "predicted", "unit", "error", "×" })
        {
            table.AddColumn(new TableColumn(c).RightAligned());
        }
        foreach (var r in report.Results)
        {
            var colour = r.WithinTarget ? "green" : "red";
            table.AddRow(Markup.Escape(r.Case.Id), r.Case.Split, r.Case.Kind, r.Case.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                RouteTable.Num(r.Case.Observed, "#,##0.###"), RouteTable.Num(r.Predicted, "#,##0.###"), r.Case.Unit,
                $"[{colour}]{(r.Error >= 0 ? "+" : "")}{RouteTable.Num(r.Error * 100, "0.0")}%[/]", RouteTable.Num(r.Factor, "0.00"));
        }
        AnsiConsole.Write(table);
        foreach (var s in report.Splits)
        {
            Console.WriteLine($"{s.Split}: {s.Rows} rows, weighted MAPE {RouteTable.Num(s.WeightedMape * 100, "0.0")}%, worst {RouteTable.Num(s.WorstFactor, "0.00")}×, {s.WithinTarget}/{s.Rows} within target (pipelines ±25%, corridors ±35%, ≤ 2×)");
        }
        Console.WriteLine($"Capacity: largest utilisation {RouteTable.Num(report.MaxUtilisation * 100, "0.0")}%; equilibrium {(report.Converged ? "converged" : "not converged")} after {solution.Iterations} iterations");
        return ExitCodes.Ok;
    }
}
