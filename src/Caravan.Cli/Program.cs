using System.CommandLine;
using Caravan.Cli;
using Caravan.Cli.Commands;

var root = new RootCommand("Caravan: plan freight across the China – Central Asia – Caspian – Europe network, and assign flows to it.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}
return CliRunner.Run(root, args);
