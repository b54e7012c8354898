using System.Security.Cryptography;
using Caravan.Model;
using Caravan.Scenarios;
using Caravan.Scenarios.Json;

namespace Caravan.Appraisal;

/// <summary>
/// Reads a sweep spec (JSON, schema <c>docs/schema/sweep.schema.json</c>) strictly: unknown properties, duplicate
/// keys, wrong types and values out of range are errors, each a diagnostic <c>file:line:column: field: message</c>.
/// Overlay files are resolved beside the spec first, then as scenario names of the data folder.
/// </summary>
public static class SweepSpecReader
{
    private static readonly string[] RootKeys = ["$schema", "name", "description", "reference", "demand", "parameters", "years", "horizonYear", "priceBaseYear", "discountRate", "projects", "futures", "portfolios"];
    private static readonly string[] ProjectKeys = ["id", "name", "overlay", "capitalCostUsd", "openingYear", "sources", "note"];
    private static readonly string[] FuturesKeys = ["list", "monteCarlo"];
    private static readonly string[] FutureKeys = ["id", "demandGrowth", "tariffFactor", "borderDwellFactor", "note"];
    private static readonly string[] MonteCarloKeys = ["count", "seed", "demandGrowth", "tariffFactor", "borderDwellFactor"];
    private static readonly string[] DistributionKeys = ["distribution", "value", "min", "max", "mean", "sd", "mode"];
    private static readonly string[] PortfolioKeys = ["strategy", "count", "seed"];
    private static readonly string[] Strategies = ["all", "sample", "greedy"];
    private static readonly string[] Distributions = ["fixed", "uniform", "normal", "triangular"];

    /// <summary>Reads a spec file; null when it has errors (every one reported to <paramref name="bag"/>).</summary>
    public static SweepSpec? ReadFile(string path, string displayName, string dataFolder, DiagnosticBag bag)
    {
        var root = LocatedJsonParser.ParseFile(path, displayName, bag);
        if (root is null)
        {
            return null;
        }
        // Duplicate keys were reported (the first value kept); read on so every other problem is reported too.
        var parsedWithErrors = bag.HasErrors;
        var spec = Read(root, displayName, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", dataFolder, bag);
        return parsedWithErrors ? null : spec;
    }

    /// <summary>Reads a parsed spec; overlay paths are relative to <paramref name="specFolder"/>.</summary>
    public static SweepSpec? Read(JNode root, string file, string specFolder, string dataFolder, DiagnosticBag bag)
    {
        var r = new Ctx(file, bag);
        if (root.Kind != JKind.Object)
        {
            r.Error(root, $"a sweep spec is a JSON object, not {root.KindName}");
            return null;
        }
        r.CheckKeys(root, RootKeys);
        var name = r.RequiredString(root, "name");
        var description = root.Get("description") is { } d ? r.String(d) ?? "" : "";
        var reference = new List<Overlay>();
        if (root.Get("reference") is { } refNode)
        {
            foreach (var item in refNode.Kind == JKind.Array ? refNode.Items : [refNode])
            {
                if (r.String(item) is { } text)
                {
                    reference.AddRange(Overlays(text, item, specFolder, dataFolder, r) ?? []);
                }
            }
        }
        var demand = root.Get("demand") is { } dem ? File(r.String(dem), specFolder) : null;
        var parameters = root.Get("parameters") is { } par ? File(r.String(par), specFolder) : null;
        var years = new List<int>();
        if (r.Required(root, "years", JKind.Array) is { } yearsNode)
        {
            foreach (var y in yearsNode.Items)
            {
                if (r.Year(y) is { } year)
                {
                    if (years.Count > 0 && year <= years[^1])
                    {
                        r.Error(y, $"years ascend without repeats: {year} follows {years[^1]}");
                    }
                    years.Add(year);
                }
            }
            if (yearsNode.Items.Count == 0 || yearsNode.Items.Count > SweepLimits.MaxYears)
            {
                r.Error(yearsNode, $"give 1 to {SweepLimits.MaxYears} appraisal years, not {yearsNode.Items.Count}");
            }
        }
        var horizon = root.Get("horizonYear") is { } h ? r.Year(h) : years.Count > 0 ? years[^1] : null;
        if (horizon is { } hy && years.Count > 0 && hy < years[^1])
        {
            r.Error(root.Get("horizonYear")!, $"horizonYear {hy} is before the last appraisal year {years[^1]}");
        }
        var priceBase = root.Get("priceBaseYear") is { } pb ? r.Year(pb) : years.Count > 0 ? years[0] : null;
        double rate = 0;
        if (r.Required(root, "discountRate", JKind.Number) is { } rateNode)
        {
            rate = rateNode.Number;
            if (rate is < 0 or > 0.5)
            {
                r.Error(rateNode, $"discountRate is a fraction per year in [0, 0.5] (0.06 = 6%), not {rateNode.Text}");
            }
        }
        var projects = new List<CandidateProject>();
        if (r.Required(root, "projects", JKind.Array) is { } projectsNode)
        {
            if (projectsNode.Items.Count == 0 || projectsNode.Items.Count > SweepLimits.MaxProjects)
            {
                r.Error(projectsNode, $"give 1 to {SweepLimits.MaxProjects} candidate projects, not {projectsNode.Items.Count}");
            }
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in projectsNode.Items)
            {
                if (Project(item, specFolder, dataFolder, r) is { } p)
                {
                    if (!ids.Add(p.Id))
                    {
                        r.Error(item.Get("id")!, $"project id '{p.Id}' is used twice");
                    }
                    projects.Add(p);
                }
            }
        }
        var futures = r.Required(root, "futures", JKind.Object) is { } f ? Futures(f, r) : [];
        var strategy = r.Required(root, "portfolios", JKind.Object) is { } pn ? Strategy(pn, projects.Count, r) : null;
        if (r.Errors > 0 || horizon is null || priceBase is null || strategy is null)
        {
            return null;
        }
        return new SweepSpec
        {
            Name = name,
            Description = description,
            File = file,
            SpecHash = ContentHash.Prefix + Convert.ToHexStringLower(SHA256.HashData(ContentHash.Canonical(root))),
            Reference = reference,
            Projects = projects,
            Futures = futures,
            Years = years,
            HorizonYear = horizon.Value,
            PriceBaseYear = priceBase.Value,
            DiscountRate = rate,
            Strategy = strategy,
            DemandFile = demand,
            ParametersFile = parameters,
        };
    }

