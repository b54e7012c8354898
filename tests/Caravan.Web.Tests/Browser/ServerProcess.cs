using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Caravan.Web.Tests.Browser;

/// <summary>The real <c>caravan serve</c> (the built CLI) on a free loopback port, serving the mini fixture.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ServerProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>The server's process id (for memory readings).</summary>
    public int ProcessId => _process.Id;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <param name="dataFolder">Data folder served.</param>
    /// <param name="workingDirectory">Working directory of the process (default: the test's).</param>
    /// <param name="extraArgs">More arguments for <c>caravan serve</c>.</param>
    /// <param name="environment">Environment variables to set.</param>
    public static async Task<ServerProcess> StartAsync(string dataFolder, string? workingDirectory = null, IEnumerable<string>? extraArgs = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var url = new Uri($"http://127.0.0.1:{port}/");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
        {
            psi.WorkingDirectory = workingDirectory;
        }
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Caravan.Cli.dll"), "serve", "--data", dataFolder, "--urls", url.ToString().TrimEnd('/') }.Concat(extraArgs ?? []))
        {
            psi.ArgumentList.Add(a);
        }
        var server = new ServerProcess(Process.Start(psi)!, url);
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (server._process.HasExited)
            {
                throw new InvalidOperationException($"caravan serve exited with {server._process.ExitCode}:\n{server.Log}");
            }
            try
            {
                if ((await http.GetAsync("api/meta")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        server.Dispose();
        throw new TimeoutException($"caravan serve did not answer on {url} within 60 s:\n{server.Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }
}
