using System.Net;
using System.Net.NetworkInformation;

namespace Caravan.Web.Protection;

/// <summary>
/// What the bind addresses expose, and the Host names a request may carry. A server bound to loopback answers only
/// requests addressed to a loopback name, so a page on another site that rebinds its DNS name to 127.0.0.1 gets
/// 400 instead of the API; a server bound to a named host or address answers that name; a wildcard bind answers
/// the machine's names and addresses. Binding beyond loopback requires an API key.
/// </summary>
public static class Exposure
{
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>The listen URLs of a <c>--urls</c> value (separated by <c>;</c>).</summary>
    public static IReadOnlyList<string> SplitUrls(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True when every URL binds to a loopback address or <c>localhost</c>.</summary>
    public static bool IsLoopbackOnly(IEnumerable<string> urls) => urls.All(u => IsLoopbackHost(HostOf(u)));

    /// <summary>Host names (without port) that requests to a server bound to <paramref name="urls"/> may carry.</summary>
    public static IReadOnlyList<string> AllowedHosts(IEnumerable<string> urls, IEnumerable<string> extra)
    {
        var hosts = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var url in urls)
        {
            var host = HostOf(url);
            if (IsLoopbackHost(host))
            {
                hosts.UnionWith(LoopbackNames);
            }
            else if (IsWildcard(host))
            {
                hosts.UnionWith(LoopbackNames);
                hosts.UnionWith(MachineNames());
            }
            else
            {
                hosts.Add(host);
            }
        }
        foreach (var e in extra)
        {
            hosts.Add(e.Trim());
        }
        return [.. hosts];
    }

    /// <summary>Null when the options may be served as they are; else why not (binding beyond loopback without an API key).</summary>
    public static string? Check(CaravanWebOptions options)
    {
        var urls = SplitUrls(options.Urls);
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out _))
            {
                return $"'{url}' is not a URL such as http://127.0.0.1:5080";
            }
        }
        if (!IsLoopbackOnly(urls) && string.IsNullOrEmpty(options.ApiKey))
        {
            return $"{options.Urls} listens beyond loopback: give an API key (CARAVAN_API_KEY or --api-key-file) so that only its holders can start work";
        }
        return null;
    }

    private static string HostOf(string url)
    {
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        var slash = rest.IndexOf('/');
        if (slash >= 0)
        {
            rest = rest[..slash];
        }
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']');
            return close > 0 ? rest[..(close + 1)] : rest;
        }
        var colon = rest.LastIndexOf(':');
        return colon >= 0 ? rest[..colon] : rest;
    }

    private static bool IsWildcard(string host) => host is "*" or "+" or "0.0.0.0" or "[::]" or "";

    private static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static IEnumerable<string> MachineNames()
    {
        yield return Dns.GetHostName();
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            foreach (var a in nic.GetIPProperties().UnicastAddresses)
            {
                yield return a.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{a.Address}]" : a.Address.ToString();
            }
        }
    }
}
