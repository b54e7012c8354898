using Caravan.Assignment;

namespace Caravan.Data.Tntp;

/// <summary>A TNTP network folder read and turned into an assignment problem.</summary>
public sealed class TntpDataset
{
    /// <summary>Network name (the file stem before <c>_net</c>).</summary>
    public required string Name { get; init; }
    /// <summary>The <c>_net</c> file's content.</summary>
    public required TntpNetwork Network { get; init; }
    /// <summary>The <c>_trips</c> file's content.</summary>
    public required TntpTrips Trips { get; init; }
    /// <summary>The best-known solution from <c>_flow</c>, if the folder has one.</summary>
    public TntpFlows? BestKnown { get; init; }
    /// <summary>Distance factor used (time units per distance unit).</summary>
    public required double DistanceFactor { get; init; }
    /// <summary>Where the distance factor came from.</summary>
    public required TntpCostWeights.Source DistanceFactorSource { get; init; }
    /// <summary>Toll factor used (time units per money unit).</summary>
    public required double TollFactor { get; init; }
    /// <summary>Where the toll factor came from.</summary>
    public required TntpCostWeights.Source TollFactorSource { get; init; }
    /// <summary>The assignment problem: one class ("all"), zones = nodes 1..Z, zones below the first thru node block through traffic.</summary>
    public required AssignmentProblem Problem { get; init; }
}
