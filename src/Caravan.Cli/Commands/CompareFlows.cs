using Caravan.Data;
using Caravan.Freight;
using Caravan.Model;

namespace Caravan.Cli.Commands;

/// <summary>Runs the freight assignment of a demand file on one scenario's network, for <c>compare --demand</c>.</summary>
internal static class CompareFlows
{
    public static (FreightAssignmentReport Report, FreightModel Model) Assign(Network network, string demandPath, int year)
    {
        try
        {
            var demand = DemandReader.Read(demandPath, network);
            var options = Caravan.Services.EngineOptions.Default.FreightAssignment(year);
            var model = FreightAssignment.Build(network, demand, options, Path.GetFileName(demandPath));
            return (FreightAssignment.Solve(model, options), model);
        }
        catch (CaravanDataException e)
        {
            throw new CliInputException(NetworkLoader.DiagnosticText(demandPath, e.Diagnostics));
        }
    }
}
