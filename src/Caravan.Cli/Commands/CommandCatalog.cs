using System.CommandLine;

namespace Caravan.Cli.Commands;

/// <summary>Every sub-command of <c>caravan</c>; one file per command.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return RouteCommand.Create();
        yield return PlacesCommand.Create();
        yield return ValidateCommand.Create();
        yield return CalibrateCommand.Create();
        yield return ExportCommand.Create();
        yield return ConvertCommand.Create();
        yield return MatrixCommand.Create();
        yield return ReachCommand.Create();
        yield return AssignCommand.Create();
        yield return FlowsCommand.Create();
        yield return ScenariosCommand.Create();
        yield return CompareCommand.Create();
        yield return RunsCommand.Create();
        yield return SweepCommand.Create();
        yield return SiloCommand.Create();
        yield return ServeCommand.Create();
    }
}
