using System.Diagnostics;
using System.Globalization;
using Caravan.Routing.Hierarchy;

namespace Caravan.RoutingBench;

/// <summary>
/// Shortest paths at scale on DIMACS files, so an outside reference can run on the very same graph:
/// <c>grid</c> writes a grid, <c>dijkstra</c> times one-to-all Dijkstra on the compact graph, <c>ch</c> builds a
/// contraction hierarchy and times PHAST one-to-all and many-to-many. Every run prints its sources and a checksum of
/// the distances (sum over reached vertices, and how many were reached) so a reference's answer can be compared.
/// </summary>
internal static class DimacsBench
{
    public static bool TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("grid" or "dijkstra" or "ch"))
        {
            return false;
        }
        var known = args[0] switch
        {
            "grid" => new[] { "--side", "--seed", "--out", "--kind" },
            "dijkstra" => ["--gr", "--sources", "--seed"],
            _ => ["--gr", "--sources", "--seed", "--matrix", "--settle-limit"],
        };
        for (var i = 1; i < args.Length; i += 2)
        {
            if (!known.Contains(args[i]) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"{args[0]}: unknown option or missing value '{args[i]}' (known: {string.Join(", ", known)})");
            }
        }
        string Value(string name, string? fallback = null) =>
            Array.IndexOf(args, name) is var i and > 0 ? args[i + 1] : fallback ?? throw new ArgumentException($"{args[0]}: {name} is required");
        int Int(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        switch (args[0])
        {
            case "grid":
                var sw = Stopwatch.StartNew();
                var (gr, co) = GridGenerator.Write(Value("--out"), Int("--side", 1000), Int("--seed", 1), Value("--kind", "uniform") switch
                {
                    "uniform" => false,
                    "roads" => true,
                    var k => throw new ArgumentException($"grid: --kind '{k}' is not uniform or roads"),
                });
                Console.WriteLine(Inv($"wrote {gr} and {co} in {sw.Elapsed.TotalSeconds:0.0} s"));
                break;
            case "dijkstra":
                Dijkstra(Value("--gr"), Int("--sources", 10), Int("--seed", 1));
                break;
            default:
                Hierarchy(Value("--gr"), Int("--sources", 10), Int("--seed", 1), Int("--matrix", 100), Int("--settle-limit", 500));
                break;
        }
        return true;
    }

    private static void Dijkstra(string path, int sourceCount, int seed)
    {
        var process = Stopwatch.StartNew();
        var graph = DimacsReader.Read(path);
        var load = process.Elapsed.TotalSeconds;
        Console.WriteLine(Inv($"graph {path}: {graph.VertexCount:N0} vertices, {graph.ArcCount:N0} arcs, read in {load:0.000} s"));
        var search = new OneToAllDijkstra(graph);
        var times = new List<double>();
        foreach (var source in Sources(graph.VertexCount, sourceCount, seed))
        {
            var sw = Stopwatch.StartNew();
            search.Run(source);
            var seconds = sw.Elapsed.TotalSeconds;
            times.Add(seconds);
            var (sum, reached) = Checksum(graph.VertexCount, search.Distance, OneToAllDijkstra.Unreachable);
            Console.WriteLine(Inv($"source {source + 1} query_s {seconds:0.0000} settled {search.Settled} reached {reached} sum {sum}"));
        }
        times.Sort();
        Console.WriteLine(Inv($"RESULT caravan-dijkstra median_query_s {times[times.Count / 2]:0.0000} load_s {load:0.000} total_s {process.Elapsed.TotalSeconds:0.000} peak_rss_mib {PeakRssMib():0.0}"));
    }

    private static void Hierarchy(string path, int sourceCount, int seed, int matrixSide, int settleLimit)
    {
        var process = Stopwatch.StartNew();
        var graph = DimacsReader.Read(path);
        var load = process.Elapsed.TotalSeconds;
        Console.WriteLine(Inv($"graph {path}: {graph.VertexCount:N0} vertices, {graph.ArcCount:N0} arcs, read in {load:0.000} s"));
        var sw = Stopwatch.StartNew();
        var hierarchy = ContractionHierarchy.Build(graph, settleLimit);
        var build = sw.Elapsed.TotalSeconds;
        Console.WriteLine(Inv($"hierarchy built in {build:0.0} s: {hierarchy.ShortcutCount:N0} shortcuts, {hierarchy.Up.ArcCount:N0} up + {hierarchy.DownIn.ArcCount:N0} down arcs; peak RSS so far {PeakRssMib():0} MiB"));
        var phast = new PhastSearch(hierarchy);
        var dijkstra = new OneToAllDijkstra(graph);
        var times = new List<double>();
        var checkedAgainstDijkstra = 0;
        foreach (var source in Sources(graph.VertexCount, sourceCount, seed))
        {
            sw.Restart();
            phast.Run(source);
            var seconds = sw.Elapsed.TotalSeconds;
            times.Add(seconds);
            var (sum, reached) = Checksum(graph.VertexCount, phast.Distance, PhastSearch.Unreachable);
            Console.WriteLine(Inv($"source {source + 1} phast_s {seconds:0.0000} reached {reached} sum {sum}"));
            if (checkedAgainstDijkstra++ < 2)
            {
                dijkstra.Run(source);
                for (var v = 0; v < graph.VertexCount; v++)
                {
                    var d = dijkstra.Distance(v);
                    var p = phast.Distance(v);
                    if (d == OneToAllDijkstra.Unreachable ? p != PhastSearch.Unreachable : d != p)
                    {
                        throw new InvalidOperationException($"PHAST and Dijkstra disagree from {source + 1} to {v + 1}: {p} vs {d}");
                    }
                }
            }
        }
        times.Sort();
        var rows = Sources(graph.VertexCount, matrixSide, seed, 1001);
        var columns = Sources(graph.VertexCount, matrixSide, seed, 2001);
        sw.Restart();
        var matrix = phast.ManyToMany(rows, columns);
        var matrixSeconds = sw.Elapsed.TotalSeconds;
        ulong matrixSum = 0;
        foreach (var d in matrix)
        {
            matrixSum += d == PhastSearch.Unreachable ? 0 : d;
        }
        sw.Restart();
        var byBuckets = new BucketManyToMany(hierarchy).Run(rows, columns);
        var bucketSeconds = sw.Elapsed.TotalSeconds;
        if (!byBuckets.AsSpan().SequenceEqual(matrix))
        {
            throw new InvalidOperationException("bucket and PHAST matrices disagree");
        }
        Console.WriteLine(Inv($"RESULT caravan-ch build_s {build:0.00} shortcuts {hierarchy.ShortcutCount} median_phast_s {times[times.Count / 2]:0.0000} matrix {matrixSide}x{matrixSide} phast_s {matrixSeconds:0.000} buckets_s {bucketSeconds:0.000} matrix_sum {matrixSum} load_s {load:0.000} total_s {process.Elapsed.TotalSeconds:0.0} peak_rss_mib {PeakRssMib():0.0}"));
    }

    /// <summary>
    /// Vertex i of a run: (i·2654435761 + seed) mod n, 0-based (printed 1-based, as in the file), a formula any
    /// reference can repeat to query the same vertices.
    /// </summary>
    private static int[] Sources(int n, int count, int seed, int first = 1)
    {
        var sources = new int[count];
        for (var i = 0; i < count; i++)
        {
            sources[i] = (int)((((ulong)(first + i) * 2654435761UL) + (ulong)seed) % (ulong)n);
        }
        return sources;
    }

    private static (ulong Sum, int Reached) Checksum(int n, Func<int, ulong> distance, ulong unreachable)
    {
        ulong sum = 0;
        var reached = 0;
        for (var v = 0; v < n; v++)
        {
            var d = distance(v);
            if (d != unreachable)
            {
                sum += d;
                reached++;
            }
        }
        return (sum, reached);
    }

    /// <summary>The process's peak resident set (VmHWM) in MiB, as /usr/bin/time's maxrss reports it.</summary>
    internal static double PeakRssMib()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
            }
        }
        return double.NaN;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
