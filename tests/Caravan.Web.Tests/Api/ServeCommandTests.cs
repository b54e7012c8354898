using System.Diagnostics;

namespace Caravan.Web.Tests.Api;

/// <summary><c>caravan serve</c> refuses bad options and data with exit code 2 before it listens.</summary>
public class ServeCommandTests
{
    [Theory]
    [InlineData("--route-concurrency", "0", "--route-concurrency")]
    [InlineData("--route-queue", "-1", "--route-queue")]
    [InlineData("--urls", "not a url", "--urls")]
    [InlineData("--web-root", "/nonexistent/page", "--web-root")]
    [InlineData("--urls", "http://127.0.0.1:{busy}", "already in use")]
    [InlineData("--data", "/nonexistent/caravan-data", "/nonexistent/caravan-data")]
    [InlineData("--urls", "http://0.0.0.0:{busy}", "beyond loopback")]
    public async Task BadOptionsExitTwo(string option, string value, string expected)
    {
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        value = value.Replace("{busy}", ((System.Net.IPEndPoint)busy.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var args = option == "--data" ? new[] { "serve", option, value } : ["serve", "--data", WebTestPaths.Mini, option, value];
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Caravan.Cli.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderrTask = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await p.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail("caravan serve started listening despite a bad option: " + option);
        }
        var stderr = await stderrTask;
        Assert.Equal(2, p.ExitCode);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr + await stdout, StringComparison.Ordinal);
    }
}
