using System.Diagnostics;

namespace Caravan.Tests.Formats;

/// <summary>Runs a tool the test script installs (ogrinfo from gdal-bin, python3) and returns its output.</summary>
internal static class ExternalTool
{
    public static (int ExitCode, string Stdout, string Stderr) Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in 120 s");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
