using System.CommandLine;
using Caravan.Sweep;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan silo --cluster localhost:P1,P2,… --port P</c>: one sweep silo process, until stopped (Ctrl+C, SIGTERM).</summary>
internal static class SiloCommand
{
    public static Command Create()
    {
        var cluster = new Option<string>("--cluster") { Description = "The cluster: postgres://user@host:port/database (membership in PostgreSQL) or localhost:PORT[,PORT…] (silo ports on this machine, primary first)", Required = true };
        var port = new Option<int>("--port") { Description = "This silo's port (for localhost: one of the cluster's); its gateway is port + 10000", Required = true };
        var address = new Option<string>("--address") { Description = "The IP address other silos and clients reach this silo at (PostgreSQL clusters)", DefaultValueFactory = _ => "127.0.0.1" };
        var command = new Command("silo", "Run a sweep silo that joins a cluster; caravan sweep --cluster sends it runs") { cluster, port, address };
        command.SetAction(parse =>
        {
            if (ClusterAddress.TryParse(parse.GetValue(cluster)!, out var error) is not { } target)
            {
                throw new CliInputException(error);
            }
            var siloPort = parse.GetValue(port);
            if (siloPort < 1024 || siloPort > 65535 - ClusterAddress.GatewayOffset)
            {
                throw new CliInputException($"--port {siloPort} is not in [1024, {65535 - ClusterAddress.GatewayOffset}]");
            }
            if (!System.Net.IPAddress.TryParse(parse.GetValue(address), out var advertised))
            {
                throw new CliInputException($"--address '{parse.GetValue(address)}' is not an IP address");
            }
            if (!target.IsPostgres && !target.SiloPorts.Contains(siloPort))
            {
                throw new CliInputException($"--port {siloPort} is not one of the cluster's silo ports ({string.Join(", ", target.SiloPorts)})");
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
            SweepCluster.RunSiloAsync(target, siloPort, advertised, m => Console.Error.WriteLine(m), stop.Token).GetAwaiter().GetResult();
            return ExitCodes.Ok;
        });
        return command;
    }
}
