using System.Diagnostics;

namespace Caravan.Tests.Cli;

/// <summary>Runs the real <c>caravan</c> program (the built Caravan.Cli.dll) as a child process.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args) =>
        RunProgram("dotnet", [Path.Combine(AppContext.BaseDirectory, "Caravan.Cli.dll"), .. args]);

    /// <summary>Runs <c>caravan</c> with extra environment variables (the debug hooks).</summary>
    public static Result RunWithEnvironment(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunProgram("dotnet", environment, [Path.Combine(AppContext.BaseDirectory, "Caravan.Cli.dll"), .. args]);

    /// <summary>Runs an executable (the native AOT <c>caravan</c>) with these arguments.</summary>
    public static Result RunProgram(string program, params string[] args) => RunProgram(program, new Dictionary<string, string>(), args);

    private static Result RunProgram(string program, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        foreach (var (name, value) in environment)
        {
            psi.Environment[name] = value;
        }
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("caravan did not finish in 120 s: " + string.Join(' ', args));
        }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }
}
