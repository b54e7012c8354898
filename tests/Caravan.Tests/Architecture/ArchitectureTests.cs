using Caravan.Routing;
using Xunit;
using Xunit.Abstractions;

namespace Caravan.Tests.Architecture;

/// <summary>
/// The engine's layers hold themselves (docs/ARCHITECTURE.md): read from the compiled engine, every reference
/// between its folders must point down the table below, there are no cycles, and the engine knows nothing of
/// consoles or HTTP. A forbidden reference fails here with the type that makes it.
/// </summary>
public sealed class ArchitectureTests(ITestOutputHelper output)
{
    /// <summary>
    /// The folders of src/Caravan from the bottom up. A folder may refer only to folders of a lower rank; folders of
    /// the same rank do not refer to each other.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> Rank = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["Collections"] = 0,   // low-level data structures of the hot loops (the indexed heap)
        ["Diagnostics"] = 0,   // file:line: field: message, below everything
        ["Model"] = 1,         // places, links, modes, commodities; the immutable Network
        ["Costs"] = 2,         // objectives, generalized-cost weights, dwell distributions
        ["Assignment"] = 2,    // pure solvers: problems in, flows out
        ["Data"] = 3,          // readers and writers: files → Model (and TNTP files → Assignment problems)
        ["Routing"] = 4,       // the routing graph, searches, the single-route pipeline
        ["Units"] = 4,         // container types, time zones (from data files, for the documents above)
        ["Reliability"] = 5,   // time distributions of itineraries
        ["Scenarios"] = 5,     // overlays: Network → Network
        ["Store"] = 5,         // run store
        ["Planning"] = 6,      // the shipment planner
        ["Export"] = 7,        // documents of routes and plans (JSON, GeoJSON)
        ["Freight"] = 8,       // demand, choice model, freight assignment
        ["Calibration"] = 9,   // predicted vs observed: times, prices, volumes (through the freight model)
        ["Comparison"] = 9,    // scenario A vs B
        ["Appraisal"] = 9,     // sweeps: portfolios × futures × years through the freight choice model, NPV, BCR, regret, frontier
        ["Services"] = 10,     // the front door: one service per use case
        ["Skims"] = 11,        // matrices, built on the route query parser
        ["Geography"] = 11,    // nearest places, on the services' errors
        ["Batch"] = 11,        // many routes from a file, through the route service
        ["Json"] = 12,         // the JSON settings and source-generated context: it names the documents of every folder
    };

    private static readonly Lazy<EngineDependencies> Engine = new(() => EngineDependencies.Read(typeof(Router).Assembly.Location));

    /// <summary>Namespaces the engine must never use: consoles, command lines, terminals, HTTP.</summary>
    private static readonly string[] HostOnly = ["System.Console", "System.CommandLine", "Spectre.Console", "Microsoft.AspNetCore", "System.Net.Http", "Microsoft.Extensions.Hosting"];

    [Fact]
    public void EveryEngineFolderHasARank()
    {
        var folders = Graph().Keys;
        Assert.All(folders, f => Assert.True(Rank.ContainsKey(f), $"src/Caravan/{f}/ is not in the layer table of ArchitectureTests (and docs/ARCHITECTURE.md)"));
    }

    [Fact]
    public void FoldersReferOnlyToLowerLayers()
    {
        var violations = Violations(Graph());
        foreach (var v in violations)
        {
            output.WriteLine(v);
        }
        Assert.True(violations.Count == 0, "forbidden references between engine folders:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void ModelDependsOnNothingAboveIt()
    {
        var above = Graph().GetValueOrDefault("Model", []).Where(e => e.Key != "Diagnostics").Select(e => e.Value).ToList();
        Assert.True(above.Count == 0, "Model refers to: " + string.Join("; ", above));
    }

    [Fact]
    public void ReadersDoNotRoute()
    {
        var edges = Graph().GetValueOrDefault("Data", []);
        var routing = edges.Where(e => e.Key is "Routing" or "Planning" or "Freight" or "Services" or "Comparison" or "Calibration" or "Reliability" or "Skims").Select(e => e.Value).ToList();
        Assert.True(routing.Count == 0, "Data refers to routing: " + string.Join("; ", routing));
    }

    [Fact]
    public void ScenariosDoNotReachTheFrontDoorOrTheHosts()
    {
        var edges = Graph().GetValueOrDefault("Scenarios", []);
        var up = edges.Where(e => e.Key is "Services" or "Comparison" or "Skims" or "Freight" or "Planning" or "Calibration").Select(e => e.Value).ToList();
        Assert.True(up.Count == 0, "Scenarios refers to: " + string.Join("; ", up));
        var hosts = Engine.Value.AssemblyReferences.Where(kv => EngineDependencies.Folder(kv.Key) == "Scenarios" && kv.Value.Any(a => a.StartsWith("Caravan.Cli", StringComparison.Ordinal) || a.StartsWith("Caravan.Web", StringComparison.Ordinal))).Select(kv => kv.Key).ToList();
        Assert.Empty(hosts);
    }

    [Fact]
    public void TheEngineReferencesNoConsoleOrHttp()
    {
        var found = Engine.Value.TypeReferences
            .SelectMany(kv => kv.Value.Where(r => HostOnly.Any(h => r == h || r.StartsWith(h + ".", StringComparison.Ordinal))).Select(r => $"{kv.Key} → {r}"))
            .ToList();
        var assemblies = Engine.Value.AssemblyReferences.SelectMany(kv => kv.Value).Distinct(StringComparer.Ordinal)
            .Where(a => a.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || a is "System.CommandLine" or "Spectre.Console" or "System.Console" or "Caravan.Cli" or "Caravan.Web")
            .ToList();
        Assert.True(found.Count == 0 && assemblies.Count == 0, "the engine uses host-only types: " + string.Join("; ", found.Concat(assemblies)));
    }

    [Fact]
    public void NoCyclesBetweenFolders()
    {
        var graph = Graph();
        var cycle = FindCycle(graph);
        Assert.True(cycle is null, "cycle between engine folders: " + (cycle is null ? "" : string.Join(" → ", cycle) + "\n" + string.Join('\n', cycle.Zip(cycle.Skip(1)).Select(p => graph[p.First][p.Second]))));
    }

    /// <summary>
    /// Types allowed to refer upwards, each with its reason. Empty: the System.Text.Json source-generation context,
    /// which must name every document type, sits in the top folder Json/.
    /// </summary>
    public static readonly IReadOnlySet<string> KnownExceptions = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The folder graph without the references made by <see cref="KnownExceptions"/>.</summary>
    public static Dictionary<string, Dictionary<string, string>> Graph()
    {
        var engine = Engine.Value;
        var graph = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (type, refs) in engine.TypeReferences)
        {
            if (EngineDependencies.Folder(type) is not { } from || KnownExceptions.Contains(type))
            {
                continue;
            }
            if (!graph.TryGetValue(from, out var edges))
            {
                edges = new Dictionary<string, string>(StringComparer.Ordinal);
                graph[from] = edges;
            }
            foreach (var r in refs.Order(StringComparer.Ordinal))
            {
                if (EngineDependencies.Folder(r) is { } to && to != from)
                {
                    edges.TryAdd(to, $"{type} → {r}");
                }
            }
        }
        return graph;
    }

    /// <summary>Every edge that does not point to a lower rank, with the type reference that makes it.</summary>
    public static List<string> Violations(Dictionary<string, Dictionary<string, string>> graph)
    {
        var list = new List<string>();
        foreach (var (from, edges) in graph.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            foreach (var (to, example) in edges.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if (Rank.TryGetValue(from, out var rf) && Rank.TryGetValue(to, out var rt) && rt >= rf)
                {
                    list.Add($"{from} (rank {rf}) → {to} (rank {rt}): {example}");
                }
            }
        }
        return list;
    }

    /// <summary>A cycle as a path that starts and ends at the same folder, or null.</summary>
    public static List<string>? FindCycle(Dictionary<string, Dictionary<string, string>> graph)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on the stack, 2 done
        var stack = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            stack.Add(node);
            foreach (var next in graph.GetValueOrDefault(node, []).Keys.Order(StringComparer.Ordinal))
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. stack[stack.IndexOf(next)..], next];
                }
                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }
            stack.RemoveAt(stack.Count - 1);
            state[node] = 2;
            return null;
        }
        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }
        return null;
    }
}