    private static string? File(string? text, string specFolder) =>
        string.IsNullOrWhiteSpace(text) ? null : Path.IsPathRooted(text) ? text : Path.GetFullPath(Path.Combine(specFolder, text));

    private static IReadOnlyList<Overlay>? Overlays(string text, JNode node, string specFolder, string dataFolder, Ctx r)
    {
        var looksLikeFile = text.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || text.Contains('/') || text.Contains('\\');
        var target = looksLikeFile && !Path.IsPathRooted(text) ? Path.GetFullPath(Path.Combine(specFolder, text)) : text;
        var inner = new DiagnosticBag();
        var chain = ScenarioLoader.ReadChain(dataFolder, target, inner);
        foreach (var x in inner)
        {
            // An unknown name or a missing file is the spec's mistake: point at the spec; errors inside the overlay point into it.
            r.Bag.Add(x.File == "--scenario" ? x with { File = r.File, Line = node.Line, Field = node.Path, Column = node.Column } : x);
        }
        if (chain is null)
        {
            r.Errors++;
            return null;
        }
        if (chain.Count == 0)
        {
            r.Error(node, "an overlay is needed here, not the base network");
            return null;
        }
        return chain;
    }

    private static CandidateProject? Project(JNode node, string specFolder, string dataFolder, Ctx r)
    {
        if (node.Kind != JKind.Object)
        {
            r.Error(node, $"a project is an object like {{\"id\": \"cku\", \"overlay\": \"...\", ...}}, not {node.KindName}");
            return null;
        }
        var before = r.Errors;
        r.CheckKeys(node, ProjectKeys);
        var id = r.RequiredString(node, "id");
        if (id.Length > 0 && (id.Length > 40 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            r.Error(node.Get("id")!, "a project id is 1 to 40 letters, digits, '-' or '_'");
        }
        var name = node.Get("name") is { } n ? r.String(n) ?? id : id;
        var overlayText = r.RequiredString(node, "overlay");
        var overlays = overlayText.Length > 0 ? Overlays(overlayText, node.Get("overlay")!, specFolder, dataFolder, r) : null;
        double cost = 0;
        if (r.Required(node, "capitalCostUsd", JKind.Number) is { } c)
        {
            cost = c.Number;
            if (cost < 0)
            {
                r.Error(c, $"capitalCostUsd is ≥ 0, not {c.Text}");
            }
        }
        var opening = r.Required(node, "openingYear", JKind.Number) is { } o ? r.Year(o) : null;
        var sources = node.Get("sources") is { } s ? r.StringList(s) : [];
        if (sources.Count == 0)
        {
            r.Error(node.Get("sources") ?? node, "a project names the sources of its cost and opening year (ids of data/sources.csv)", node.Path + ".sources");
        }
        return r.Errors > before || overlays is null || opening is null ? null : new CandidateProject(id, name, overlays, cost, opening.Value, sources);
    }

    private static IReadOnlyList<Future> Futures(JNode node, Ctx r)
    {
        r.CheckKeys(node, FuturesKeys);
        var list = node.Get("list");
        var mc = node.Get("monteCarlo");
        if ((list is null) == (mc is null))
        {
            r.Error(node, "futures holds exactly one of 'list' (explicit futures) and 'monteCarlo' (seeded draws)");
            return [];
        }
        var futures = new List<Future>();
        if (list is not null)
        {
            if (list.Kind != JKind.Array || list.Items.Count == 0 || list.Items.Count > SweepLimits.MaxFutures)
            {
                r.Error(list, $"'list' is an array of 1 to {SweepLimits.MaxFutures} futures");
                return [];
            }
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in list.Items)
            {
                if (item.Kind != JKind.Object)
                {
                    r.Error(item, $"a future is an object, not {item.KindName}");
                    continue;
                }
                r.CheckKeys(item, FutureKeys);
                var id = r.RequiredString(item, "id");
                if (id.Length > 0 && !ids.Add(id))
                {
                    r.Error(item.Get("id")!, $"future id '{LocatedJsonParser.Clip(id)}' is used twice");
                }
                var growth = ByClass(Map(item.Get("demandGrowth"), r, ClassKey, n => Fixed(n, r, -0.5, 1)));
                var tariff = Map(item.Get("tariffFactor"), r, CorridorKey, n => Fixed(n, r, 0.01, 100));
                var dwell = item.Get("borderDwellFactor") is { } bd ? Fixed(bd, r, 0.01, 100) : 1;
                futures.Add(new Future(id, growth, tariff, dwell));
            }
            return futures;
        }
        if (mc!.Kind != JKind.Object)
        {
            r.Error(mc, $"'monteCarlo' is an object, not {mc.KindName}");
            return [];
        }
        r.CheckKeys(mc, MonteCarloKeys);
        var count = r.Required(mc, "count", JKind.Number) is { } cn ? r.Integer(cn, 1, SweepLimits.MaxFutures) : null;
        var seed = r.Required(mc, "seed", JKind.Number) is { } sn ? r.Integer(sn, 0, int.MaxValue) : null;
        var growthD = ByClass(Map(mc.Get("demandGrowth"), r, ClassKey, n => Dist(n, r, -0.5, 1)));
        var tariffD = Map(mc.Get("tariffFactor"), r, CorridorKey, n => Dist(n, r, 0.01, 100));
        var dwellD = mc.Get("borderDwellFactor") is { } dn ? Dist(dn, r, 0.01, 100) : new Distribution(DistributionKind.Fixed, 1);
        if (count is null || seed is null)
        {
            return [];
        }
        return FutureDraws.Draw(count.Value, (ulong)seed.Value, growthD, tariffD, dwellD);
    }

