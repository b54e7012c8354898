using Caravan.Data;
using Caravan.Model;
using Caravan.Scenarios;

namespace Caravan.Cli;

/// <summary>Finds and loads the network a command works on, turning data problems into exit code 2.</summary>
internal static class NetworkLoader
{
    /// <summary>The embedded default data folder: shipped beside the binary, else <c>data/</c> above the working directory.</summary>
    public static string DefaultDataFolder()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "data");
        if (File.Exists(Path.Combine(beside, "places.csv")))
        {
            return beside;
        }
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data");
            if (File.Exists(Path.Combine(candidate, "places.csv")))
            {
                return candidate;
            }
        }
        return beside;
    }

    /// <summary>Loads a network folder or throws <see cref="CliInputException"/> listing every diagnostic.</summary>
    public static Network Load(string? folder) => Load(folder, null);

    /// <summary>
    /// Loads a network folder under a scenario (null or <c>base</c>: unmodified) or throws
    /// <see cref="CliInputException"/> listing every diagnostic, in the data files or in the overlay files.
    /// Every command that reads the network calls this (with <see cref="Commands.CommonOptions.Scenario"/>).
    /// </summary>
    public static Network Load(string? folder, string? scenario) => LoadScenario(folder, scenario).Network;

    /// <summary>As <see cref="Load(string?, string?)"/>, with the scenario's content hash, overlays and change log.</summary>
    public static ScenarioNetwork LoadScenario(string? folder, string? scenario)
    {
        var path = string.IsNullOrWhiteSpace(folder) ? DefaultDataFolder() : folder;
        var result = ScenarioLoader.TryLoad(path, scenario, ScenarioLoader.ScenariosFolder(DefaultDataFolder()));
        if (result.Scenario is null)
        {
            var what = ScenarioLoader.IsBase(scenario) ? path : $"scenario {scenario}";
            throw new CliInputException(DiagnosticText(what, result.Diagnostics));
        }
        var warnings = result.Diagnostics.Count(d => d.Severity == Severity.Warning);
        if (warnings > 0)
        {
            Console.Error.WriteLine($"warning: scenario {result.Scenario.Name}: {warnings} warning(s) (caravan validate --scenario {scenario} --warnings lists them)");
        }
        return result.Scenario;
    }

    /// <summary>The data folder's time zones (null when it has no timezones.csv: dates in UTC); a bad file is input error.</summary>
    /// <param name="folder">The data folder (null: the embedded one).</param>
    /// <param name="network">The network routed on.</param>
    /// <param name="scenario">Its scenario: a scenario may remove places that the file's overrides name.</param>
    public static Caravan.Units.TimeZoneTable? TimeZones(string? folder, Network network, string? scenario)
    {
        var path = string.IsNullOrWhiteSpace(folder) ? DefaultDataFolder() : folder;
        try
        {
            return Caravan.Units.TimeZoneTable.ForFolder(path, network, borrowed: !ScenarioLoader.IsBase(scenario));
        }
        catch (CaravanDataException e)
        {
            throw new CliInputException(DiagnosticText(Path.Combine(path, Caravan.Units.TimeZoneTable.FileName), e.Diagnostics));
        }
    }

    /// <summary>Formats diagnostics, one per line.</summary>
    public static string DiagnosticText(string what, IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var lines = new List<string> { $"{what}: {errors} error(s)" };
        lines.AddRange(diagnostics.Where(d => d.Severity == Severity.Error).Select(d => "  " + d));
        return string.Join(Environment.NewLine, lines);
    }
}
