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
    /// <summary>
    /// Starts a silo in this process on free local ports and answers an executor that calls its grains;
    /// <paramref name="concurrency"/> ≤ 0 keeps two runs in flight per core.
    /// </summary>
    public static async Task<ClusterConnection> StartInProcessAsync(int concurrency, CancellationToken cancellation = default)
    {
        concurrency = concurrency > 0 ? concurrency : 2 * Environment.ProcessorCount;
        var siloPort = FreePort();
        var gatewayPort = FreePort();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, null, ClusterAddress.ServiceId, ClusterAddress.ClusterId);
            silo.Services.AddSingleton<RunEvaluator>();
            OrleansNativeAot.AddTo(silo.Services);
        });
        var host = builder.Build();
        await host.StartAsync(cancellation).ConfigureAwait(false);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        return new ClusterConnection(host, new OrleansRunExecutor(grains, concurrency), 1);
    }

    /// <summary>Runs a silo of <paramref name="cluster"/> on <paramref name="siloPort"/> until <paramref name="stop"/> fires.</summary>
    /// <param name="cluster">The cluster.</param>
    /// <param name="siloPort">This silo's port (its gateway: + <see cref="ClusterAddress.GatewayOffset"/>).</param>
    /// <param name="advertised">The address other silos and clients reach this one at (PostgreSQL clusters; loopback for one machine).</param>
    /// <param name="log">Where to say that the silo is up.</param>
    /// <param name="stop">Stops the silo.</param>
    public static async Task RunSiloAsync(ClusterAddress cluster, int siloPort, IPAddress advertised, Action<string> log, CancellationToken stop)
    {
        if (cluster.ConnectionString is { } cs)
        {
            await UsingDatabase(cluster, PostgresMembership.EnsureAsync(cs, stop)).ConfigureAwait(false);
        }
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            if (cluster.ConnectionString is { } connection)
            {
                silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (NpgsqlInvariant, connection));
                silo.Configure<ClusterOptions>(Ids);
                silo.ConfigureEndpoints(advertised, siloPort, siloPort + ClusterAddress.GatewayOffset, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertised));
            }
            else
            {
                silo.UseLocalhostClustering(siloPort, siloPort + ClusterAddress.GatewayOffset, cluster.Primary, ClusterAddress.ServiceId, ClusterAddress.ClusterId);
            }
            silo.Configure<ClusterMembershipOptions>(FastFailureDetection);
            silo.Services.AddSingleton<RunEvaluator>();
            OrleansNativeAot.AddTo(silo.Services);
        });
        using var host = builder.Build();
        await host.StartAsync(stop).ConfigureAwait(false);
        log($"silo on {advertised}:{siloPort} (gateway {siloPort + ClusterAddress.GatewayOffset}) joined cluster {ClusterAddress.ClusterId} at {cluster.Display}");
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

    /// <summary>
    /// Connects a client to a running cluster through the silos' gateways; <paramref name="concurrency"/> ≤ 0 keeps
    /// two runs in flight per core of this machine per active silo.
    /// </summary>
    public static async Task<ClusterConnection> ConnectAsync(ClusterAddress cluster, int concurrency, CancellationToken cancellation = default)
    {
        if (cluster.ConnectionString is { } database)
        {
            await UsingDatabase(cluster, PostgresMembership.CheckAsync(database, cancellation)).ConfigureAwait(false);
        }
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            if (cluster.ConnectionString is { } connection)
            {
                client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (NpgsqlInvariant, connection));
                client.Configure<ClusterOptions>(Ids);
            }
            else
            {
                client.UseLocalhostClustering([.. cluster.GatewayPorts], ClusterAddress.ServiceId, ClusterAddress.ClusterId);
            }
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(60));
            OrleansNativeAot.AddTo(client.Services);
        });
        var host = builder.Build();
        int silos;
        IClusterClient grains;
        using var connectWithin = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        connectWithin.CancelAfter(ConnectTimeout);
        try
        {
            await host.StartAsync(connectWithin.Token).ConfigureAwait(false);
            grains = host.Services.GetRequiredService<IClusterClient>();
            silos = (await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).ConfigureAwait(false)).Count;
        }
        catch (Exception e) when (e is Orleans.Runtime.Messaging.ConnectionFailedException or SiloUnavailableException
            || (e is OperationCanceledException && !cancellation.IsCancellationRequested))
        {
            // No silo answering is a wrong address or a cluster that is not up: the user's to fix, not a fault.
            host.Dispose();
            throw new ClusterUnreachableException($"--cluster {cluster.Display}: no silo of the cluster answered within {ConnectTimeout.TotalSeconds:0} s ({e.Message}); start its silos with caravan silo --cluster {cluster.Display} --port PORT, or check the address", e);
        }
        var inFlight = concurrency > 0 ? concurrency : 2 * Environment.ProcessorCount * Math.Max(1, silos);
        return new ClusterConnection(host, new OrleansRunExecutor(grains, inFlight), silos);
    }

    // A database that is missing, refuses the password or does not answer is the user's to fix, not a fault.
    private static async Task UsingDatabase(ClusterAddress cluster, Task work)
    {
        try
        {
            await work.ConfigureAwait(false);
        }
        catch (Npgsql.NpgsqlException e)
        {
            throw new ClusterUnreachableException($"--cluster {cluster.Display}: the cluster's PostgreSQL database cannot be used ({e.Message}); create it, or check the address, user and password", e);
        }
    }

    /// <summary>How long a client waits for a gateway of the cluster before giving up (Orleans alone retries for minutes).</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The ADO.NET invariant of Npgsql, as Orleans' ADO.NET providers name it.</summary>
    private const string NpgsqlInvariant = "Npgsql";

    private static void Ids(ClusterOptions o) => (o.ClusterId, o.ServiceId) = (ClusterAddress.ClusterId, ClusterAddress.ServiceId);

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

/// <summary>No silo of a <c>--cluster</c> answered: a wrong address or a cluster that is not running.</summary>
/// <param name="message">Names the cluster and what to do.</param>
/// <param name="inner">Orleans' failure.</param>
public sealed class ClusterUnreachableException(string message, Exception inner) : Exception(message, inner);

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

    /// <summary>The host's services (tests look at how Orleans was set up).</summary>
    internal IServiceProvider Services => host.Services;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        host.Dispose();
    }
}