    private static string? ClassKey(string key, JNode node, Ctx r)
    {
        if (Commodities.TryParse(key, out var c))
        {
            return c.Name();
        }
        var names = Commodities.All.Select(x => x.Name()).ToList();
        r.Error(node, $"unknown commodity class '{LocatedJsonParser.Clip(key)}'{OverlayReader.Suggest(key, names)}; expected one of {string.Join(", ", names)}");
        return null;
    }

    private static string? CorridorKey(string key, JNode node, Ctx r)
    {
        if (OverlayReader.CorridorLabels.Contains(key, StringComparer.OrdinalIgnoreCase))
        {
            return key.ToLowerInvariant();
        }
        r.Error(node, $"unknown corridor '{LocatedJsonParser.Clip(key)}'{OverlayReader.Suggest(key, OverlayReader.CorridorLabels)}; expected one of {string.Join(", ", OverlayReader.CorridorLabels)}");
        return null;
    }

    private static Dictionary<Commodity, TValue> ByClass<TValue>(Dictionary<string, TValue> map) =>
        map.ToDictionary(kv => Commodities.TryParse(kv.Key, out var c) ? c : throw new InvalidOperationException(kv.Key), kv => kv.Value);

    private static Dictionary<string, TValue> Map<TValue>(JNode? node, Ctx r, Func<string, JNode, Ctx, string?> key, Func<JNode, TValue> value)
    {
        var map = new Dictionary<string, TValue>(StringComparer.Ordinal);
        if (node is null)
        {
            return map;
        }
        if (node.Kind != JKind.Object)
        {
            r.Error(node, $"expected an object keyed by name, not {node.KindName}");
            return map;
        }
        foreach (var (k, v) in node.Properties)
        {
            if (key(k, v, r) is { } parsed)
            {
                map[parsed] = value(v);
            }
        }
        return map;
    }

