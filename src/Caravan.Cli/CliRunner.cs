using System.CommandLine;

namespace Caravan.Cli;

/// <summary>Runs the command line and maps parse errors and faults to the documented exit codes.</summary>
internal static class CliRunner
{
    public static int Run(RootCommand root, string[] args)
    {
        if (Console.IsOutputRedirected)
        {
            // Tables written to a file or pipe should not wrap at a guessed 80 columns.
            Spectre.Console.AnsiConsole.Profile.Width = 200;
        }
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }
            return ExitCodes.BadInput;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CliInputException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Caravan.Store.RunStoreException e)
        {
            // A corrupt, locked or full store is a problem with the user's file or disk, not a fault of Caravan.
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"internal error: {e.GetType().Name}: {e.Message}");
            return ExitCodes.InternalFault;
        }
    }
}

/// <summary>Thrown by a command for bad arguments or input files; printed without a stack trace, exit code 2.</summary>
internal sealed class CliInputException(string message) : Exception(message);
