using System.CommandLine;
using System.Text.Json;
using Caravan.Comparison;
using Caravan.Data;
using Caravan.Export;
using Caravan.Model;
using Caravan.Scenarios;

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
        var year = new Option<int?>("--year") { Description = "Year of travel; planned links count from their opening year (default: this year)" };
        var optimize = new Option<string>("--optimize") { Description = "recommended (default: generalized cost), time, cost or co2", DefaultValueFactory = _ => "recommended" };
        var data = CommonOptions.Data();
        var demand = new Option<string?>("--demand") { Description = "Also assign this freight demand under both scenarios: flow shifts, new and relieved bottlenecks" };
        var flowMap = new Option<string?>("--flow-map") { Description = "With --demand: write a PNG map of the flow change (B − A) by link" };
        var command = new Command("compare", "Compare two scenarios on a set of OD pairs: change in time, cost, CO2e and corridor, with the reason; with --demand, flows")
        {
            a, b, pairs, json, chart, save, db, year, optimize, data, demand, flowMap,
        };
        command.SetAction(parse =>
        {
            if (!Caravan.Services.RouteQueryParser.TryParseObjective(parse.GetValue(optimize), out var objective))
            {
                throw new CliInputException($"--optimize: expected time, cost, co2 or generalized, not '{parse.GetValue(optimize)}'");
            }
            var chartPath = parse.GetValue(chart);
            if (chartPath is not null && !chartPath.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            {
                throw new CliInputException("--chart: the chart is a PNG; give a file name ending in .png");
            }
            var sa = NetworkLoader.LoadScenario(parse.GetValue(data), parse.GetValue(a));
            var sb = NetworkLoader.LoadScenario(parse.GetValue(data), parse.GetValue(b));
            var odPairs = ReadPairs(parse.GetValue(pairs), parse.GetValue(data));
            var options = new ComparisonOptions(objective, parse.GetValue(year) ?? Caravan.Services.EngineOptions.Default.DefaultYear);
            var result = ScenarioComparer.Compare(sa, sb, odPairs, options);
            if (parse.GetValue(demand) is { } demandPath)
            {
                var (flowsA, modelA, unservedA) = CompareFlows.Assign(sa.Network, demandPath, options.Year);
                var (flowsB, _, unservedB) = CompareFlows.Assign(sb.Network, demandPath, options.Year);
                result = result with { Assignment = Caravan.Comparison.AssignmentComparer.Compare(flowsA, flowsB, unservedA, unservedB) };
                if (parse.GetValue(flowMap) is { } mapPath)
                {
                    if (!mapPath.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
                    {
                        throw new CliInputException("--flow-map: give a file name ending in .png");
                    }
                    Charts.FlowChangeMap.Write(modelA, flowsA, flowsB, mapPath, $"{sa.Name} → {sb.Name}: change in annual flow");
                    Console.Error.WriteLine($"flow map written to {mapPath}");
                }
            }
            else if (parse.GetValue(flowMap) is not null)
            {
                throw new CliInputException("--flow-map needs --demand");
            }
            if (result.Routes.Count == 0)
            {
                foreach (var s in result.Skipped)
                {
                    Console.Error.WriteLine($"skipped {s.From} → {s.To}: {s.Reason}");
                }
                throw new CliInputException("no pair could be compared");
            }
            if (parse.GetValue(json))
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
                var id = RunSaving.SaveComparison(parse.GetValue(db), result, odPairs.Count > 0 ? parse.GetValue(pairs) : null);
                Console.Error.WriteLine($"saved run {id}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static IReadOnlyList<OdPair> ReadPairs(string? file, string? dataFolder)
    {
        var bag = new DiagnosticBag();
        if (file is not null)
        {
            if (!File.Exists(file))
            {
                throw new CliInputException($"--pairs: file '{file}' not found");
            }
            var list = OdPairReader.Read(file, file, bag);
            if (bag.HasErrors)
            {
                throw new CliInputException(NetworkLoader.DiagnosticText(file, bag.Snapshot()));
            }
            if (list.Count == 0)
            {
                throw new CliInputException($"--pairs: '{file}' holds no pairs");
            }
            return list;
        }
        var folder = ScenarioLoader.ScenariosFolder(string.IsNullOrWhiteSpace(dataFolder) ? NetworkLoader.DefaultDataFolder() : dataFolder);
        var path = Path.Combine(folder, "od-pairs.csv");
        if (!File.Exists(path))
        {
            path = Path.Combine(ScenarioLoader.ScenariosFolder(NetworkLoader.DefaultDataFolder()), "od-pairs.csv");
        }
        var pairs = OdPairReader.Read(path, "od-pairs.csv", bag);
        if (bag.HasErrors)
        {
            throw new CliInputException(NetworkLoader.DiagnosticText(path, bag.Snapshot()));
        }
        return pairs;
    }
}
