using System.Collections.Concurrent;
using System.Text;
using Caravan.Data;
using Caravan.Freight;
using Caravan.Freight.Choice;
using Caravan.Model;
using Caravan.Routing;
using Caravan.Scenarios;
using Caravan.Scenarios.Json;

namespace Caravan.Appraisal;

/// <summary>
/// Runs sweep runs: builds each run's network once per network hash and shares it between runs (and threads), then
/// solves the freight choice model (the model of <c>caravan flows</c>) for the future's demand and tariffs and
/// records the run's metrics. Thread-safe; one per process (a silo) is enough.
/// </summary>
public sealed class RunEvaluator
{
    /// <summary>Base year of the shipped demand (data/demand/eurasia-2024.csv): growth compounds from it.</summary>
    public const int DemandBaseYear = 2024;

    private readonly ConcurrentDictionary<string, Lazy<(Network Network, string Hash)>> _bases = new(StringComparer.Ordinal);
    /// <summary>
    /// Most run networks kept at once (about 1 MB each on the shipped data): past it the oldest are dropped, so a
    /// sweep of thousands of networks runs in bounded memory. Runs come grouped by network, so little is rebuilt.
    /// </summary>
    public const int MaxCachedNetworks = 128;

    private readonly ConcurrentDictionary<string, Lazy<Prepared>> _networks = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly ConcurrentDictionary<string, Lazy<ChoiceParameters>> _parameters = new(StringComparer.Ordinal);
    private int _networksBuilt;

    /// <summary>How many run networks this evaluator has built (one per network hash).</summary>
    public int NetworksBuilt => _networksBuilt;

    /// <summary>The content hash of a data folder's unmodified network (read once).</summary>
    public string BaseHash(string dataFolder) => Base(dataFolder).Hash;

    /// <summary>The hash of a run's network: the overlay chain on the data folder's network.</summary>
    public string NetworkHash(string dataFolder, IReadOnlyList<Overlay> chain) => ContentHash.ComputeOnBase(BaseHash(dataFolder), chain);

    /// <summary>Runs one request.</summary>
    public RunResult Run(RunRequest request, CancellationToken cancellation = default)
    {
        var prepared = _networks.GetOrAdd(request.NetworkHash, hash =>
        {
            _order.Enqueue(hash);
            return new Lazy<Prepared>(() => Prepare(request));
        }).Value;
        while (_networks.Count > MaxCachedNetworks && _order.TryDequeue(out var oldest))
        {
            _networks.TryRemove(oldest, out _);
        }
        var parameters = _parameters.GetOrAdd(request.ParametersFile, f => new Lazy<ChoiceParameters>(() => ChoiceParameters.Read(f))).Value;
        var growth = Years(request.Year);
        var demand = new List<DemandRow>(prepared.Demand.Count);
        foreach (var row in prepared.Demand)
        {
            var g = request.Future.DemandGrowthPerYear.GetValueOrDefault(row.Commodity.Name());
            var factor = Math.Pow(1 + g, growth);
            demand.Add(row with { QuantityPerYear = row.QuantityPerYear * factor, Tonnes = row.Tonnes * factor });
        }
        var options = new ChoiceOptions
        {
            Year = request.Year,
            CorridorTariffFactor = new Dictionary<string, double>(request.Future.TariffFactor, StringComparer.OrdinalIgnoreCase),
        };
        var model = ChoiceModel.Build(prepared.Graph, demand, parameters, options, Path.GetFileName(request.DemandFile));
        var solution = ChoiceEquilibrium.Solve(model, null, cancellation);
        return Metrics(request.Key, solution);
    }

    private static int Years(int year) => Math.Max(0, year - DemandBaseYear);

    private (Network Network, string Hash) Base(string dataFolder) =>
        _bases.GetOrAdd(Path.GetFullPath(dataFolder), f => new Lazy<(Network, string)>(() =>
        {
            var s = ScenarioLoader.Load(f, ScenarioLoader.BaseName);
            return (s.Network, s.ContentHash);
        })).Value;

    private Prepared Prepare(RunRequest request)
    {
        var (network, baseHash) = Base(request.DataFolder);
        var bag = new DiagnosticBag();
        var chain = new List<Overlay>();
        for (var i = 0; i < request.Overlays.Count; i++)
        {
            var name = $"overlay {i + 1}";
            var root = LocatedJsonParser.Parse(Encoding.UTF8.GetBytes(request.Overlays[i]), name, bag);
            if (root is not null && OverlayReader.Read(root, name, bag) is { } overlay)
            {
                chain.Add(overlay);
            }
        }
        bag.ThrowIfErrors("cannot read the run's overlays");
        var loaded = ScenarioLoader.TryApply(network, chain, baseHash);
        if (loaded.Scenario is null)
        {
            throw new CaravanDataException("cannot apply the run's overlays", loaded.Diagnostics);
        }
        if (loaded.Scenario.ContentHash != request.NetworkHash)
        {
            throw new InvalidOperationException($"the run's network hashes to {loaded.Scenario.ContentHash}, not {request.NetworkHash}: the silo's data folder differs from the client's");
        }
        Interlocked.Increment(ref _networksBuilt);
        var net = loaded.Scenario.Network;
        return new Prepared(new RoutingGraph(net), DemandReader.Read(request.DemandFile, net));
    }

    private static RunResult Metrics(string key, ChoiceSolution solution)
    {
        var model = solution.Model;
        double tariff = 0, cost = 0, tonneHours = 0, co2 = 0, demandTonnes = 0;
        var rowTonnes = new double[model.Demand.Count];
        for (var i = 0; i < model.Demand.Count; i++)
        {
            var row = model.Demand[i];
            rowTonnes[i] = row.Tonnes;
            demandTonnes += row.Tonnes;
            var k = model.Costs[(int)row.Commodity]!;
            var perUnit = Math.Max(k.Profile.Info.TonnesPerUnit, 1e-9);
            for (var r = 0; r < model.Routes[i].Count; r++)
            {
                var route = model.Routes[i][r];
                var t = solution.RouteTonnes(i, r);
                tariff += t * route.TariffUsdPerTonne;
                cost += t * route.BaseCostUsdPerTonne;
                tonneHours += t * route.Hours;
                var kg = 0.0;
                foreach (var e in route.Edges)
                {
                    kg += k.Profile.Co2eKg[e];
                }
                co2 += t * kg / perUnit / 1000;
            }
        }
        var report = ChoiceReport.Create(solution);
        var corridors = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var c in report.Corridors)
        {
            corridors[c.Corridor] = c.Tonnes;
        }
        var bottlenecks = report.Bottlenecks.Take(5).Select(b => new ElementUse(b.Id, b.Utilisation ?? 0)).ToList();
        return new RunResult(key, RunKeys.ModelVersion, solution.Converged, solution.Iterations, demandTonnes, tariff, cost, tonneHours, co2,
            solution.MaxUtilisation(), report.OverCapacity.Count, corridors, bottlenecks, ChoiceLogsum.CompositeCosts(solution), rowTonnes);
    }

    private sealed record Prepared(RoutingGraph Graph, IReadOnlyList<DemandRow> Demand);
}
