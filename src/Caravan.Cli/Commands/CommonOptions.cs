using System.CommandLine;

namespace Caravan.Cli.Commands;

/// <summary>Options shared by every command that reads the network.</summary>
internal static class CommonOptions
{
    public static Option<string?> Data() => new("--data") { Description = "Network folder (default: the embedded data/)" };
}
