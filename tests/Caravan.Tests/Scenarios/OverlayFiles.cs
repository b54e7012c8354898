using System.Text;
using Caravan.Data;
using Caravan.Scenarios;

namespace Caravan.Tests.Scenarios;

/// <summary>Writes overlay files to a fresh temporary folder and loads them on the mini fixture.</summary>
internal sealed class OverlayFiles : IDisposable
{
    public OverlayFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "caravan-overlays-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string Write(string name, string json)
    {
        var path = Path.Combine(Folder, name + ".json");
        File.WriteAllText(path, json, new UTF8Encoding(false));
        return path;
    }

    public static ScenarioLoadResult Load(string scenario) =>
        ScenarioLoader.TryLoad(TestPaths.Mini, scenario, ScenarioLoader.ScenariosFolder(TestPaths.Data));

    public static IReadOnlyList<Diagnostic> Errors(ScenarioLoadResult r) => r.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
