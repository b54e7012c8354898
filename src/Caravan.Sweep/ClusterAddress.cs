using System.Globalization;
using System.Net;

namespace Caravan.Sweep;

/// <summary>
/// Where a sweep cluster is: <c>localhost:PORT[,PORT…]</c> names the silo ports of a cluster on this machine (the
/// first is the primary silo that keeps membership; each silo's gateway is its port + <see cref="GatewayOffset"/>).
/// </summary>
/// <param name="SiloPorts">The silo ports, primary first.</param>
public sealed record ClusterAddress(IReadOnlyList<int> SiloPorts)
{
    /// <summary>Gateway port = silo port + this.</summary>
    public const int GatewayOffset = 10000;

    /// <summary>Cluster id every Caravan sweep silo uses.</summary>
    public const string ClusterId = "caravan-sweep";

    /// <summary>Service id every Caravan sweep silo uses.</summary>
    public const string ServiceId = "caravan";

    /// <summary>The primary silo's endpoint.</summary>
    public IPEndPoint Primary => new(IPAddress.Loopback, SiloPorts[0]);

    /// <summary>The gateway ports of the silos.</summary>
    public IReadOnlyList<int> GatewayPorts => [.. SiloPorts.Select(p => p + GatewayOffset)];

    /// <summary>Parses <c>--cluster</c>; null with a message for anything else.</summary>
    public static ClusterAddress? TryParse(string text, out string error)
    {
        error = "";
        const string prefix = "localhost:";
        if (!text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            error = $"--cluster: '{text}' is not localhost:PORT[,PORT…] (the silo ports of a cluster on this machine, primary first)";
            return null;
        }
        var ports = new List<int>();
        foreach (var part in text[prefix.Length..].Split(','))
        {
            if (!int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port < 1024 || port > 65535 - GatewayOffset)
            {
                error = $"--cluster: '{part}' is not a silo port in [1024, {65535 - GatewayOffset}]";
                return null;
            }
            if (ports.Contains(port))
            {
                error = $"--cluster: port {port} is named twice";
                return null;
            }
            ports.Add(port);
        }
        return new ClusterAddress(ports);
    }
}
