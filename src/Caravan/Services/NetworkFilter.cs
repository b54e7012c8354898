using Caravan.Model;

namespace Caravan.Services;

/// <summary>
/// Which links a drawing of the network shows (<c>GET /api/network?mode=&amp;status=</c>): modes and statuses, read
/// once here. <see cref="Key"/> names the selection (the same for every spelling of it), for a cache of documents.
/// </summary>
public sealed class NetworkFilter
{
    private readonly bool[] _modes;
    private readonly bool[] _statuses;

    private NetworkFilter(bool[] modes, bool[] statuses)
    {
        _modes = modes;
        _statuses = statuses;
        Key = string.Concat(modes.Select(b => b ? '1' : '0')) + "/" + string.Concat(statuses.Select(b => b ? '1' : '0'));
    }

    /// <summary>One character per mode and status, 1 where shown.</summary>
    public string Key { get; }

    /// <summary>True when the link is shown.</summary>
    public bool Includes(Link link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return _modes[(int)link.Mode] && _statuses[(int)link.Status];
    }

    /// <summary>
    /// Reads the filter: modes separated by commas, semicolons or spaces (default all; <c>Rail</c> for both gauges),
    /// statuses operating, construction, planned (default all). An unknown name is an error for its field.
    /// </summary>
    public static ServiceResult<NetworkFilter> Parse(string? mode, string? status)
    {
        var errors = new List<EngineError>();
        var modes = new bool[Modes.Count];
        var statuses = new bool[Enum.GetValues<LinkStatus>().Length];
        if (string.IsNullOrWhiteSpace(mode))
        {
            Array.Fill(modes, true);
        }
        else
        {
            foreach (var part in Split(mode))
            {
                if (!Modes.TryParseGroup(part, out var group))
                {
                    errors.Add(EngineError.Invalid("mode", $"unknown mode '{Diagnostic.Cut(part, 41)}'; expected {string.Join(", ", Modes.All)} or Rail"));
                    continue;
                }
                foreach (var m in group)
                {
                    modes[(int)m] = true;
                }
            }
        }
        if (string.IsNullOrWhiteSpace(status))
        {
            Array.Fill(statuses, true);
        }
        else
        {
            foreach (var part in Split(status))
            {
                // Names only: Enum.TryParse would also take "1".
                if (int.TryParse(part, out _) || !Enum.TryParse<LinkStatus>(part, ignoreCase: true, out var s) || !Enum.IsDefined(s))
                {
                    errors.Add(EngineError.Invalid("status", $"unknown status '{Diagnostic.Cut(part, 41)}'; expected operating, construction or planned"));
                    continue;
                }
                statuses[(int)s] = true;
            }
        }
        return errors.Count > 0 ? ServiceResult<NetworkFilter>.Fail(errors) : ServiceResult<NetworkFilter>.Ok(new NetworkFilter(modes, statuses));
    }

    private static string[] Split(string text) =>
        text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
