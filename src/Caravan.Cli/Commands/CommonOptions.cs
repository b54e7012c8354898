using System.CommandLine;

namespace Caravan.Cli.Commands;

/// <summary>Options shared by every command that reads the network or the run store.</summary>
internal static class CommonOptions
{
    public static Option<string?> Data() => new("--data") { Description = "Network folder (default: the embedded data/)" };

    /// <summary><c>--scenario</c>: a scenario name from data/scenarios/, a .json overlay file, or <c>base</c>.</summary>
    public static Option<string?> Scenario() => new("--scenario") { Description = "Scenario: a name from data/scenarios/ (cku-railway, northern-closed, ...), an overlay .json file, or base (default)" };

    /// <summary><c>--db</c>: the run store file.</summary>
    public static Option<string?> Db() => new("--db") { Description = "Run store: a SQLite file (default: ~/.caravan/caravan.db) or postgres://user@host:port/database (password from the URL or PGPASSWORD)" };
}
