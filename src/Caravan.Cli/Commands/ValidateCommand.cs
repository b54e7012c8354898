using System.CommandLine;
using Caravan.Data;
using Caravan.Data.Validation;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan validate [folder]</c>: reads a network folder and checks it; exit 2 on any error.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var folder = new Argument<string?>("folder") { Description = "Network folder (default: the embedded data/)", Arity = ArgumentArity.ZeroOrOne };
        var warnings = new Option<bool>("--warnings") { Description = "Also print warnings" };
        var command = new Command("validate", "Check a network folder: references, units, plausibility, connectivity") { folder, warnings };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(folder) ?? NetworkLoader.DefaultDataFolder();
            var result = NetworkReader.TryReadFolder(path);
            var diagnostics = new List<Diagnostic>(result.Diagnostics);
            if (result.Network is not null)
            {
                diagnostics.AddRange(NetworkValidator.Validate(result.Network, result.Locations));
            }
            var errors = diagnostics.Count(d => d.Severity == Severity.Error);
            var warningCount = diagnostics.Count - errors;
            foreach (var d in diagnostics)
            {
                if (d.Severity == Severity.Error || parse.GetValue(warnings))
                {
                    Console.Error.WriteLine(d);
                }
            }
            if (errors > 0)
            {
                Console.Error.WriteLine($"{path}: {errors} error(s), {warningCount} warning(s)");
                return ExitCodes.BadInput;
            }
            var n = result.Network!;
            var crossings = n.Links.Count(l => l.IsCrossing);
            Console.WriteLine($"{path}: ok — {n.Places.Count} places, {n.Links.Count - crossings} links, {crossings} crossings, {n.Transfers.Count} transfers, {n.Services.Count} services, {n.Sources.Count} sources; {warningCount} warning(s){(warningCount > 0 && !parse.GetValue(warnings) ? " (--warnings to list)" : "")}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
