using System.Reflection;
using Caravan.Data;
using Caravan.Model;

namespace Caravan.Tests;

/// <summary>Where the repository, fixtures and shared benchmark data are.</summary>
internal static class TestPaths
{
    public static string Root { get; } = FindRoot();

    public static string Data => Path.Combine(Root, "data");

    public static string Mini => Path.Combine(Root, "tests", "Caravan.Tests", "Fixtures", "mini");

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        var attr = typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "CaravanRoot");
        if (attr?.Value is { Length: > 0 } root && Directory.Exists(root))
        {
            return Path.GetFullPath(root);
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Caravan.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("cannot find the repository root");
    }

    private static readonly Lazy<Network> MiniNetwork = new(() => NetworkReader.ReadFolder(Mini));

    public static Network LoadMini() => MiniNetwork.Value;

    /// <summary>Copies the mini fixture to a fresh temporary folder a test may corrupt.</summary>
    public static string CopyMini()
    {
        var dir = Path.Combine(Path.GetTempPath(), "caravan-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.GetFiles(Mini))
        {
            File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        }
        return dir;
    }
}
