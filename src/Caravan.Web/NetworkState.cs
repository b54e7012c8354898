using System.Collections.Concurrent;
using Caravan.Data;
using Caravan.Model;
using Caravan.Routing;
using Caravan.Scenarios;
using Caravan.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Caravan.Web;

/// <summary>
/// One network as served: the place index, the compiled routing graph (the router is thread-safe), the query
/// parser and cached GeoJSON. The base network has one; each scenario gets its own on first use.
/// </summary>
public sealed class NetworkContext
{
    private readonly Protection.BoundedCache<string, string> _geoJson;
    private readonly Protection.BoundedCache<string, Endpoints.PlanAnswer> _plans;

    /// <summary>Builds the context, compiling the routing graph.</summary>
    /// <param name="name">The scenario's name.</param>
    /// <param name="network">Its network.</param>
    /// <param name="scenario">The scenario as loaded, or null for the served network.</param>
    /// <param name="engine">The engine's limits and defaults.</param>
    /// <param name="dataFolder">The data folder, whose timezones.csv (if any) dates legs in local time.</param>
    public NetworkContext(string name, Network network, ScenarioNetwork? scenario, EngineOptions engine, string? dataFolder = null)
    {
        Name = name;
        Network = network;
        Scenario = scenario;
        Search = new PlaceSearch(Network);
        ArgumentNullException.ThrowIfNull(engine);
        _plans = new(engine.MaxPlanDocuments, StringComparer.Ordinal);
        _geoJson = new(engine.MaxGeoJsonDocuments, StringComparer.Ordinal);
        Routes = new RouteService(Network, engine, Search, Caravan.Units.TimeZoneTable.ForFolder(dataFolder, Network, borrowed: scenario is not null));
        Places = new PlaceService(Network, Search, engine);
        Countries = Network.Places.Select(p => p.Country).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The scenario's name (<c>base</c> for the served network).</summary>
    public string Name { get; }

    /// <summary>The network.</summary>
    public Network Network { get; }

    /// <summary>The scenario as loaded (chain, change log, content hash); null for the served base network.</summary>
    public ScenarioNetwork? Scenario { get; }

    /// <summary>Place search by code, name or alias.</summary>
    public PlaceSearch Search { get; }

    /// <summary>The route service (plan and single) over the compiled graph: the same one <c>caravan route</c> uses.</summary>
    public RouteService Routes { get; }

    /// <summary>Place search and listing, as <c>caravan places</c>.</summary>
    public PlaceService Places { get; }

    /// <summary>The single-route pipeline over the compiled graph.</summary>
    public Router Router => Routes.Router;

    /// <summary>Countries with at least one place, sorted.</summary>
    public IReadOnlyList<string> Countries { get; }

    /// <summary>Network GeoJSON for a filter, computed on a miss and kept in a bounded cache (<see cref="EngineOptions.MaxGeoJsonDocuments"/>).</summary>
    public string NetworkGeoJson(string key, Func<string> build) => _geoJson.GetOrAdd(key, _ => build());

    /// <summary>GeoJSON documents cached now (at most <see cref="EngineOptions.MaxGeoJsonDocuments"/>).</summary>
    public int CachedGeoJsonDocuments => _geoJson.Count;

    /// <summary>
    /// The plan document of a query, as <see cref="RouteService.Plan"/> answers it, a repeated query answered from a
    /// bounded cache (<see cref="EngineOptions.MaxPlanDocuments"/>). A plan is a function of the query's text, this network and
    /// the default year (the Monte Carlo has a fixed seed), so the kept document is the one the planner would
    /// compute again; a planner endpoint under load mostly sees the same few queries, and a plan costs milliseconds
    /// of CPU where answering a kept one costs a copy of its JSON, serialized once (<see cref="Endpoints.PlanAnswer"/>). Only plans are kept: errors are cheap to find
    /// again, and a search stopped by its time limit depends on how busy the machine was.
    /// </summary>
    public ServiceResult<Endpoints.PlanAnswer> Plan(RoutePlanQuery query, CancellationToken cancellation)
    {
        var key = PlanKey(query, Routes.Options.DefaultYear);
        if (_plans.TryGet(key, out var kept))
        {
            // The kept answer carries the plan's warnings: a hit answers what the miss did, warnings included.
            return ServiceResult<Endpoints.PlanAnswer>.Ok(kept, kept.Warnings);
        }
        var result = Routes.Plan(query, cancellation);
        return result.IsValid
            ? ServiceResult<Endpoints.PlanAnswer>.Ok(_plans.Add(key, new Endpoints.PlanAnswer(result.Value!.Document, result.Warnings)), result.Warnings)
            : ServiceResult<Endpoints.PlanAnswer>.Fail(result.Errors, result.Warnings);
    }

    /// <summary>Plan documents cached now (at most <see cref="EngineOptions.MaxPlanDocuments"/>).</summary>
    public int CachedPlanDocuments => _plans.Count;

    // Every field's text, length-prefixed so no value can imitate a field boundary, then the default year (a query
    // without a year plans for this year).
    private static string PlanKey(RoutePlanQuery query, int defaultYear)
    {
        var key = new System.Text.StringBuilder();
        foreach (var (field, value) in QueryFields.Values(query))
        {
            key.Append(field).Append(':');
            if (value is null)
            {
                key.Append('-');
            }
            else
            {
                key.Append(value.Length).Append(':').Append(value);
            }
            key.Append(';');
        }
        return key.Append(defaultYear).ToString();
    }
}

/// <summary>
/// The served network and its scenarios. The base network is compiled at start; a scenario is loaded and compiled
/// on its first request (once, however many requests ask at the same time) and kept. Only the scenarios shipped in
/// the data folder (and the fallback folder) can be loaded, so the cache is bounded by their number.
/// Registered as a singleton.
/// </summary>
public sealed class NetworkState
{
    private readonly ConcurrentDictionary<string, Lazy<(NetworkContext? Context, IReadOnlyList<Diagnostic> Diagnostics)>> _scenarios = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<IReadOnlyDictionary<string, string>> _files;

