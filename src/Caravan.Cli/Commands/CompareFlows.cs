using Caravan.Data;
using Caravan.Freight;
using Caravan.Model;

namespace Caravan.Cli.Commands;

/// <summary>Runs the freight assignment of a demand file on one scenario's network, for <c>compare --demand</c>.</summary>
internal static class CompareFlows
{
    /// <summary>Assigns the rows the scenario can route; the others come back as unserved, for the comparison to report.</summary>
    public static (FreightAssignmentReport Report, FreightModel Model, IReadOnlyList<UnservedDemand> Unserved) Assign(Network network, string demandPath, int year)
    {
        try
        {
            var (served, unserved) = DemandReach.Split(network, DemandReader.Read(demandPath, network), year);
            if (served.Count == 0)
            {
                throw new CliInputException($"{demandPath}: no demand row has a route on this scenario's network");
            }
            var options = Caravan.Services.EngineOptions.Default.FreightAssignment(year);
            var model = FreightAssignment.Build(network, served, options, Path.GetFileName(demandPath));
            return (FreightAssignment.Solve(model, options), model, unserved);
        }
        catch (CaravanDataException e)
        {
            throw new CliInputException(NetworkLoader.DiagnosticText(demandPath, e.Diagnostics));
        }
    }
}
