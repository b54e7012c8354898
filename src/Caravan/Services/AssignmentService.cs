using System.Diagnostics;
using System.Globalization;
using Caravan.Assignment;
using Caravan.Freight;
using Caravan.Freight.Choice;
using Caravan.Model;

namespace Caravan.Services;

/// <summary>A bottleneck as the assignment summaries list it (<c>caravan assign --json</c>, <c>GET /api/assignments/{id}</c>).</summary>
/// <param name="Id">Link id, or the transfer's place and kind.</param>
/// <param name="Kind">move, border or transfer.</param>
/// <param name="Mode">Mode name.</param>
/// <param name="From">From place code.</param>
/// <param name="To">To place code.</param>
/// <param name="Corridor">Corridor label.</param>
/// <param name="FlowTonnes">Flow, tonnes per year, rounded to whole tonnes.</param>
/// <param name="CapacityTonnes">Capacity, tonnes per year (null if none published).</param>
/// <param name="Utilisation">Flow over capacity (null if uncapacitated).</param>
/// <param name="DelayHours">Congested minus free-flow hours (the shadow price as queue hours of a container tonne).</param>
/// <param name="ShadowUsdPerTonne">Shadow price of the capacity: what a tonne pays to get through, USD.</param>
public sealed record BottleneckSummary(string Id, string Kind, string Mode, string From, string To, string Corridor, double FlowTonnes, double? CapacityTonnes, double? Utilisation, double DelayHours, double ShadowUsdPerTonne);

/// <summary>A GeoJSON FeatureCollection of link flows.</summary>
/// <param name="Type">Always <c>FeatureCollection</c>.</param>
/// <param name="Features">One LineString per link direction with flow.</param>
public sealed record FlowFeatureCollection(string Type, IReadOnlyList<FlowFeature> Features);

/// <summary>One link direction with flow, as a GeoJSON Feature.</summary>
/// <param name="Type">Always <c>Feature</c>.</param>
/// <param name="Geometry">The straight line between the link's places.</param>
/// <param name="Properties">The link's flow.</param>
public sealed record FlowFeature(string Type, LineGeometry Geometry, FlowProperties Properties);

/// <summary>A GeoJSON LineString.</summary>
/// <param name="Type">Always <c>LineString</c>.</param>
/// <param name="Coordinates">[longitude, latitude] pairs, degrees.</param>
public sealed record LineGeometry(string Type, double[][] Coordinates);

/// <summary>The properties of a flow feature (what the map sizes and colours by).</summary>
/// <param name="Id">Link id.</param>
/// <param name="Kind">move or border.</param>
/// <param name="Mode">Mode name.</param>
/// <param name="From">From place code.</param>
/// <param name="To">To place code.</param>
/// <param name="Corridor">Corridor label.</param>
/// <param name="FlowTonnes">Flow, tonnes per year, to 0.1 t.</param>
/// <param name="CapacityTonnes">Capacity, tonnes per year; null (omitted) where none is published.</param>
/// <param name="Utilisation">Flow over capacity to 4 decimals; null (omitted) where no capacity is published.</param>
/// <param name="ShadowUsdPerTonne">The capacity's shadow price, USD per tonne (0 where the capacity does not bind).</param>
public sealed record FlowProperties(string Id, string Kind, string Mode, string From, string To, string Corridor, double FlowTonnes, double? CapacityTonnes, double? Utilisation, double ShadowUsdPerTonne);

/// <summary>The settings of one freight run.</summary>
public sealed record FreightRunOptions
{
    /// <summary>The choice parameters (<c>demand/choice-parameters.csv</c>, <see cref="AssignmentService.ParametersPath"/>).</summary>
    public required ChoiceParameters Parameters { get; init; }

    /// <summary>Year, threads and iteration limit of the equilibrium.</summary>
    public ChoiceOptions Choice { get; init; } = new();

    /// <summary>
    /// True on a scenario: rows with no route at all (a closed country) are reported as unserved instead of failing
    /// the run. On the base network such a row stays an error.
    /// </summary>
    public bool ReportUnserved { get; init; }

    /// <summary>Name of the demand file, for the diagnostics.</summary>
    public string DemandFile { get; init; } = "demand.csv";
}

