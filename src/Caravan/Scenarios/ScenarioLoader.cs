using Caravan.Data;
using Caravan.Data.Validation;
using Caravan.Model;

namespace Caravan.Scenarios;

/// <summary>
/// Loads a network under a scenario: <c>base</c> (or nothing) is the data folder as it is; a name resolves to
/// <c>&lt;data&gt;/scenarios/&lt;name&gt;.json</c>; anything ending in <c>.json</c> or holding a path separator is a
/// file. <c>basedOn</c> chains are followed (a name first beside the file, then in the scenarios folder) with
/// cycle detection; the overlays are applied base-most first. Never throws for bad input.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>The name of the unmodified network.</summary>
    public const string BaseName = "base";

    /// <summary>Longest basedOn chain followed.</summary>
    public const int MaxChainLength = 32;

    /// <summary>The folder shipped scenarios live in.</summary>
    public static string ScenariosFolder(string dataFolder) => Path.Combine(dataFolder, "scenarios");

    /// <summary>Names of the scenarios in the data folder, <c>base</c> included.</summary>
    public static IReadOnlyList<string> Available(string dataFolder)
    {
        var folder = ScenariosFolder(dataFolder);
        var names = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).ToList()
            : [];
        if (!names.Contains(BaseName, StringComparer.OrdinalIgnoreCase))
        {
            names.Add(BaseName);
        }
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <summary>True when the text names the unmodified network.</summary>
    public static bool IsBase(string? scenario) =>
        string.IsNullOrWhiteSpace(scenario) || scenario.Trim().Equals(BaseName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Loads or throws <see cref="CaravanDataException"/> with every diagnostic.</summary>
    public static ScenarioNetwork Load(string dataFolder, string? scenario, string? fallbackScenariosFolder = null)
    {
        var result = TryLoad(dataFolder, scenario, fallbackScenariosFolder);
        return result.Scenario ?? throw new CaravanDataException($"cannot load scenario {scenario ?? BaseName}", result.Diagnostics);
    }

    /// <summary>
    /// Reads the data folder and applies the scenario's overlay chain. Names not found in the data folder's
    /// scenarios are looked up in <paramref name="fallbackScenariosFolder"/> (the shipped ones, which select by
    /// corridor and country rather than by id, so they apply to other networks too).
    /// </summary>
    public static ScenarioLoadResult TryLoad(string dataFolder, string? scenario, string? fallbackScenariosFolder = null)
    {
        var bag = new DiagnosticBag();
        var chain = ReadChain(dataFolder, scenario, bag, fallbackScenariosFolder);
        if (chain is null)
        {
            return new ScenarioLoadResult(null, bag.Snapshot());
        }
        var read = NetworkReader.TryReadFolder(dataFolder);
        bag.AddRange(read.Diagnostics);
        if (read.Network is null)
        {
            return new ScenarioLoadResult(null, bag.Snapshot());
        }
        var hash = ContentHash.Compute(dataFolder, chain);
        return Apply(read.Network, chain, hash, bag);
    }

    /// <summary>Applies an overlay chain to a network already in memory; <paramref name="baseHash"/> identifies that network.</summary>
    public static ScenarioLoadResult TryApply(Network network, IReadOnlyList<Overlay> chain, string baseHash)
    {
        var bag = new DiagnosticBag();
        return Apply(network, chain, ContentHash.ComputeOnBase(baseHash, chain), bag);
    }

    private static ScenarioLoadResult Apply(Network network, IReadOnlyList<Overlay> chain, string hash, DiagnosticBag bag)
    {
        var log = new ChangeLog();
        var current = network;
        foreach (var overlay in chain)
        {
            var next = OverlayApplier.Apply(current, overlay, bag, log);
            if (next is null)
            {
                return new ScenarioLoadResult(null, bag.Snapshot());
            }
            current = next;
        }
        if (chain.Count > 0)
        {
            // The network an overlay makes passes the same plausibility checks as the data folder's own.
            bag.AddRange(NetworkValidator.Validate(current, scenario: true));
            if (bag.HasErrors)
            {
                return new ScenarioLoadResult(null, bag.Snapshot());
            }
        }
        var name = chain.Count > 0 ? chain[^1].Name : BaseName;
        var diagnostics = bag.Snapshot();
        return new ScenarioLoadResult(new ScenarioNetwork(name, current, hash, chain, log, diagnostics), diagnostics);
    }

    /// <summary>
    /// Resolves a scenario and its basedOn chain to overlays, base-most first; null on errors (unknown names with
    /// "did you mean", unreadable or invalid files, cycles).
    /// </summary>
    public static IReadOnlyList<Overlay>? ReadChain(string dataFolder, string? scenario, DiagnosticBag bag, string? fallbackScenariosFolder = null)
    {
        if (IsBase(scenario))
        {
            return [];
        }
        var chain = new List<Overlay>();
        var visited = new List<string>();
        var path = Resolve(dataFolder, fallbackScenariosFolder, scenario!.Trim(), null, bag, "--scenario", 0, "");
        while (path is not null)
        {
            var full = Path.GetFullPath(path);
            if (visited.Contains(full, StringComparer.Ordinal))
            {
                var names = visited.Append(full).Select(Path.GetFileNameWithoutExtension);
                var last = chain[^1];
                bag.Error(last.File, last.Root.Get("basedOn")?.Line ?? 0, "$.basedOn", $"basedOn cycle: {string.Join(" → ", names)}");
                return null;
            }
            if (visited.Count >= MaxChainLength)
            {
                bag.Error(chain[^1].File, 0, "$.basedOn", $"basedOn chain longer than {MaxChainLength} overlays");
                return null;
            }
            visited.Add(full);
            var overlay = OverlayReader.ReadFile(full, Display(dataFolder, full), bag);
            if (overlay is null)
            {
                return null;
            }
            chain.Add(overlay);
            if (overlay.BasedOn is not { } basedOn || IsBase(basedOn))
            {
                break;
            }
            path = Resolve(dataFolder, fallbackScenariosFolder, basedOn, Path.GetDirectoryName(full), bag, overlay.File, overlay.Root.Get("basedOn")?.Line ?? 0, "$.basedOn");
            if (path is null)
            {
                return null;
            }
        }
        if (path is null)
        {
            return null;
        }
        chain.Reverse();
        return chain;
    }

    private static string? Resolve(string dataFolder, string? fallback, string text, string? besideFolder, DiagnosticBag bag, string file, int line, string field)
    {
        var looksLikeFile = text.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || text.Contains('/') || text.Contains('\\');
        if (looksLikeFile)
        {
            var candidate = besideFolder is null || Path.IsPathRooted(text) ? text : Path.Combine(besideFolder, text);
            if (File.Exists(candidate))
            {
                return candidate;
            }
            bag.Error(file, line, field, $"scenario file '{text}' not found");
            return null;
        }
        if (!OverlayReader.IsValidName(text))
        {
            bag.Error(file, line, field, $"'{Json.LocatedJsonParser.Clip(text)}' is not a scenario name (letters, digits, '-', '_', '.') nor a .json file");
            return null;
        }
        if (besideFolder is not null && File.Exists(Path.Combine(besideFolder, text + ".json")))
        {
            return Path.Combine(besideFolder, text + ".json");
        }
        var shipped = Path.Combine(ScenariosFolder(dataFolder), text + ".json");
        if (File.Exists(shipped))
        {
            return shipped;
        }
        if (fallback is not null && File.Exists(Path.Combine(fallback, text + ".json")))
        {
            return Path.Combine(fallback, text + ".json");
        }
        var available = Available(dataFolder).Concat(fallback is not null && Directory.Exists(fallback) ? Directory.GetFiles(fallback, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)) : []).Distinct().Order(StringComparer.Ordinal).ToList();
        bag.Error(file, line, field, $"unknown scenario '{text}'{OverlayReader.Suggest(text, available)}; available: {string.Join(", ", available)} (or give a .json file)");
        return null;
    }

    private static string Display(string dataFolder, string fullPath)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(Path.Combine(dataFolder, "..")), fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
    }
}
