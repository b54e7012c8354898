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
        CheckFixedCosts(network, weights.Distance, weights.Toll, netPath);
        var problem = ToProblem(network, trips, weights.Distance, weights.Toll);
        CheckFiniteCosts(problem, network, netPath, tripsPath);
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
            Problem = problem,
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

    /// <summary>
    /// Distance factor × length + toll factor × toll must be a finite number ≥ 0 for every link: a negative weight
    /// (from the options, the net header or the README) would reward distance, which no volume-delay function allows.
    /// </summary>
    private static void CheckFixedCosts(TntpNetwork network, double distanceFactor, double tollFactor, string netPath)
    {
        var problems = new List<Diagnostic>();
        for (var a = 0; a < network.LinkCount && problems.Count < 20; a++)
        {
            var fixedCost = (distanceFactor * network.Length[a]) + (tollFactor * network.Toll[a]);
            if (!double.IsFinite(fixedCost) || fixedCost < 0)
            {
                problems.Add(new Diagnostic(netPath, network.LineNumber?[a] ?? 0, "length",
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"distance factor {distanceFactor:G6} × length {network.Length[a]:G6} + toll factor {tollFactor:G6} × toll {network.Toll[a]:G6} is {(fixedCost < 0 ? "negative" : "not a finite number")}")));
            }
        }
        if (problems.Count > 0)
        {
            throw new CaravanDataException(problems);
        }
    }

    /// <summary>
    /// Every value passed its own range, but together they may still overflow (capacity 1e-100 with power 4, or a
    /// demand far beyond the capacities): each link whose cost is not finite at the total demand is named by its line.
    /// </summary>
    private static void CheckFiniteCosts(AssignmentProblem problem, TntpNetwork network, string netPath, string tripsPath)
    {
        var overflowing = problem.LinksWithoutFiniteCost();
        if (overflowing.Count == 0)
        {
            return;
        }
        var demand = problem.TotalDemand;
        var problems = new List<Diagnostic>();
        if (!double.IsFinite(demand))
        {
            problems.Add(new Diagnostic(tripsPath, 0, "demand", "the total demand is not a finite number"));
        }
        foreach (var a in overflowing.Take(20))
        {
            var cost = problem.Network.Costs.Cost(a, demand);
            problems.Add(new Diagnostic(netPath, network.LineNumber?[a] ?? 0, "link",
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"capacity {network.Capacity[a]:G6}, free-flow time {network.FreeFlowTime[a]:G6}, b {network.B[a]:G6}, power {network.Power[a]:G6}: at the total demand of {demand:G6} the link's time would be {cost:G4}, beyond what the solvers can sum ({AssignmentProblem.MaxTotalCost:G0})")));
        }
        if (overflowing.Count > 20)
        {
            problems.Add(new Diagnostic(netPath, 0, "link", $"{overflowing.Count - 20} more links like these"));
        }
        throw new CaravanDataException(problems);
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
