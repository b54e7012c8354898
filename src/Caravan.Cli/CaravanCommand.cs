using System.CommandLine;
using System.CommandLine.Help;
using Caravan.Cli.Commands;

namespace Caravan.Cli;

/// <summary>The <c>caravan</c> root command: named as the tool is installed, whatever the binary's file name.</summary>
internal static class CaravanCommand
{
    public const string Description = "Caravan: plan freight across the China – Central Asia – Caspian – Europe network, and assign flows to it.";

    public static Command Create()
    {
        var root = new Command("caravan", Description) { new HelpOption(), new VersionOption() };
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }
        return root;
    }
}