    /// <summary>Builds the state, compiling the routing graph of the base network.</summary>
    public NetworkState(CaravanWebOptions options)
    {
        Options = options;
        Served = new NetworkContext(options.Scenario ?? ScenarioLoader.BaseName, options.Network, null, options.Engine, options.DataFolder);
        // A server runs for days: the Monte Carlo's kept columns are filled now, not as queries arrive.
        Caravan.Reliability.TransitSimulator.KeepDwellFactors(Served.Router.Graph);
        _base = new Lazy<NetworkContext?>(() => ScenarioLoader.IsBase(options.Scenario)
            ? Served
            : BaseScenario is { } b ? new NetworkContext(ScenarioLoader.BaseName, b.Network, b, options.Engine, options.DataFolder) : null);
        _files = new Lazy<IReadOnlyDictionary<string, string>>(FindScenarioFiles);
        _baseScenario = new Lazy<ScenarioNetwork?>(() => string.IsNullOrEmpty(options.DataFolder) ? null : ScenarioLoader.TryLoad(options.DataFolder, null).Scenario);
    }

    /// <summary>The options the host was started with.</summary>
    public CaravanWebOptions Options { get; }

    /// <summary>
    /// The served network's context: what a request without <c>scenario</c> uses (the base network, or the scenario
    /// <c>caravan serve --scenario</c> chose).
    /// </summary>
    public NetworkContext Served { get; }

    private readonly Lazy<NetworkContext?> _base;

    /// <summary>The network.</summary>
    public Network Network => Served.Network;

    /// <summary>Place search by code, name or alias.</summary>
    public PlaceSearch Search => Served.Search;

    /// <summary>The router over the compiled graph.</summary>
    public Router Router => Served.Router;

    /// <summary>Countries with at least one place, sorted.</summary>
    public IReadOnlyList<string> Countries => Served.Countries;

    /// <summary>The year a query without one travels in (the engine's one clock).</summary>
    public int DefaultYear => Options.Engine.DefaultYear;

    /// <summary>Network GeoJSON for a filter, computed once per distinct filter.</summary>
    public string NetworkGeoJson(string key, Func<string> build) => Served.NetworkGeoJson(key, build);

    /// <summary>Comparison documents already computed, by scenarios, objective and year (the data do not change while serving), at most <see cref="EngineOptions.MaxComparisonDocuments"/>.</summary>
    public ConcurrentDictionary<string, string> Comparisons { get; } = new(StringComparer.Ordinal);

    /// <summary>The scenario files that may be served, by name (data folder first, then the fallback folder).</summary>
    public IReadOnlyDictionary<string, string> ScenarioFiles => _files.Value;

    /// <summary>Every scenario name that may be served, <c>base</c> first.</summary>
    public IReadOnlyList<string> ScenarioNames =>
        [ScenarioLoader.BaseName, .. ScenarioFiles.Keys.Where(k => !ScenarioLoader.IsBase(k)).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The context of a scenario, or a problem: 404 with suggestions for an unknown name, 422 when the scenario does
    /// not apply to the served data. No name means the served network; <c>base</c> always means the unmodified base
    /// network, whatever scenario is served (the one meaning <c>/api/compare?a=base</c> uses too).
    /// </summary>
    public bool TryGet(string? scenario, out NetworkContext context, out ProblemHttpResult? problem)
    {
        context = Served;
        problem = null;
        if (string.IsNullOrWhiteSpace(scenario))
        {
            return true;
        }
        if (ScenarioLoader.IsBase(scenario))
        {
            context = _base.Value ?? Served;
            return true;
        }
        var name = scenario!.Trim();
        if (string.Equals(name, Options.Scenario, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (!ScenarioFiles.ContainsKey(name))
        {
            problem = Problems.UnknownScenario(name, ScenarioNames);
            return false;
        }
        var loaded = _scenarios.GetOrAdd(name, n => new Lazy<(NetworkContext?, IReadOnlyList<Diagnostic>)>(() => Load(n), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        if (loaded.Context is null)
        {
            // The messages only, not the files: the server's paths stay on the server.
            problem = TypedResults.Problem(
                detail: $"scenario '{name}' cannot be applied to the served data: {string.Join("; ", loaded.Diagnostics.Where(d => d.Severity == Severity.Error).Take(Options.Engine.MaxErrorsListed).Select(d => d.Message))}",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Scenario cannot be loaded",
                type: Problems.TypeBase + "scenario-unloadable");
            return false;
        }
        context = loaded.Context;
        return true;
    }

    /// <summary>The base network as a scenario (read from the data folder once), for comparisons; null when it cannot be read.</summary>
    public ScenarioNetwork? BaseScenario => _baseScenario.Value;

    private readonly Lazy<ScenarioNetwork?> _baseScenario;

    private (NetworkContext?, IReadOnlyList<Diagnostic>) Load(string name)
    {
        var result = ScenarioLoader.TryLoad(Options.DataFolder, name, Options.ScenariosFallbackFolder);
        return result.Scenario is { } s ? (new NetworkContext(s.Name, s.Network, s, Options.Engine, Options.DataFolder), result.Diagnostics) : (null, result.Diagnostics);
    }

    private IReadOnlyDictionary<string, string> FindScenarioFiles() => ScenarioCatalog.Files(Options.DataFolder, Options.ScenariosFallbackFolder);
}
