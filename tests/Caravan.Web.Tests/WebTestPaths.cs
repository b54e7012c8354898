using System.Reflection;

namespace Caravan.Web.Tests;

/// <summary>Where the repository and the mini fixture are.</summary>
internal static class WebTestPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The hand-made network fixture (Xi'an, Duisburg, the Caspian ferry, the RU/BY north route).</summary>
    public static string Mini => Path.Combine(Root, "tests", "Caravan.Tests", "Fixtures", "mini");

    /// <summary>The shipped scenarios (they select by corridor and country, so they apply to the mini fixture too).</summary>
    public static string Scenarios => Path.Combine(Root, "data", "scenarios");

    /// <summary>A fresh copy of the mini fixture with its demand.csv as <c>demand/mini.csv</c>; the caller deletes it.</summary>
    public static string CopyMiniWithDemand()
    {
        var folder = Path.Combine(Path.GetTempPath(), "caravan-web-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(folder, "demand"));
        foreach (var f in Directory.GetFiles(Mini, "*.csv"))
        {
            if (Path.GetFileName(f) == "demand.csv")
            {
                File.Copy(f, Path.Combine(folder, "demand", "mini.csv"));
            }
            else
            {
                File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
            }
        }
        // The freight model's choice parameters sit beside the demand sets.
        File.Copy(Path.Combine(Mini, "demand", "choice-parameters.csv"), Path.Combine(folder, "demand", "choice-parameters.csv"));
        return folder;
    }

    private static string FindRoot()
    {
        var attr = typeof(WebTestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "CaravanRoot");
        if (attr?.Value is { Length: > 0 } root && Directory.Exists(root))
        {
            return Path.GetFullPath(root);
        }
        throw new InvalidOperationException("cannot find the repository root");
    }
}
