using System.Globalization;
using Npgsql;

namespace Caravan.Store;

/// <summary>
/// A PostgreSQL run store named by a URL, <c>postgres://user[:password]@host[:port]/database[?sslmode=…]</c>
/// (<c>postgresql://</c> too). The password comes from the URL when it has one, else from the <c>PGPASSWORD</c>
/// environment variable; the port defaults to 5432. Anything else in the URL is an error, never ignored.
/// </summary>
public sealed class PostgresLocation
{
    private static readonly string[] SslModes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"];

    private PostgresLocation(string display, string connectionString)
    {
        Display = display;
        ConnectionString = connectionString;
    }

    /// <summary>The URL without its password, for messages.</summary>
    public string Display { get; }

    /// <summary>The Npgsql connection string (with the password).</summary>
    internal string ConnectionString { get; }

    /// <summary>True when <paramref name="location"/> names a PostgreSQL store (a <c>postgres://</c> or <c>postgresql://</c> URL) rather than a SQLite file.</summary>
    public static bool IsUrl(string location) =>
        location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses a store URL.</summary>
    /// <exception cref="RunStoreException">The URL is malformed or has a part Caravan does not take.</exception>
    public static PostgresLocation Parse(string url)
    {
        var scheme = url[..url.IndexOf("://", StringComparison.Ordinal)];
        var rest = url[(scheme.Length + 3)..];
        string Bad(string why) => throw new RunStoreException($"{Redact(url)}: not a PostgreSQL URL ({why}); expected postgres://user@host:port/database");
        if (rest.Contains('#', StringComparison.Ordinal))
        {
            Bad("a '#' fragment is not taken");
        }
        var at = rest.LastIndexOf('@');
        var userInfo = at < 0 ? "" : rest[..at];
        rest = rest[(at + 1)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            Bad("no /database");
        }
        var hostPort = rest[..slash];
        var pathQuery = rest[(slash + 1)..];
        var q = pathQuery.IndexOf('?', StringComparison.Ordinal);
        var database = Decode(q < 0 ? pathQuery : pathQuery[..q], "database", url);
        var query = q < 0 ? "" : pathQuery[(q + 1)..];
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal))
        {
            Bad("the path must be one database name");
        }
        string host;
        var port = 5432;
        var portText = "";
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                Bad("unclosed [ in the host");
            }
            host = hostPort[1..close];
            var after = hostPort[(close + 1)..];
            if (after.Length > 0)
            {
                if (after[0] != ':')
                {
                    Bad("text after the host");
                }
                portText = after[1..];
            }
        }
        else
        {
            var colon = hostPort.LastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort[..colon];
            portText = colon < 0 ? "" : hostPort[(colon + 1)..];
        }
        if (host.Length == 0)
        {
            Bad("no host");
        }
        if (portText.Length > 0 && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port < 1 || port > 65535))
        {
            Bad($"port '{portText}' is not a number from 1 to 65535");
        }
        var b = new NpgsqlConnectionStringBuilder
        {
            Host = host,
            Port = port,
            Database = database,
            // A store that does not answer is an error after seconds, not a hang.
            Timeout = 10,
            CommandTimeout = 60,
            ApplicationName = "caravan",
        };
        string? user = null;
        if (userInfo.Length > 0)
        {
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            user = Decode(colon < 0 ? userInfo : userInfo[..colon], "user", url);
            b.Username = user;
            if (colon >= 0)
            {
                b.Password = Decode(userInfo[(colon + 1)..], "password", url);
            }
        }
        if (b.Password is null && Environment.GetEnvironmentVariable("PGPASSWORD") is { Length: > 0 } password)
        {
            b.Password = password;
        }
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? "" : Decode(pair[(eq + 1)..], name, url);
            if (name != "sslmode")
            {
                Bad($"unknown parameter '{name}'; the only one taken is sslmode");
            }
            if (!SslModes.Contains(value, StringComparer.Ordinal))
            {
                Bad($"sslmode must be one of {string.Join(", ", SslModes)}");
            }
            b.SslMode = Enum.Parse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
        }
        var display = $"{scheme}://{(user is null ? "" : Uri.EscapeDataString(user) + "@")}{hostPort}/{pathQuery}";
        return new PostgresLocation(display, b.ConnectionString);
    }

    private static string Decode(string text, string part, string url)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            throw new RunStoreException($"{Redact(url)}: not a PostgreSQL URL (bad %-escape in the {part})");
        }
    }

    /// <summary>The URL with any password replaced by <c>***</c>.</summary>
    public static string Redact(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        var at = url.LastIndexOf('@');
        if (start < 0 || at < start)
        {
            return url;
        }
        var colon = url.IndexOf(':', start + 3);
        return colon > 0 && colon < at ? url[..(colon + 1)] + "***" + url[at..] : url;
    }
}
