using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Caravan.Data;
using Caravan.Export;
using Caravan.Json;
using Caravan.Services;
using Caravan.Units;

namespace Caravan.RoutingBench;

/// <summary>
/// <c>served-profile</c>: thread CPU of what <c>/api/route</c> does for a query it has not answered before, in one
/// process without HTTP: bind (parse), plan, build the document, serialize it to UTF-8 JSON with the web's settings
/// (<see cref="JsonDefaults.Compact"/>: camelCase, nulls omitted, relaxed escaping; the host adds only strict number
/// reading). The pairs are drawn from the places of <c>bench/web/distinct.lua</c>, so this is that load row's work.
/// With <c>--dump</c>, every answer's bytes (or error) are written, so a change that must not change answers can be
/// compared byte for byte.
/// </summary>
internal static partial class ServedProfile
{
    public static void Run(string dataFolder, string luaScript, int pairCount, int rounds, string? dump)
    {
        var network = NetworkReader.ReadFolder(dataFolder);
        var service = new RouteService(network, EngineOptions.Default, null, TimeZoneTable.ForFolder(dataFolder, network, borrowed: false));
        var places = Places(luaScript);
        var random = new Random(12345);
        var pairs = new List<(string From, string To)>();
        while (pairs.Count < pairCount)
        {
            var a = places[random.Next(places.Length)];
            var b = places[random.Next(places.Length)];
            if (a != b)
            {
                pairs.Add((a, b));
            }
        }
        var options = JsonDefaults.Compact;
        var typeInfo = options.GetTypeInfo(typeof(RouteResponse));
        var parts = new Dictionary<string, List<double>>();
        void Add(string name, double value)
        {
            if (!parts.TryGetValue(name, out var list))
            {
                parts[name] = list = [];
            }
            list.Add(value);
        }
        var dumpStream = dump is null ? null : new MemoryStream();
        for (var round = 0; round < rounds + 1; round++)
        {
            foreach (var (from, to) in pairs)
            {
                var query = new RoutePlanQuery { From = from, To = to };
                var bytes0 = GC.GetAllocatedBytesForCurrentThread();
                var t0 = CpuClock.ThreadMs();
                var parsed = service.Parser.Parse(query);
                var t1 = CpuClock.ThreadMs();
                var plan = service.Planner.Plan(parsed.Value!);
                var t2 = CpuClock.ThreadMs();
                var document = plan.Options.Count > 0 ? PlanDocuments.Response(network, plan, service.Zones) : null;
                var t3 = CpuClock.ThreadMs();
                var json = document is null ? null : JsonSerializer.SerializeToUtf8Bytes(document, typeInfo);
                var t4 = CpuClock.ThreadMs();
                var bytes1 = GC.GetAllocatedBytesForCurrentThread();
                // The service's own call (what the endpoint runs) as a check that the parts add up.
                var served = service.Plan(query);
                var t5 = CpuClock.ThreadMs();
                if (round == 0)
                {
                    if (dumpStream is not null)
                    {
                        var head = Encoding.UTF8.GetBytes($"{from} {to} ");
                        dumpStream.Write(head);
                        dumpStream.Write(served.IsValid ? JsonSerializer.SerializeToUtf8Bytes(served.Value!.Document, typeInfo) : Encoding.UTF8.GetBytes(string.Join("; ", served.Errors.Select(e => e.Message))));
                        dumpStream.WriteByte((byte)'\n');
                    }
                    continue; // warm-up
                }
                Add("bind (parse the query)", t1 - t0);
                Add("plan (ShipmentPlanner.Plan)", t2 - t1);
                Add("document (PlanDocuments.Response)", t3 - t2);
                Add("serialize (UTF-8 JSON)", t4 - t3);
                Add("sum of the parts", t4 - t0);
                Add("RouteService.Plan (bind, plan, document)", t5 - t4);
                Add("allocated KB (parts)", (bytes1 - bytes0) / 1024.0);
                Add("JSON KB", (json?.Length ?? 0) / 1024.0);
                Add("options", plan.Options.Count);
            }
        }
        if (dump is not null && dumpStream is not null)
        {
            AtomicFile.WriteAllBytes(dump, dumpStream.ToArray());
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"served-profile: {pairs.Count} pairs of {places.Length} places × {rounds} rounds; thread CPU ms"));
        Console.WriteLine("| part | median | mean | p90 | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, list) in parts)
        {
            var mean = list.Average();
            list.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {list[list.Count / 2]:0.000} | {mean:0.000} | {list[(int)(0.9 * list.Count)]:0.000} | {list[^1]:0.000} |"));
        }
    }

    /// <summary>The place codes of a wrk script's <c>places = { ... }</c> table.</summary>
    public static string[] Places(string luaScript) =>
        PlaceList().Match(File.ReadAllText(luaScript)).Groups[1].Value
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim('"')).ToArray();

    [GeneratedRegex(@"places\s*=\s*\{([^}]*)\}")]
    private static partial Regex PlaceList();
}
