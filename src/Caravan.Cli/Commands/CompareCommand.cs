using System.CommandLine;
using System.Text.Json;
using Caravan.Comparison;
using Caravan.Data;
using Caravan.Export;
using Caravan.Model;
using Caravan.Scenarios;
using Caravan.Services;

namespace Caravan.Cli.Commands;

/// <summary>
/// <c>caravan compare A B</c>: routes a set of OD pairs under two scenarios and shows what changed and why,
/// as a table, JSON or a PNG chart; <c>--save</c> keeps the run in the run store.
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var a = new Argument<string>("A") { Description = "Scenario A: a name from data/scenarios/, a .json overlay, or base" };
        var b = new Argument<string>("B") { Description = "Scenario B" };
        var pairs = new Option<string?>("--pairs") { Description = "CSV of OD pairs: from,to[,cargo,quantity] (default: data/scenarios/od-pairs.csv)" };
        var json = new Option<bool>("--json") { Description = "Print the comparison as JSON" };
        var chart = new Option<string?>("--chart") { Description = "Write a PNG bar chart of door-to-door days, A vs B, per pair" };
        var save = new Option<bool>("--save") { Description = "Save the run in the run store" };
        var db = CommonOptions.Db();
        var year = new Option<string?>("--year") { Description = "Year of travel; planned links count from their opening year (default: this year)" };
        var optimize = new Option<string>("--optimize") { Description = "recommended (default: generalized cost), time, cost or co2", };
        var data = CommonOptions.Data();
        var demand = new Option<string?>("--demand") { Description = "Also assign this freight demand under both scenarios: flow shifts, new and relieved bottlenecks" };
        var flowMap = new Option<string?>("--flow-map") { Description = "With --demand: write a PNG map of the flow change (B − A) by link" };
        var command = new Command("compare", "Compare two scenarios on a set of OD pairs: change in time, cost, CO2e and corridor, with the reason; with --demand, flows")
        {
            a, b, pairs, json, chart, save, db, year, optimize, data, demand, flowMap,
        };
        command.SetAction(parse =>
        {
            var chartPath = parse.GetValue(chart);
            if (chartPath is not null && !chartPath.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            {
                throw new CliInputException("--chart: the chart is a PNG; give a file name ending in .png");
            }
            var dataFolder = string.IsNullOrWhiteSpace(parse.GetValue(data)) ? NetworkLoader.DefaultDataFolder() : parse.GetValue(data)!;
            var shipped = ScenarioLoader.ScenariosFolder(NetworkLoader.DefaultDataFolder());
            var asJson = parse.GetValue(json);
            var odPairs = ComparisonService.Pairs(parse.GetValue(pairs), dataFolder, shipped);
            if (!odPairs.IsValid)
            {
                return ServiceOutput.Errors(odPairs.Errors, asJson, FieldName);
            }
            var loaded = new Dictionary<string, ScenarioNetwork>(StringComparer.Ordinal);
            var query = new ComparisonQuery { A = parse.GetValue(a), B = parse.GetValue(b), Optimize = parse.GetValue(optimize), Year = parse.GetValue(year) };
            var compared = new ComparisonService(EngineOptions.Default).Compare(query, odPairs.Value!, (field, name) =>
            {
                var s = ScenarioCatalog.Load(field, name, dataFolder, shipped);
                if (s.Value is not null)
                {
                    loaded[field] = s.Value;
                }
                return s;
            });
            if (!compared.IsValid)
            {
                return ServiceOutput.Errors(compared.Errors, asJson, FieldName);
            }
            var result = compared.Value!;
            var (sa, sb) = (loaded["a"], loaded["b"]);
            if (parse.GetValue(demand) is { } demandPath)
            {
                var runA = CompareFlows.Assign(sa.Network, dataFolder, demandPath, result.Year);
                var runB = CompareFlows.Assign(sb.Network, dataFolder, demandPath, result.Year);
                result = result with { Assignment = Caravan.Comparison.AssignmentComparer.Compare(runA.Report, runB.Report, runA.Unserved, runB.Unserved) };
                if (parse.GetValue(flowMap) is { } mapPath)
                {
                    if (!mapPath.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
                    {
                        throw new CliInputException("--flow-map: give a file name ending in .png");
                    }
                    Charts.FlowChangeMap.Write(runA, runB, mapPath, $"{sa.Name} → {sb.Name}: change in annual flow");
                    Console.Error.WriteLine($"flow map written to {mapPath}");
                }
            }
            else if (parse.GetValue(flowMap) is not null)
            {
                throw new CliInputException("--flow-map needs --demand");
            }
            if (asJson)
            {
                Console.WriteLine(JsonDefaults.Serialize(result, Caravan.Cli.Json.CliJson.Indented));
            }
            else
            {
                CompareTable.Write(result);
            }
            if (chartPath is not null)
            {
                CompareChart.WritePng(result, chartPath);
                Console.Error.WriteLine($"chart written to {chartPath}");
            }
            if (parse.GetValue(save))
            {
                var id = RunSaving.SaveComparison(parse.GetValue(db), result, parse.GetValue(pairs));
                Console.Error.WriteLine($"saved run {id}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The CLI's name of a comparison field: the arguments A and B, the options otherwise.</summary>
    private static string FieldName(string field) => field switch
    {
        "a" => "A",
        "b" => "B",
        _ => ServiceOutput.OptionName(field),
    };
}
