using System.Reflection;

namespace Caravan.Web.Tests;

/// <summary>Where the repository and the mini fixture are.</summary>
internal static class WebTestPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The hand-made network fixture (Xi'an, Duisburg, the Caspian ferry, the RU/BY north route).</summary>
    public static string Mini => Path.Combine(Root, "tests", "Caravan.Tests", "Fixtures", "mini");

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
