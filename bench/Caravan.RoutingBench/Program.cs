using System.Diagnostics;
using System.Globalization;
using Caravan.Data;
using Caravan.Model;
using Caravan.Planning;
using Caravan.Routing;
using Caravan.RoutingBench;

// Routing benchmarks: query latency on the embedded network and scaling on generated networks.
// Usage: dotnet run -c Release --project bench/Caravan.RoutingBench -- [--data folder] [--sizes 100,300,600] [--quick]
//    or: ... -- grid --side 1000 --out /tmp/grid1m | dijkstra --gr /tmp/grid1m.gr | ch --gr /tmp/grid1m.gr (DIMACS files)
if (DimacsBench.TryRun(args))
{
    return;
}
if (args.Length > 0 && args[0] == "served-profile")
{
    ServedProfile.Run(ArgValue(args, "--data") ?? FindData(), ArgValue(args, "--places") ?? Path.Combine("bench", "web", "distinct.lua"), int.Parse(ArgValue(args, "--pairs") ?? "200", CultureInfo.InvariantCulture), int.Parse(ArgValue(args, "--rounds") ?? "2", CultureInfo.InvariantCulture), ArgValue(args, "--dump"));
    return;
}
if (args.Length > 0 && args[0] == "plan-profile")
{
    PlanProfile.Run(ArgValue(args, "--data") ?? FindData(), int.Parse(ArgValue(args, "--pairs") ?? "100", CultureInfo.InvariantCulture), int.Parse(ArgValue(args, "--rounds") ?? "3", CultureInfo.InvariantCulture), ArgValue(args, "--dump"), ArgValue(args, "--from"), ArgValue(args, "--to"), ArgValue(args, "--avoid"), ArgValue(args, "--places"));
    return;
}
var dataFolder = ArgValue(args, "--data") ?? FindData();
var sizes = (ArgValue(args, "--sizes") ?? "100,300,600").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var quick = args.Contains("--quick");
Console.WriteLine($"# Routing benchmarks — {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine();

var network = NetworkReader.ReadFolder(dataFolder);
var graph = new RoutingGraph(network);
Console.WriteLine($"## Embedded network ({dataFolder}): {network.Places.Count} places, {network.Links.Count} links → {graph.VertexCount} vertices, {graph.EdgeCount} edges");
Console.WriteLine();
Console.WriteLine("| query | queries | median ms | p90 ms | p99 ms | mean options |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
var random = new Random(42);
var pairs = new List<(int, int)>();
while (pairs.Count < (quick ? 100 : 500))
{
    var a = random.Next(network.Places.Count);
    var b = random.Next(network.Places.Count);
    if (a != b)
    {
        pairs.Add((a, b));
    }
}
var router = new Router(graph);
foreach (var objective in new[] { Objective.Time, Objective.Cost, Objective.Co2 })
{
    var times = Measure(pairs, (a, b) => router.Route(new RouteRequest(a, b, Commodity.Container, 1, objective, new RouteConstraints())), out _);
    Row($"single-criterion ({objective.ToString().ToLowerInvariant()}), incl. profile + itinerary", times, null);
}
var search = new ShortestPathSearch(graph);
var profile = new QueryProfile(graph, Commodity.Container, new RouteConstraints());
var w = profile.Weights(Objective.Time, null);
Row("Dijkstra only (precomputed profile)", Measure(pairs, (a, b) => search.Run(a, b, w, profile.Allowed, null, out _), out _), null);
var pareto = new ParetoSearch(graph);
var sizesFound = new List<double>();
Row("Pareto search only (time, cost, CO2e, variance)", Measure(pairs, (a, b) => sizesFound.Add(pareto.Run(a, b, profile, null, new ParetoLimits()).Paths.Count), out _), sizesFound.DefaultIfEmpty(0).Average());
var planner = new ShipmentPlanner(graph);
var options = new List<double>();
Row("full plan (Pareto + Monte Carlo + corridor table)", Measure(pairs.Take(quick ? 30 : 100).ToList(), (a, b) => options.Add(planner.Plan(new PlanRequest(new RouteRequest(a, b, Commodity.Container, 1, Objective.Time, new RouteConstraints()))).Options.Count), out _), options.DefaultIfEmpty(0).Average());
Console.WriteLine();

Console.WriteLine("## Generated multimodal networks (grid, two gauges, roads, sea shortcuts)");
Console.WriteLine();
Console.WriteLine("| side | vertices | edges | build s | one-to-one median ms | one-to-all median ms | Pareto ε=0.05 median ms (labels) | managed MB |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var side in sizes)
{
    GC.Collect();
    var before = GC.GetTotalMemory(true);
    var sw = Stopwatch.StartNew();
    var net = SyntheticNetwork.Create(side);
    var g = new RoutingGraph(net);
    var build = sw.Elapsed.TotalSeconds;
    var memory = (GC.GetTotalMemory(true) - before) / (1024.0 * 1024.0);
    var p = new QueryProfile(g, Commodity.Container, new RouteConstraints());
    var weights = p.Weights(Objective.Time, null);
    var s = new ShortestPathSearch(g);
    var rnd = new Random(side);
    var q = new List<(int, int)>();
    for (var i = 0; i < (quick ? 5 : 20); i++)
    {
        q.Add((rnd.Next(net.Places.Count), rnd.Next(net.Places.Count)));
    }
    var one = Measure(q, (a, b) => s.Run(a, b, weights, p.Allowed, null, out _), out _);
    var all = Measure(q.Take(quick ? 3 : 5).ToList(), (a, _) => s.DistancesFrom(a, weights, p.Allowed), out _);
    // Pareto over the whole grid is exponential in path length; measure it between places ~40 grid steps apart.
    var near = new List<(int, int)>();
    for (var i = 0; i < (quick ? 3 : 5); i++)
    {
        var x = rnd.Next(side - 41);
        var y = rnd.Next(side - 41);
        near.Add(((y * side) + x, ((y + 20) * side) + x + 20));
    }
    var ps = new ParetoSearch(g);
    var labels = new List<double>();
    var par = Measure(near, (a, b) => labels.Add(ps.Run(a, b, p, null, new ParetoLimits(2_000_000, TimeSpan.FromSeconds(60), 0.05)).LabelsCreated), out _);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {side} | {g.VertexCount:N0} | {g.EdgeCount:N0} | {build:0.0} | {Median(one):0.00} | {Median(all):0.0} | {Median(par):0.0} ({labels.Average():N0}) | {memory:0} |"));
}

static List<double> Measure(List<(int, int)> pairs, Action<int, int> run, out double total)
{
    foreach (var (a, b) in pairs.Take(Math.Min(10, pairs.Count)))
    {
        run(a, b); // warm-up (JIT, tiering)
    }
    var times = new List<double>(pairs.Count);
    var sw = new Stopwatch();
    total = 0;
    foreach (var (a, b) in pairs)
    {
        sw.Restart();
        run(a, b);
        var ms = sw.Elapsed.TotalMilliseconds;
        times.Add(ms);
        total += ms;
    }
    times.Sort();
    return times;
}

static double Median(List<double> sorted) => sorted[sorted.Count / 2];

static double Pct(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];

static void Row(string name, List<double> t, double? meanOptions) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {t.Count} | {Median(t):0.000} | {Pct(t, 0.9):0.000} | {Pct(t, 0.99):0.000} | {(meanOptions is { } m ? m.ToString("0.0", CultureInfo.InvariantCulture) : "")} |"));

static string? ArgValue(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string FindData()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "data", "places.csv")))
        {
            return Path.Combine(dir.FullName, "data");
        }
    }
    throw new InvalidOperationException("no data/ folder found; pass --data");
}
