using Caravan.Data;
using Caravan.Scenarios;

namespace Caravan.Services;

/// <summary>A scenario the server can plan on.</summary>
/// <param name="Name">Its name, the value of <c>scenario=</c>.</param>
/// <param name="Description">What it represents.</param>
/// <param name="BasedOn">The scenario it builds on, if any.</param>
/// <param name="Sources">Source ids (data/sources.csv) it rests on.</param>
/// <param name="Changes">Number of changes in its own file.</param>
public sealed record ScenarioSummary(string Name, string Description, string? BasedOn, IReadOnlyList<string> Sources, int Changes);

/// <summary>One change of a scenario as applied to the served network.</summary>
/// <param name="Scenario">The overlay it belongs to (a basedOn chain has several).</param>
/// <param name="Index">1-based position in that overlay.</param>
/// <param name="Change">What it does, in a sentence, with its sources.</param>
/// <param name="Operation">set, scale, open, close, add or remove.</param>
/// <param name="Matched">How many elements it selected; 0 means the selector missed the data.</param>
/// <param name="Touched">Links, transfers and places it touched.</param>
public sealed record ScenarioChange(string Scenario, int Index, string Change, string Operation, int Matched, IReadOnlyList<string> Touched);

/// <summary>A scenario with what it changes.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it represents.</param>
/// <param name="Chain">The overlays applied, base-most first.</param>
/// <param name="ContentHash">Identity of the data and overlays.</param>
/// <param name="Sources">Source ids it rests on.</param>
/// <param name="Changes">Each change with what it touched.</param>
/// <param name="Warnings">Warnings found while applying it.</param>
public sealed record ScenarioDetail(string Name, string Description, IReadOnlyList<string> Chain, string ContentHash, IReadOnlyList<string> Sources, IReadOnlyList<ScenarioChange> Changes, IReadOnlyList<string> Warnings);

/// <summary>
/// The scenario catalogue, one for every door: which scenarios exist (the data folder's own files win over the
/// shipped ones), what each is and what it changes. <c>base</c> always means the unmodified base network.
/// </summary>
public static class ScenarioCatalog
{
    /// <summary>The scenario files by name: the shipped folder first, then the data folder's (which wins).</summary>
    /// <param name="dataFolder">The network's folder (its <c>scenarios/</c> is read), or null.</param>
    /// <param name="shippedFolder">The shipped scenarios folder, or null.</param>
    public static IReadOnlyDictionary<string, string> Files(string? dataFolder, string? shippedFolder)
    {
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var dir in new[] { shippedFolder, string.IsNullOrEmpty(dataFolder) ? null : ScenarioLoader.ScenariosFolder(dataFolder) })
        {
            if (dir is not null && Directory.Exists(dir))
            {
                foreach (var f in Directory.GetFiles(dir, "*.json"))
                {
                    var name = Path.GetFileNameWithoutExtension(f);
                    if (OverlayReader.IsValidName(name))
                    {
                        files[name] = f; // the data folder's own file wins over the shipped one
                    }
                }
            }
        }
        return files;
    }

    /// <summary>Every scenario, <c>base</c> first, then by name.</summary>
    public static IReadOnlyList<ScenarioSummary> Summaries(IReadOnlyDictionary<string, string> files)
    {
        var list = new List<ScenarioSummary> { new(ScenarioLoader.BaseName, "the unmodified base network", null, [], 0) };
        foreach (var name in files.Keys.Where(k => !ScenarioLoader.IsBase(k)).Order(StringComparer.Ordinal))
        {
            var bag = new DiagnosticBag();
            var overlay = OverlayReader.ReadFile(files[name], name + ".json", bag);
            list.Add(overlay is null
                ? new ScenarioSummary(name, "(unreadable: " + (bag.Items.FirstOrDefault()?.Message ?? "invalid file") + ")", null, [], 0)
                : new ScenarioSummary(name, overlay.Description, overlay.BasedOn, overlay.SourceIds, overlay.Changes.Count));
        }
        return list;
    }

    /// <summary>Every name of the catalogue, <c>base</c> first, then by name.</summary>
    public static IReadOnlyList<string> Names(IReadOnlyDictionary<string, string> files) =>
        [ScenarioLoader.BaseName, .. files.Keys.Where(k => !ScenarioLoader.IsBase(k)).Order(StringComparer.Ordinal)];

    /// <summary>The error for a scenario name the catalogue does not hold, with the nearest names.</summary>
    public static EngineError Unknown(string field, string name, IReadOnlyList<string> available) =>
        new(ErrorCode.UnknownScenario, field, $"unknown scenario '{Diagnostic.Cut(name.Trim(), 61)}'; available: {string.Join(", ", available)}")
        {
            Names = NearestNames.Of(name, available),
        };

    /// <summary>The error for a scenario that exists but does not apply to the data, with its first problems (<see cref="EngineOptions.MaxErrorsListed"/>).</summary>
    public static EngineError Unloadable(string field, string name, IEnumerable<Diagnostic> diagnostics, EngineOptions? options = null) =>
        new(ErrorCode.ScenarioUnloadable, field, $"scenario '{Diagnostic.Cut(name.Trim(), 61)}' cannot be applied to the data: {string.Join("; ", diagnostics.Where(d => d.Severity == Severity.Error).Take((options ?? EngineOptions.Default).MaxErrorsListed).Select(d => d.ToString()))}");

    /// <summary>
    /// Loads a scenario from a data folder (a catalogue name, <c>base</c>, or an overlay file ending in <c>.json</c>):
    /// the scenario, or an unknown-scenario or unloadable-scenario error for <paramref name="field"/>.
    /// </summary>
    public static ServiceResult<ScenarioNetwork> Load(string field, string name, string dataFolder, string? shippedFolder)
    {
        var isFile = name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || name.Contains('/', StringComparison.Ordinal) || name.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal);
        if (!isFile && !ScenarioLoader.IsBase(name))
        {
            var files = Files(dataFolder, shippedFolder);
            if (!files.ContainsKey(name.Trim()))
            {
                return ServiceResult<ScenarioNetwork>.Fail([Unknown(field, name, Names(files))]);
            }
        }
        var loaded = ScenarioLoader.TryLoad(dataFolder, name, shippedFolder);
        return loaded.Scenario is { } s
            ? ServiceResult<ScenarioNetwork>.Ok(s)
            : ServiceResult<ScenarioNetwork>.Fail([Unloadable(field, name, loaded.Diagnostics)]);
    }

    /// <summary>What a loaded scenario changes; null is the base network (with its content hash).</summary>
    public static ScenarioDetail Detail(ScenarioNetwork? scenario, string baseContentHash)
    {
        if (scenario is not { } s)
        {
            return new ScenarioDetail(ScenarioLoader.BaseName, "the unmodified base network", [], baseContentHash, [], [], []);
        }
        var changes = s.Log.Entries.Select(e => new ScenarioChange(
            e.Scenario,
            e.Change.Index + 1,
            e.Change.Describe(),
            e.Change.Operation.ToString().ToLowerInvariant(),
            e.Matched,
            e.LinkIds.Concat(e.TransferKeys).Concat(e.PlaceCodes).Distinct(StringComparer.Ordinal).ToList())).ToList();
        return new ScenarioDetail(
            s.Name,
            s.Description,
            s.Chain.Select(o => o.Name).ToList(),
            s.ContentHash,
            s.Chain.SelectMany(o => o.SourceIds).Distinct(StringComparer.Ordinal).ToList(),
            changes,
            s.Diagnostics.Where(d => d.Severity == Severity.Warning).Select(d => d.Message).ToList());
    }
}
