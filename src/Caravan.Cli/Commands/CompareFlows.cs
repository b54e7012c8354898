using Caravan.Data;
using Caravan.Freight;
using Caravan.Model;
using Caravan.Services;

namespace Caravan.Cli.Commands;

/// <summary>Runs the freight model on one scenario's network, for <c>compare --demand</c>.</summary>
internal static class CompareFlows
{
    /// <summary>Assigns the rows the scenario can route; the others come back as unserved, for the comparison to report.</summary>
    public static FreightRun Assign(Network network, string dataFolder, string demandPath, int year)
    {
        var current = AssignmentService.ParametersPath(dataFolder);
        try
        {
            var parameters = Caravan.Freight.Choice.ChoiceParameters.Read(current);
            current = demandPath;
            var demand = DemandReader.Read(demandPath, network);
            return AssignmentService.Run(network, demand, new FreightRunOptions { Parameters = parameters, Choice = AssignmentService.ChoiceOptions(EngineOptions.Default, year), ReportUnserved = true, DemandFile = Path.GetFileName(demandPath) });
        }
        catch (CaravanDataException e)
        {
            throw new CliInputException(NetworkLoader.DiagnosticText(current, e.Diagnostics));
        }
    }
}