    private static double Fixed(JNode node, Ctx r, double min, double max)
    {
        if (node.Kind != JKind.Number)
        {
            r.Error(node, $"expected a number, not {node.KindName}");
            return 0;
        }
        if (node.Number < min || node.Number > max)
        {
            r.Error(node, $"{node.Text} is outside [{min}, {max}]");
        }
        return node.Number;
    }

    private static Distribution Dist(JNode node, Ctx r, double min, double max)
    {
        if (node.Kind == JKind.Number)
        {
            return new Distribution(DistributionKind.Fixed, Fixed(node, r, min, max));
        }
        if (node.Kind != JKind.Object)
        {
            r.Error(node, $"a distribution is a number or an object like {{\"distribution\": \"uniform\", \"min\": 0, \"max\": 1}}, not {node.KindName}");
            return new Distribution(DistributionKind.Fixed, 0);
        }
        r.CheckKeys(node, DistributionKeys);
        var kind = r.RequiredString(node, "distribution");
        double Num(string key)
        {
            if (r.Required(node, key, JKind.Number) is { } n)
            {
                return n.Number;
            }
            return 0;
        }
        void Range(double lo, double hi)
        {
            if (lo < min || hi > max || lo > hi)
            {
                r.Error(node, $"the range [{lo}, {hi}] must lie within [{min}, {max}] with min ≤ max");
            }
        }
        void Only(params string[] keys)
        {
            foreach (var (k, v) in node.Properties)
            {
                if (k != "distribution" && !keys.Contains(k))
                {
                    r.Error(v, $"'{k}' does not belong to a {kind} distribution (it takes {string.Join(", ", keys)})");
                }
            }
        }
        switch (kind)
        {
            case "fixed":
                Only("value");
                var v = Num("value");
                Range(v, v);
                return new Distribution(DistributionKind.Fixed, v);
            case "uniform":
                Only("min", "max");
                var (a, b) = (Num("min"), Num("max"));
                Range(a, b);
                return new Distribution(DistributionKind.Uniform, a, b);
            case "triangular":
                Only("min", "mode", "max");
                var (lo, mode, hi) = (Num("min"), Num("mode"), Num("max"));
                Range(lo, hi);
                if (mode < lo || mode > hi)
                {
                    r.Error(node.Get("mode") ?? node, $"mode {mode} lies outside [{lo}, {hi}]");
                }
                return new Distribution(DistributionKind.Triangular, lo, hi, mode);
            case "normal":
                Only("mean", "sd", "min", "max");
                var (mean, sd) = (Num("mean"), Num("sd"));
                var cutLo = node.Get("min") is { } mn && mn.Kind == JKind.Number ? mn.Number : min;
                var cutHi = node.Get("max") is { } mx && mx.Kind == JKind.Number ? mx.Number : max;
                Range(cutLo, cutHi);
                if (sd < 0)
                {
                    r.Error(node.Get("sd")!, $"sd is ≥ 0, not {sd}");
                }
                return new Distribution(DistributionKind.Normal, mean, sd, 0, cutLo, cutHi);
            default:
                if (kind.Length > 0)
                {
                    r.Error(node.Get("distribution")!, $"unknown distribution '{LocatedJsonParser.Clip(kind)}'{OverlayReader.Suggest(kind, Distributions)}; expected one of {string.Join(", ", Distributions)}");
                }
                return new Distribution(DistributionKind.Fixed, 0);
        }
    }

