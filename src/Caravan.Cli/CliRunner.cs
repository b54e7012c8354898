using System.CommandLine;
using System.CommandLine.Invocation;
using System.Text.Json;
using Caravan.Export;
using Caravan.Services;

namespace Caravan.Cli;

/// <summary>Runs the command line and maps parse errors and faults to the documented exit codes.</summary>
internal static class CliRunner
{
    public static int Run(Command root, string[] args)
    {
        if (Console.IsOutputRedirected)
        {
            // Tables written to a file or pipe should not wrap at a guessed 80 columns.
            Spectre.Console.AnsiConsole.Profile.Width = 200;
        }
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // System.CommandLine words its own errors, with its typo hints ("Did you mean --avoid?"), on stderr.
            if (parse.Action is ParseErrorAction action)
            {
                action.ShowHelp = false;
                action.ShowTypoCorrections = true;
            }
            parse.Invoke(new InvocationConfiguration { Output = Console.Error, Error = Console.Error, EnableDefaultExceptionHandler = false });
            if (args.Contains("--json", StringComparer.Ordinal))
            {
                Console.WriteLine(JsonDefaults.Serialize(ErrorDocument.From(ParseErrors(parse)), Caravan.Cli.Json.CliJson.Indented));
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
        catch (Caravan.Sweep.ClusterUnreachableException e)
        {
            // No silo answering, or a cluster database that cannot be used: a wrong address or a cluster not up.
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

    /// <summary>
    /// Runs <c>caravan</c> in this process with its standard output and error captured (for embedding and tests);
    /// the same command pipeline as the binary.
    /// </summary>
    internal static (int Code, string Out, string Error) RunCaptured(params string[] args)
    {
        var (oldOut, oldError) = (Console.Out, Console.Error);
        var (output, error) = (new StringWriter(), new StringWriter());
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = Run(CaravanCommand.Create(), args);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }

    /// <summary>The engine's errors for a command line System.CommandLine refused: unknown options and commands are <see cref="ErrorCode.UnknownParameter"/>.</summary>
    internal static IReadOnlyList<EngineError> ParseErrors(ParseResult parse)
    {
        var known = parse.CommandResult.Command.Options.Select(o => o.Name.TrimStart('-')).Select(Camel).ToList();
        var errors = new List<EngineError>();
        var afterUnknownOption = false;
        foreach (var token in parse.UnmatchedTokens)
        {
            if (token.StartsWith('-'))
            {
                errors.Add(QueryFields.Unknown(Camel(token.TrimStart('-')), known));
                afterUnknownOption = true;
            }
            else if (!afterUnknownOption)
            {
                // A word where a command was expected; a word after an unknown option is that option's value.
                errors.Add(QueryFields.Unknown(token, parse.CommandResult.Command.Subcommands.Select(c => c.Name)));
            }
            else
            {
                afterUnknownOption = false;
            }
        }
        if (errors.Count == 0)
        {
            errors.AddRange(parse.Errors.Select(e => EngineError.Invalid("", e.Message)));
        }
        return errors;
    }

    private static string Camel(string kebab)
    {
        var parts = kebab.Split('-', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select((p, i) => i == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }
}

/// <summary>Thrown by a command for bad arguments or input files; printed without a stack trace, exit code 2.</summary>
internal sealed class CliInputException(string message) : Exception(message);
