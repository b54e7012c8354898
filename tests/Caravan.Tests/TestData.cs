using System.Reflection;

namespace Caravan.Tests;

/// <summary>Locates shared test data: the repository root comes from the assembly's "CaravanRoot" metadata.</summary>
internal static class TestData
{
    public static string RepositoryRoot { get; } = typeof(TestData).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "CaravanRoot").Value!;

    /// <summary>The shared TNTP networks: <c>&lt;CaravanRoot&gt;/../shared/tntp</c>.</summary>
    public static string TntpRoot { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "tntp"));

    public static string Tntp(string network) => Path.Combine(TntpRoot, network);
}
