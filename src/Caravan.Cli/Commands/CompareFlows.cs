using Caravan.Data;
using Caravan.Freight;
using Caravan.Model;
using Caravan.Services;

namespace Caravan.Cli.Commands;

/// <summary>Runs the freight model on one network for <c>assign --demand</c> and <c>compare --demand</c>: the engine's one entry, with the CLI's reading of bad input (file, line, field).</summary>
internal static class CompareFlows
{
    /// <summary>Assigns the rows the scenario can route; the others come back as unserved, for the comparison to report.</summary>
    public static FreightRun Assign(Network network, string dataFolder, string demandPath, int year) =>
        Assign(network, dataFolder, demandPath, AssignmentService.ChoiceOptions(EngineOptions.Default, year), reportUnserved: true);

    /// <summary>
    /// Reads the data folder's choice parameters and the demand, and runs the engine's freight model
    /// (<see cref="AssignmentService.Run(Network, IReadOnlyList{DemandRow}, FreightRunOptions, CancellationToken, Action{Assignment.IterationReport}?)"/>);
    /// bad input is a <see cref="CliInputException"/> naming the file.
    /// </summary>
    public static FreightRun Assign(Network network, string dataFolder, string demandPath, Caravan.Freight.Choice.ChoiceOptions choice, bool reportUnserved)
    {
        var current = AssignmentService.ParametersPath(dataFolder);
        try
        {
            var parameters = Caravan.Freight.Choice.ChoiceParameters.Read(current);
            current = demandPath;
            var demand = DemandReader.Read(demandPath, network);
            return AssignmentService.Run(network, demand, new FreightRunOptions { Parameters = parameters, Choice = choice, ReportUnserved = reportUnserved, DemandFile = Path.GetFileName(demandPath) });
        }
        catch (CaravanDataException e)
        {
            throw new CliInputException(NetworkLoader.DiagnosticText(current, e.Diagnostics));
        }
    }
}
