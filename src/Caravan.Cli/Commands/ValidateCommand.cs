using System.CommandLine;
using Caravan.Data;
using Caravan.Scenarios;

namespace Caravan.Cli.Commands;

/// <summary>
/// <c>caravan validate [folder] [--scenario name]</c>: reads a network folder and checks it; with a scenario,
/// also checks the overlay files and the network they make. Exit 2 on any error.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var folder = new Argument<string?>("folder") { Description = "Network folder (default: the embedded data/)", Arity = ArgumentArity.ZeroOrOne };
        var warnings = new Option<bool>("--warnings") { Description = "Also print warnings" };
        var scenario = CommonOptions.Scenario();
        var json = new Option<bool>("--json") { Description = "Print the verdict, the counts and every diagnostic as JSON (exit codes unchanged)" };
        var command = new Command("validate", "Check a network folder (and a scenario's overlays): references, units, plausibility, connectivity") { folder, warnings, scenario, json };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(folder) ?? NetworkLoader.DefaultDataFolder();
            var scenarioName = parse.GetValue(scenario);
            var diagnostics = new List<Diagnostic>();
            Caravan.Model.Network? network;
            string? hash = null;
            // Reading runs the plausibility checks (NetworkValidator) itself, as every command's loading does.
            if (ScenarioLoader.IsBase(scenarioName))
            {
                var result = NetworkReader.TryReadFolder(path);
                diagnostics.AddRange(result.Diagnostics);
                network = result.Network;
            }
            else
            {
                var result = ScenarioLoader.TryLoad(path, scenarioName, ScenarioLoader.ScenariosFolder(NetworkLoader.DefaultDataFolder()));
                diagnostics.AddRange(result.Diagnostics);
                network = result.Scenario?.Network;
                hash = result.Scenario?.ContentHash;
            }
            var errors = diagnostics.Count(d => d.Severity == Severity.Error);
            var warningCount = diagnostics.Count - errors;
            if (parse.GetValue(json))
            {
                var doc = Caravan.Services.ValidationDocument.From(network, diagnostics, hash);
                Console.WriteLine(Caravan.Json.JsonDefaults.Serialize(doc, Caravan.Cli.Json.CliJson.Indented));
                return doc.Valid ? ExitCodes.Ok : ExitCodes.BadInput;
            }
            foreach (var d in diagnostics)
            {
                if (d.Severity == Severity.Error || parse.GetValue(warnings))
                {
                    Console.Error.WriteLine(d);
                }
            }
            var what = ScenarioLoader.IsBase(scenarioName) ? path : $"{path} + scenario {scenarioName}";
            if (errors > 0 || network is null)
            {
                Console.Error.WriteLine($"{what}: {errors} error(s), {warningCount} warning(s)");
                return ExitCodes.BadInput;
            }
            var n = network;
            var crossings = n.Links.Count(l => l.IsCrossing);
            Console.WriteLine($"{what}: ok — {n.Places.Count} places, {n.Links.Count - crossings} links, {crossings} crossings, {n.Transfers.Count} transfers, {n.Services.Count} services, {n.Sources.Count} sources; {warningCount} warning(s){(warningCount > 0 && !parse.GetValue(warnings) ? " (--warnings to list)" : "")}");
            if (hash is not null)
            {
                Console.WriteLine($"content hash {hash}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
