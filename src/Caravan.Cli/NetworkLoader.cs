using Caravan.Data;
using Caravan.Model;

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
    public static Network Load(string? folder)
    {
        var path = string.IsNullOrWhiteSpace(folder) ? DefaultDataFolder() : folder;
        var result = NetworkReader.TryReadFolder(path);
        if (result.Network is null)
        {
            throw new CliInputException(DiagnosticText(path, result.Diagnostics));
        }
        return result.Network;
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