    private static PortfolioStrategy? Strategy(JNode node, int projects, Ctx r)
    {
        r.CheckKeys(node, PortfolioKeys);
        var text = r.RequiredString(node, "strategy");
        switch (text)
        {
            case "all":
                if (projects > SweepLimits.MaxEnumeratedProjects)
                {
                    r.Error(node.Get("strategy")!, $"'all' enumerates 2^{projects} portfolios; at most {SweepLimits.MaxEnumeratedProjects} projects can be enumerated: use 'sample' or 'greedy'");
                }
                ForbidKeys(node, r, "count", "seed");
                return new PortfolioStrategy(PortfolioStrategyKind.All);
            case "greedy":
                ForbidKeys(node, r, "count", "seed");
                return new PortfolioStrategy(PortfolioStrategyKind.Greedy);
            case "sample":
                var count = r.Required(node, "count", JKind.Number) is { } c ? r.Integer(c, 1, SweepLimits.MaxSampled) : null;
                var seed = r.Required(node, "seed", JKind.Number) is { } s ? r.Integer(s, 0, int.MaxValue) : null;
                return count is null || seed is null ? null : new PortfolioStrategy(PortfolioStrategyKind.Sample, count.Value, (ulong)seed.Value);
            default:
                if (text.Length > 0)
                {
                    r.Error(node.Get("strategy")!, $"unknown strategy '{LocatedJsonParser.Clip(text)}'{OverlayReader.Suggest(text, Strategies)}; expected one of {string.Join(", ", Strategies)}");
                }
                return null;
        }
    }

    private static void ForbidKeys(JNode node, Ctx r, params string[] keys)
    {
        foreach (var k in keys)
        {
            if (node.Get(k) is { } v)
            {
                r.Error(v, $"'{k}' belongs to the 'sample' strategy only");
            }
        }
    }

    /// <summary>Diagnostics with file, line, column and JSON path.</summary>
    private sealed class Ctx(string file, DiagnosticBag bag)
    {
        public string File { get; } = file;

        public DiagnosticBag Bag { get; } = bag;

        public int Errors { get; set; }

        public void Error(JNode node, string message, string? path = null)
        {
            Errors++;
            Bag.Add(new Diagnostic(File, node.Line, path ?? node.Path, message) { Column = node.Column });
        }

        public void CheckKeys(JNode node, string[] allowed)
        {
            foreach (var (key, value) in node.Properties)
            {
                if (!allowed.Contains(key, StringComparer.Ordinal))
                {
                    Error(value, $"unknown property '{LocatedJsonParser.Clip(key)}'{OverlayReader.Suggest(key, allowed)}; allowed: {string.Join(", ", allowed.Where(a => a != "$schema"))}");
                }
            }
        }

        public JNode? Required(JNode node, string key, JKind kind)
        {
            var v = node.Get(key);
            if (v is null)
            {
                Error(node, $"missing property '{key}'", $"{node.Path}.{key}");
                return null;
            }
            if (v.Kind != kind)
            {
                Error(v, $"'{key}' is {JNode.Describe(kind)}, not {v.KindName}");
                return null;
            }
            return v;
        }

        public string RequiredString(JNode node, string key) => Required(node, key, JKind.String) is { } v ? v.Text : "";

        public string? String(JNode node)
        {
            if (node.Kind != JKind.String)
            {
                Error(node, $"expected a string, not {node.KindName}");
                return null;
            }
            return node.Text;
        }

        public List<string> StringList(JNode node)
        {
            if (node.Kind != JKind.Array)
            {
                Error(node, $"expected an array of strings, not {node.KindName}");
                return [];
            }
            var list = new List<string>();
            foreach (var item in node.Items)
            {
                if (String(item) is { } s)
                {
                    list.Add(s);
                }
            }
            return list;
        }

        public int? Integer(JNode node, int min, int max)
        {
            if (node.Kind != JKind.Number || node.Number != Math.Floor(node.Number))
            {
                Error(node, $"expected a whole number, not {(node.Kind == JKind.Number ? node.Text : node.KindName)}");
                return null;
            }
            if (node.Number < min || node.Number > max)
            {
                Error(node, $"{node.Text} is outside [{min}, {max}]");
                return null;
            }
            return (int)node.Number;
        }

        public int? Year(JNode node) => Integer(node, SweepLimits.MinYear, SweepLimits.MaxYear);
    }
}
