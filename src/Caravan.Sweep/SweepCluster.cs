using System.Net;
using System.Net.Sockets;
using Caravan.Appraisal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Caravan.Sweep;

/// <summary>
/// Starts the Orleans side of a sweep: an in-process silo with localhost clustering (the default: no set-up), a
/// silo process that joins a cluster (<c>caravan silo</c>), or a client of a running cluster.
/// </summary>
public static class SweepCluster
{
    /// <summary>Starts a silo in this process on free local ports and answers an executor that calls its grains.</summary>
    public static async Task<ClusterConnection> StartInProcessAsync(int concurrency, CancellationToken cancellation = default)
    {
        var siloPort = FreePort();
        var gatewayPort = FreePort();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, null, ClusterAddress.ServiceId, ClusterAddress.ClusterId);
            silo.Services.AddSingleton<RunEvaluator>();
        });
        var host = builder.Build();
        await host.StartAsync(cancellation).ConfigureAwait(false);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        return new ClusterConnection(host, new OrleansRunExecutor(grains, concurrency), 1);
    }

    /// <summary>Runs a silo of <paramref name="cluster"/> on <paramref name="siloPort"/> until <paramref name="stop"/> fires.</summary>
    public static async Task RunSiloAsync(ClusterAddress cluster, int siloPort, Action<string> log, CancellationToken stop)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, siloPort + ClusterAddress.GatewayOffset, cluster.Primary, ClusterAddress.ServiceId, ClusterAddress.ClusterId);
            silo.Configure<ClusterMembershipOptions>(FastFailureDetection);
            silo.Services.AddSingleton<RunEvaluator>();
        });
        using var host = builder.Build();
        await host.StartAsync(stop).ConfigureAwait(false);
        log($"silo on 127.0.0.1:{siloPort} (gateway {siloPort + ClusterAddress.GatewayOffset}) joined cluster {ClusterAddress.ClusterId}; primary 127.0.0.1:{cluster.SiloPorts[0]}");
        try
        {
            await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is the normal end of a silo.
        }
        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Connects a client to a running cluster through the silos' gateways.</summary>
    public static async Task<ClusterConnection> ConnectAsync(ClusterAddress cluster, int concurrency, CancellationToken cancellation = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.UseLocalhostClustering([.. cluster.GatewayPorts], ClusterAddress.ServiceId, ClusterAddress.ClusterId);
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(60));
        });
        var host = builder.Build();
        await host.StartAsync(cancellation).ConfigureAwait(false);
        var grains = host.Services.GetRequiredService<IClusterClient>();
        return new ClusterConnection(host, new OrleansRunExecutor(grains, concurrency), cluster.SiloPorts.Count);
    }

    // A killed silo is declared dead within a few seconds, so its runs move to the others soon.
    private static void FastFailureDetection(ClusterMembershipOptions o)
    {
        o.ProbeTimeout = TimeSpan.FromSeconds(1);
        o.NumMissedProbesLimit = 2;
        o.NumVotesForDeathDeclaration = 1;
        o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A started silo or client and the executor that runs sweep runs on it; dispose to stop.</summary>
/// <param name="host">The Orleans host.</param>
/// <param name="executor">Runs through grain calls.</param>
/// <param name="silos">Silos known at start.</param>
public sealed class ClusterConnection(IHost host, IRunExecutor executor, int silos) : IAsyncDisposable
{
    /// <summary>The executor.</summary>
    public IRunExecutor Executor { get; } = executor;

    /// <summary>Silos known at start.</summary>
    public int Silos { get; } = silos;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        host.Dispose();
    }
}
