using Caravan.Assignment;

namespace Caravan.Data.Tntp;

/// <summary>Finds and reads the TNTP files of one network folder (<c>X_net.tntp</c>, <c>X_trips.tntp</c>, optional <c>X_flow.tntp</c>).</summary>
public static class TntpFolder
{
    /// <summary>Reads the folder; all problems of all files are reported together.</summary>
    /// <exception cref="CaravanDataException">Files are missing or malformed.</exception>
    public static TntpDataset Load(string folder, TntpOptions? options = null)
    {
        options ??= new TntpOptions();
        if (!Directory.Exists(folder))
        {
            throw new CaravanDataException(new Diagnostic(folder, 0, "folder", "no such folder"));
        }
        var netPath = FindOne(folder, "_net");
        var tripsPath = FindOne(folder, "_trips");
        var flowPath = FindOptional(folder, "_flow");
        var problems = new List<Diagnostic>();
        var network = Try(() => TntpNetReader.Read(netPath), problems);
        var trips = Try(() => TntpTripsReader.Read(tripsPath), problems);
        var flows = flowPath is null || network is null ? null : Try(() => TntpFlowReader.Read(flowPath, network.NodeCount), problems);
        if (network is not null && trips is not null && trips.ZoneCount != network.ZoneCount)
        {
            problems.Add(new Diagnostic(tripsPath, 0, "<NUMBER OF ZONES>", $"{trips.ZoneCount} zones, but the network has {network.ZoneCount}"));
        }
        if (problems.Count > 0 || network is null || trips is null)
        {
            throw new CaravanDataException(problems);
        }
        var weights = TntpCostWeights.Resolve(options, network, Path.Combine(folder, "README.md"));
        var name = Path.GetFileName(netPath)[..^"_net.tntp".Length];
        return new TntpDataset
        {
            Name = name,
            Network = network,
            Trips = trips,
            BestKnown = flows,
            DistanceFactor = weights.Distance,
            DistanceFactorSource = weights.DistanceSource,
            TollFactor = weights.Toll,
            TollFactorSource = weights.TollSource,
            Problem = ToProblem(network, trips, weights.Distance, weights.Toll),
        };
    }

    /// <summary>Turns TNTP content into an assignment problem with fixed cost = toll factor × toll + distance factor × length.</summary>
    public static AssignmentProblem ToProblem(TntpNetwork network, TntpTrips trips, double distanceFactor, double tollFactor)
    {
        var links = network.LinkCount;
        var fixedCost = new double[links];
        var tail = new int[links];
        var head = new int[links];
        for (var a = 0; a < links; a++)
        {
            fixedCost[a] = (distanceFactor * network.Length[a]) + (tollFactor * network.Toll[a]);
            tail[a] = network.Tail[a] - 1;
            head[a] = network.Head[a] - 1;
        }
        var costs = new LinkCostModel(network.FreeFlowTime, network.Capacity, network.B, network.Power, fixedCost, new VolumeDelayKind[links]);
        var zoneNode = new int[network.ZoneCount];
        var blocks = new bool[network.NodeCount];
        for (var z = 0; z < zoneNode.Length; z++)
        {
            zoneNode[z] = z;
            blocks[z] = z + 1 < network.FirstThruNode;
        }
        var assignmentNetwork = new AssignmentNetwork(network.NodeCount, tail, head, costs, zoneNode, blocks);
        var entries = new List<(int, int, double)>(trips.Demand.Length);
        for (var o = 1; o <= trips.ZoneCount; o++)
        {
            for (var k = trips.OriginStart[o - 1]; k < trips.OriginStart[o]; k++)
            {
                entries.Add((o - 1, trips.Destination[k] - 1, trips.Demand[k]));
            }
        }
        var demand = new OdMatrix(network.ZoneCount, entries);
        return new AssignmentProblem(assignmentNetwork, [new DemandClass("all", 0, demand)]);
    }

    private static T? Try<T>(Func<T> read, List<Diagnostic> problems) where T : class
    {
        try
        {
            return read();
        }
        catch (CaravanDataException e)
        {
            problems.AddRange(e.Diagnostics);
            return null;
        }
    }

    private static string FindOne(string folder, string suffix)
        => FindOptional(folder, suffix) ?? throw new CaravanDataException(new Diagnostic(folder, 0, $"*{suffix}.tntp", "file not found in the folder"));

    private static string? FindOptional(string folder, string suffix)
    {
        var matches = Directory.GetFiles(folder, $"*{suffix}.tntp");
        if (matches.Length > 1)
        {
            throw new CaravanDataException(new Diagnostic(folder, 0, $"*{suffix}.tntp", $"{matches.Length} candidate files; keep one network per folder"));
        }
        return matches.Length == 1 ? matches[0] : null;
    }
}