/// <summary>
/// The freight model's one entry point and the documents of its runs, built once for every door: the CLI's
/// <c>assign --demand</c>, <c>flows</c>, <c>compare --demand</c> and scenario runs, the web's assignment runs, and the
/// appraisal sweeps. Each run is the nested-logit mode and route choice under binding capacities
/// (<see cref="ChoiceEquilibrium"/>, <c>data/demand/README.md</c>).
/// </summary>
public static class AssignmentService
{
    /// <summary>The demand file of a data folder.</summary>
    public static string DemandPath(string dataFolder) => Path.Combine(dataFolder, "demand", "eurasia-2024.csv");

    /// <summary>The choice parameters of a data folder.</summary>
    public static string ParametersPath(string dataFolder) => Path.Combine(dataFolder, "demand", ParametersFileName);

    /// <summary>File name of the choice parameters in the data folder's <c>demand/</c> (not a demand set).</summary>
    public const string ParametersFileName = "choice-parameters.csv";

    /// <summary>The base year of the demand and of the calibration.</summary>
    public const int BaseYear = 2024;

    /// <summary>
    /// The year check of a freight run, the same for every door as for a route query's year: the engine's range
    /// (<see cref="EngineOptions.MinYear"/> to <see cref="EngineOptions.MaxYear"/>). Null when the year is in it.
    /// </summary>
    public static EngineError? CheckYear(EngineOptions engine, int year)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return year < engine.MinYear || year > engine.MaxYear
            ? EngineError.Invalid("year", $"must be a whole number from {engine.MinYear} to {engine.MaxYear}, not '{year}'")
            : null;
    }

    /// <summary>How many bottlenecks to list: from 1 to <see cref="EngineOptions.MaxBottlenecks"/>.</summary>
    /// <returns>Null, or the error naming <paramref name="field"/>.</returns>
    public static EngineError? Top(string field, int top, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return top >= 1 && top <= options.MaxBottlenecks
            ? null
            : EngineError.Invalid(field, string.Create(CultureInfo.InvariantCulture, $"must be a whole number from 1 to {options.MaxBottlenecks}, not {top}"));
    }

    /// <summary>Worker threads asked for: none (the engine's policy), or 0 (every core) to <see cref="EngineOptions.MaxThreads"/>.</summary>
    /// <returns>Null, or the error naming <paramref name="field"/>.</returns>
    public static EngineError? Threads(string field, int? threads, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return threads is null || (threads >= 0 && threads <= options.MaxThreads)
            ? null
            : EngineError.Invalid(field, string.Create(CultureInfo.InvariantCulture, $"must be between 0 (all cores) and {options.MaxThreads}, not {threads}"));
    }

    /// <summary>The equilibrium settings of a year under an engine's thread policy (every door uses them).</summary>
    public static ChoiceOptions ChoiceOptions(EngineOptions engine, int year) => new() { Year = year, Threads = engine.FreightAssignmentThreads };

    /// <summary>
    /// Runs the freight model: builds the choice sets, solves the capacity-constrained equilibrium and reports it.
    /// The same inputs give the same flows to the last digit on any thread count. Throws
    /// <see cref="CaravanDataException"/> for a row without an option (naming its line).
    /// </summary>
    public static FreightRun Run(Network network, IReadOnlyList<DemandRow> demand, FreightRunOptions options, CancellationToken cancellation = default, Action<IterationReport>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        IReadOnlyList<UnservedDemand> unserved = [];
        if (options.ReportUnserved)
        {
            (demand, unserved) = DemandReach.Split(network, demand, options.Choice.Year);
            if (demand.Count == 0)
            {
                var bag = new DiagnosticBag();
                bag.Error(options.DemandFile, 0, "", "no demand row has a route on this network");
                bag.ThrowIfErrors($"cannot assign {options.DemandFile}");
            }
        }
        var model = ChoiceModel.Build(network, demand, options.Parameters, options.Choice, options.DemandFile);
        var solution = ChoiceEquilibrium.Solve(model, null, cancellation, progress);
        return FreightRun.Create(solution, unserved, clock.Elapsed);
    }

    /// <summary>Reads a demand file and a parameters file and runs the model on them.</summary>
    public static FreightRun Run(Network network, string demandPath, string parametersPath, ChoiceOptions choice, bool reportUnserved, CancellationToken cancellation = default, Action<IterationReport>? progress = null)
    {
        var parameters = ChoiceParameters.Read(parametersPath);
        var demand = DemandReader.Read(demandPath, network);
        return Run(network, demand, new FreightRunOptions { Parameters = parameters, Choice = choice, ReportUnserved = reportUnserved, DemandFile = Path.GetFileName(demandPath) }, cancellation, progress);
    }

    /// <summary>The first <paramref name="top"/> bottlenecks of a run, with their shadow prices.</summary>
    public static IReadOnlyList<BottleneckSummary> Bottlenecks(FreightRun run, int top)
    {
        var report = run.Report;
        var count = Math.Min(Math.Max(top, 0), report.Bottlenecks.Count);
        var list = new BottleneckSummary[count];
        for (var i = 0; i < count; i++)
        {
            var b = report.Bottlenecks[i];
            list[i] = new BottleneckSummary(b.Id, b.Kind, b.Mode.ToString(), b.From, b.To, b.Corridor, Math.Round(b.FlowTonnes), b.CapacityTonnes, b.Utilisation, b.CongestedHours - b.FreeFlowHours, run.Solution.ShadowUsdPerTonne[b.Edge]);
        }
        return list;
    }

    /// <summary>The one document of a run: <c>assign --demand --json</c> and <c>GET /api/assignments/{id}</c> (<see cref="FreightAssignmentDocument"/>).</summary>
    public static FreightAssignmentDocument Document(AssignmentRunHeader header, FreightRun? run, IterationReport? last, int top) => FreightAssignmentDocument.Of(header, run, last, top);

    /// <summary>Why a run failed on bad input, as its document says: the first errors with their lines (at most <see cref="EngineOptions.MaxErrorsListed"/>).</summary>
    public static string FailureMessage(IEnumerable<Diagnostic> diagnostics, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.Join("; ", diagnostics.Where(d => d.Severity == Severity.Error).Take(options.MaxErrorsListed).Select(d => $"line {d.Line}: {d.Field}: {d.Message}"));
    }

    /// <summary>
    /// The demand sets of a data folder by name (file name without <c>.csv</c>): the CSV files of its <c>demand/</c>,
    /// the choice parameters excepted. Only these may be assigned by name (a server never takes a path from a client).
    /// </summary>
    public static IReadOnlyDictionary<string, string> DemandSets(string? dataFolder)
    {
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(dataFolder))
        {
            return files;
        }
        var folder = Path.Combine(dataFolder, "demand");
        if (Directory.Exists(folder))
        {
            foreach (var f in Directory.GetFiles(folder, "*.csv"))
            {
                // The choice parameters sit beside the demand sets; they are not one.
                if (!Path.GetFileName(f).Equals(ParametersFileName, StringComparison.OrdinalIgnoreCase))
                {
                    files[Path.GetFileNameWithoutExtension(f)] = f;
                }
            }
        }
        return files;
    }

    /// <summary>The name a demand file is known by in the documents (its file name without <c>.csv</c>).</summary>
    public static string DemandName(string demandPath) => Path.GetFileNameWithoutExtension(demandPath);

    /// <summary>
    /// Link flows as GeoJSON, the one document every door writes (assign and flows <c>--geojson</c>, assign --json, the
    /// web run): one LineString per loaded link direction with flow, utilisation and shadow price (transfers left out).
    /// </summary>
    public static FlowFeatureCollection Flows(FreightRun run)
    {
        var g = run.Model.Graph;
        var features = new List<FlowFeature>();
        foreach (var x in run.Choice.Elements)
        {
            if (x.Tonnes <= 0 || x.Kind == "transfer")
            {
                continue;
            }
            var a = g.Network.Places[g.VertexPlace[g.Tail[x.Edge]]];
            var b = g.Network.Places[g.VertexPlace[g.Head[x.Edge]]];
            features.Add(new FlowFeature(
                "Feature",
                new LineGeometry("LineString", [[a.Longitude, a.Latitude], [b.Longitude, b.Latitude]]),
                new FlowProperties(x.Id, x.Kind, x.Mode.ToString(), x.From, x.To, x.Corridor, Math.Round(x.Tonnes, 1), x.CapacityTonnes, Round4(x.Utilisation), Math.Round(x.ShadowUsdPerTonne, 3))));
        }
        return new FlowFeatureCollection("FeatureCollection", features);
    }

    private static double? Round4(double? value) => value is null ? null : Math.Round(value.Value, 4);
}
