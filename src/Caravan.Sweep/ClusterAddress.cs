using System.Globalization;
using System.Net;
using Caravan.Store;

namespace Caravan.Sweep;

/// <summary>
/// Where a sweep cluster is. <c>postgres://user@host:port/database</c>: membership kept in PostgreSQL (Orleans'
/// ADO.NET clustering), silos on any machine that reaches the database. <c>localhost:PORT[,PORT…]</c>: a cluster on
/// this machine with no database, whose first silo port is the primary silo that keeps membership (Orleans'
/// development clustering; that silo must stay up). Each silo's gateway is its port + <see cref="GatewayOffset"/>.
/// </summary>
public sealed record ClusterAddress
{
    /// <summary>Gateway port = silo port + this.</summary>
    public const int GatewayOffset = 10000;

    /// <summary>Cluster id every Caravan sweep silo uses.</summary>
    public const string ClusterId = "caravan-sweep";

    /// <summary>Service id every Caravan sweep silo uses.</summary>
    public const string ServiceId = "caravan";

    private ClusterAddress(IReadOnlyList<int> siloPorts, string? connectionString, string display)
    {
        SiloPorts = siloPorts;
        ConnectionString = connectionString;
        Display = display;
    }

    /// <summary>For <c>localhost:</c>: the silo ports, primary first; empty for PostgreSQL.</summary>
    public IReadOnlyList<int> SiloPorts { get; }

    /// <summary>For <c>postgres://</c>: the Npgsql connection string; null for localhost.</summary>
    public string? ConnectionString { get; }

    /// <summary>The address as given, without a password.</summary>
    public string Display { get; }

    /// <summary>True when membership is kept in PostgreSQL.</summary>
    public bool IsPostgres => ConnectionString is not null;

    /// <summary>The primary silo's endpoint (localhost clusters).</summary>
    public IPEndPoint Primary => new(IPAddress.Loopback, SiloPorts[0]);

    /// <summary>The gateway ports of the silos (localhost clusters).</summary>
    public IReadOnlyList<int> GatewayPorts => [.. SiloPorts.Select(p => p + GatewayOffset)];

    /// <summary>A localhost cluster on these silo ports.</summary>
    public static ClusterAddress Localhost(IReadOnlyList<int> ports) => new(ports, null, "localhost:" + string.Join(',', ports));

    /// <summary>Parses <c>--cluster</c>; null with a message for anything else.</summary>
    public static ClusterAddress? TryParse(string text, out string error)
    {
        error = "";
        if (PostgresLocation.IsUrl(text))
        {
            try
            {
                var location = PostgresLocation.Parse(text);
                return new ClusterAddress([], location.ConnectionString, location.Display);
            }
            catch (RunStoreException e)
            {
                error = "--cluster: " + e.Message;
                return null;
            }
        }
        const string prefix = "localhost:";
        if (!text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            error = $"--cluster: '{text}' is neither postgres://user@host:port/database (membership in PostgreSQL) nor localhost:PORT[,PORT…] (silo ports on this machine, primary first)";
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
        return Localhost(ports);
    }
}
