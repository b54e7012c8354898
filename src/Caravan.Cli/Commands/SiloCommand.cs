using System.CommandLine;
using Caravan.Sweep;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan silo --cluster localhost:P1,P2,… --port P</c>: one sweep silo process, until stopped (Ctrl+C, SIGTERM).</summary>
internal static class SiloCommand
{
    public static Command Create()
    {
        var cluster = new Option<string>("--cluster") { Description = "The cluster: localhost:PORT[,PORT…], the silo ports, primary first", Required = true };
        var port = new Option<int>("--port") { Description = "This silo's port (one of the cluster's; its gateway is port + 10000)", Required = true };
        var command = new Command("silo", "Run a sweep silo that joins a cluster; caravan sweep --cluster sends it runs") { cluster, port };
        command.SetAction(parse =>
        {
            if (ClusterAddress.TryParse(parse.GetValue(cluster)!, out var error) is not { } address)
            {
                throw new CliInputException(error);
            }
            var siloPort = parse.GetValue(port);
            if (!address.SiloPorts.Contains(siloPort))
            {
                throw new CliInputException($"--port {siloPort} is not one of the cluster's silo ports ({string.Join(", ", address.SiloPorts)})");
            }
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
            {
                c.Cancel = true;
                stop.Cancel();
            });
            SweepCluster.RunSiloAsync(address, siloPort, m => Console.Error.WriteLine(m), stop.Token).GetAwaiter().GetResult();
            return ExitCodes.Ok;
        });
        return command;
    }
}
