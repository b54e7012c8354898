namespace Caravan.Tests.Appraisal;

/// <summary>Sweep specs for the tests, written to a temporary folder with overlay paths into the repository's data.</summary>
internal static class SweepSpecs
{
    public static string Folder { get; } = Directory.CreateTempSubdirectory("caravan-sweep-").FullName;

    public static string Overlay(string relative) => Path.Combine(TestPaths.Data, relative).Replace("\\", "/", StringComparison.Ordinal);

    /// <summary>Two projects (4 portfolios) × <paramref name="futures"/> drawn futures × one year: 4 × futures distinct runs.</summary>
    public static string Small(int futures, string name = "test-small") => Write(name, $$"""
        {
          "name": "{{name}}",
          "description": "two projects, drawn futures, one year",
          "reference": "{{Overlay("sweeps/projects/do-minimum.json")}}",
          "years": [2035],
          "horizonYear": 2050,
          "priceBaseYear": 2026,
          "discountRate": 0.06,
          "projects": [
            { "id": "cku", "overlay": "{{Overlay("scenarios/cku-railway.json")}}", "capitalCostUsd": 8e9, "openingYear": 2030, "sources": ["S211"] },
            { "id": "khorgos", "overlay": "{{Overlay("sweeps/projects/khorgos-capacity.json")}}", "capitalCostUsd": 3e8, "openingYear": 2028, "sources": ["S059"] }
          ],
          "futures": { "monteCarlo": { "count": {{futures}}, "seed": 5, "demandGrowth": { "container": { "distribution": "uniform", "min": 0, "max": 0.05 } }, "borderDwellFactor": { "distribution": "uniform", "min": 0.7, "max": 1.3 } } },
          "portfolios": { "strategy": "all" }
        }
        """);

    public static string Write(string name, string json)
    {
        var path = Path.Combine(Folder, name + ".json");
        File.WriteAllText(path, json);
        return path;
    }
}
