using System.Globalization;
using Caravan.Data;
using Caravan.Model;
using Caravan.Planning;
using Caravan.Reliability;
using Caravan.Routing;
using Caravan.Services;

namespace Caravan.RoutingBench;

/// <summary>
/// <c>plan-profile</c>: thread CPU of a full plan on the embedded network and of its parts (profile, Pareto search,
/// itineraries, Monte Carlo, forced corridor searches), over the same random place pairs, medians in ms.
/// </summary>
internal static class PlanProfile
{
    public static void Run(string dataFolder, int pairCount, int rounds, string? dump, string? from, string? to, string? avoid, string? placesScript = null)
    {
        var dumpWriter = dump is null ? null : new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var network = NetworkReader.ReadFolder(dataFolder);
        var service = new RouteService(network);
        var graph = service.Planner.Graph;
        var planner = service.Planner;
        var random = new Random(42);
        var pairs = new List<(int, int)>();
        var constraints = new RouteConstraints();
        RoutePlanQuery? query = null;
        if (from is not null && to is not null)
        {
            // One query as /api/route gets it, parsed by the service; the whole service call is timed too.
            query = new RoutePlanQuery { From = from, To = to, Avoid = avoid };
            var parsed = service.Parser.Parse(query);
            var route = parsed.Value?.Route ?? throw new ArgumentException(string.Join("; ", parsed.Errors.Select(e => e.Message)));
            constraints = route.Constraints;
            for (var i = 0; i < pairCount; i++)
            {
                pairs.Add((route.From, route.To));
            }
        }
        // With a wrk script, the pairs are drawn from its places (bench/web/distinct.lua), as served-profile draws them.
        var pool = placesScript is null ? null : ServedProfile.Places(placesScript).Select(p => service.Search.Resolve(p).Place).ToArray();
        while (pairs.Count < pairCount)
        {
            var a = pool is null ? random.Next(network.Places.Count) : pool[random.Next(pool.Length)];
            var b = pool is null ? random.Next(network.Places.Count) : pool[random.Next(pool.Length)];
            if (a != b)
            {
                pairs.Add((a, b));
            }
        }
        var corridors = network.Links.Select(l => l.Corridor).Where(c => c.Length > 0 && c is not ("domestic" or "europe")).Distinct().ToList();
        var pareto = new ParetoSearch(graph);
        var forced = new CorridorForcedSearch(graph);
        var parts = new Dictionary<string, List<double>>();
        void Add(string name, double ms)
        {
            if (!parts.TryGetValue(name, out var list))
            {
                parts[name] = list = [];
            }
            list.Add(ms);
        }
        for (var round = 0; round < rounds + 1; round++)
        {
            foreach (var (a, b) in pairs)
            {
                var request = new RouteRequest(a, b, Commodity.Container, 1, Objective.Time, constraints);
                var ts = CpuClock.ThreadMs();
                if (query is not null)
                {
                    service.Plan(query);
                }
                var t0 = CpuClock.ThreadMs();
                var plan = planner.Plan(new PlanRequest(request, Depart: round == 0 ? new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero) : null, Alternatives: round == 0 ? 2 : 0));
                var t1 = CpuClock.ThreadMs();
                if (round == 0 && dumpWriter is not null)
                {
                    // Every figure of every option at full precision: a change that must not change answers can be diffed.
                    foreach (var o in plan.Options.Concat(plan.Alternatives).Concat(plan.Corridors.Where(c => c.Best is not null).Select(c => c.Best!)))
                    {
                        dumpWriter.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{a} {b} {o.Itinerary.Corridor} {o.Itinerary.Totals.Hours:R} {o.Itinerary.Totals.CostUsd:R} {o.Distribution.P50Hours:R} {o.Distribution.P90Hours:R} {o.Distribution.MeanHours:R} {o.Distribution.Samples.Sum():R} {string.Join(',', o.Labels)} {o.DatedLegs?.Count}"));
                    }
                }
                var profile = new QueryProfile(graph, request.Commodity, request.Constraints);
                var t2 = CpuClock.ThreadMs();
                var result = pareto.Run(a, b, profile, null, ParetoLimits.Default);
                var t3 = CpuClock.ThreadMs();
                var itineraries = result.Paths.Select(p => ItineraryBuilder.Build(request, profile, p)).ToList();
                var t4 = CpuClock.ThreadMs();
                foreach (var it in itineraries.Take(8))
                {
                    TransitSimulator.Simulate(it, graph);
                }
                var t5 = CpuClock.ThreadMs();
                var weights = profile.Weights(request.Objective, null);
                foreach (var c in corridors)
                {
                    forced.Run(a, b, c, weights, profile.Allowed, profile.Sequence);
                }
                var t6 = CpuClock.ThreadMs();
                if (round == 0)
                {
                    continue; // warm-up
                }
                if (query is not null)
                {
                    Add("RouteService.Plan (parse, plan, document)", t0 - ts);
                }
                Add("full plan", t1 - t0);
                Add("profile", t2 - t1);
                Add("pareto", t3 - t2);
                Add("itineraries (all Pareto paths)", t4 - t3);
                Add("Monte Carlo (up to 8)", t5 - t4);
                Add($"forced corridors ({corridors.Count})", t6 - t5);
                Add("options shown", plan.Options.Count);
                Add("labels created", result.LabelsCreated);
                Add("Pareto paths", result.Paths.Count);
            }
        }
        if (dump is not null && dumpWriter is not null)
        {
            AtomicFile.WriteAllText(dump, dumpWriter.ToString());
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"plan-profile: {pairs.Count} pairs × {rounds} rounds, {graph.VertexCount} vertices, {graph.EdgeCount} edges; thread CPU ms"));
        Console.WriteLine("| part | median | mean | p90 |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, list) in parts)
        {
            list.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {list[list.Count / 2]:0.000} | {list.Average():0.000} | {list[(int)(0.9 * list.Count)]:0.000} |"));
        }
    }
}
