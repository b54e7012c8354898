using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Caravan.Appraisal;
using Caravan.Services;
using Caravan.Sweep;
using Caravan.Tests.Support;
using Xunit;

namespace Caravan.Tests.Appraisal;

/// <summary>The in-process answer to a 64-run sweep, computed once for the cluster tests.</summary>
public sealed class SixtyFourRuns : IAsyncLifetime
{
    public SweepPlanner Planner { get; private set; } = null!;

    public string Expected { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var spec = SweepService.Load(SweepSpecs.Small(16, "sixty-four"), TestPaths.Data);
        Planner = SweepService.Plan(spec, TestPaths.Data);
        await using var silo = await SweepCluster.StartInProcessAsync(4);
        var outcome = await SweepService.RunAsync(Planner, silo.Executor, null, null);
        Assert.Equal(64, outcome.Runs);
        Expected = SweepRunTests.Portfolios(outcome);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// Three <c>caravan silo</c> processes on localhost, with membership in PostgreSQL (the throwaway test server) or
/// kept by a primary silo, run a 64-run sweep with the in-process sweep's results, also when one silo is killed
/// mid-sweep; the runs land in the PostgreSQL run store.
/// </summary>
public sealed class SweepClusterTests(SixtyFourRuns reference) : IClassFixture<SixtyFourRuns>
{
    private static string Postgres() => PostgresServer.Shared.UrlFor(PostgresServer.Shared.CreateDatabase("sweep"));

    [Fact]
    public async Task ThreeSilosWithMembershipInPostgresGiveTheInProcessResults()
    {
        using var cluster = await LocalCluster.StartAsync(3, Postgres());
        Assert.True(cluster.Address.IsPostgres);
        await using var client = await SweepCluster.ConnectAsync(cluster.Address, 6);
        Assert.Equal(3, client.Silos);
        var server = PostgresServer.Shared;
        var storeDb = server.CreateDatabase("sweepruns");
        var store = Caravan.Store.RunStores.Open(server.UrlFor(storeDb));
        var outcome = await SweepService.RunAsync(reference.Planner, client.Executor, new SweepRunStore(store, "sixty-four"), null);
        Assert.Equal(64, outcome.Computed);
        Assert.Equal(reference.Expected, SweepRunTests.Portfolios(outcome));
        // Every run is in the PostgreSQL run store, and a re-run takes them all from there.
        Assert.Equal(64, store.List(1000).Count(r => r.ScenarioA.StartsWith("sweep:sixty-four:", StringComparison.Ordinal)));
        var again = await SweepService.RunAsync(reference.Planner, client.Executor, new SweepRunStore(Caravan.Store.RunStores.Open(server.UrlFor(storeDb)), "sixty-four"), null);
        Assert.Equal(64, again.Skipped);
        Assert.Equal(reference.Expected, SweepRunTests.Portfolios(again));
    }

    [Fact]
    public Task KillingASiloWithMembershipInPostgresStillCompletesWithTheSameResults() => KillOneMidSweep(Postgres(), 0);

    [Fact]
    public Task KillingASiloOfALocalhostClusterStillCompletesWithTheSameResults() => KillOneMidSweep(null, 2);

    private async Task KillOneMidSweep(string? postgresUrl, int victim)
    {
        using var cluster = await LocalCluster.StartAsync(3, postgresUrl);
        await using var client = await SweepCluster.ConnectAsync(cluster.Address, 6);
        var killed = 0;
        var progress = new SyncProgress(s =>
        {
            if (s.Done >= 16 && Interlocked.Exchange(ref killed, 1) == 0)
            {
                cluster.Kill(victim);
            }
        });
        var outcome = await SweepService.RunAsync(reference.Planner, client.Executor, null, progress);
        Assert.Equal(1, killed);
        Assert.True(cluster.HasExited(victim));
        Assert.Equal(64, outcome.Computed);
        Assert.Equal(reference.Expected, SweepRunTests.Portfolios(outcome));
    }

    private sealed class SyncProgress(Action<SweepProgress> report) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => report(value);
    }
}

/// <summary>Silo processes (<c>caravan silo</c>) on free local ports; disposing kills those still running.</summary>
internal sealed class LocalCluster : IDisposable
{
    private readonly List<Process> _silos = [];

    private LocalCluster(ClusterAddress address, string text)
    {
        Address = address;
        Text = text;
    }

    /// <summary>The cluster the silos joined.</summary>
    public ClusterAddress Address { get; }

    /// <summary>Its --cluster text.</summary>
    public string Text { get; }

    /// <summary>Starts silos on free ports: with membership in the database at <paramref name="postgresUrl"/>, or a localhost cluster whose first silo is the primary.</summary>
    public static async Task<LocalCluster> StartAsync(int silos, string? postgresUrl = null)
    {
        var ports = FreePorts(silos);
        var text = postgresUrl ?? "localhost:" + string.Join(',', ports);
        var cluster = new LocalCluster(ClusterAddress.TryParse(text, out var error) ?? throw new InvalidOperationException(error), text);
        try
        {
            foreach (var port in ports)
            {
                // The primary first: the others join through it.
                await cluster.StartSiloAsync(text, port);
            }
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
        return cluster;
    }

    public void Kill(int index) => _silos[index].Kill(entireProcessTree: true);

    public bool HasExited(int index) => _silos[index].WaitForExit(10_000);

    public void Dispose()
    {
        foreach (var p in _silos)
        {
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
                p.WaitForExit(10_000);
            }
            p.Dispose();
        }
    }

    private async Task StartSiloAsync(string cluster, int port)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Caravan.Cli.dll"), "silo", "--cluster", cluster, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            psi.ArgumentList.Add(a);
        }
        var p = Process.Start(psi)!;
        _silos.Add(p);
        var joined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Text.StringBuilder();
        p.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                joined.TrySetException(new InvalidOperationException($"silo {port} ended before joining: {log}"));
                return;
            }
            lock (log)
            {
                log.AppendLine(e.Data);
            }
            if (e.Data.Contains("joined cluster", StringComparison.Ordinal))
            {
                joined.TrySetResult();
            }
        };
        p.OutputDataReceived += (_, _) => { };
        p.BeginErrorReadLine();
        p.BeginOutputReadLine();
        await joined.Task.WaitAsync(TimeSpan.FromSeconds(90));
    }

    private static int[] FreePorts(int count)
    {
        var ports = new List<int>();
        while (ports.Count < count)
        {
            using var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            var port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            if (port <= 65535 - ClusterAddress.GatewayOffset && !ports.Contains(port) && IsFree(port + ClusterAddress.GatewayOffset))
            {
                ports.Add(port);
            }
        }
        return [.. ports];
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var l = new TcpListener(IPAddress.Loopback, port);
            l.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
