using Caravan.Data.Omx;

namespace Caravan.Skims;

/// <summary>A skim matrix as an OMX file: matrices hours, p90_hours, cost_usd, co2e_kg, distance_km; lookups origins, destinations.</summary>
public static class SkimOmx
{
    /// <summary>The matrix names written.</summary>
    public static readonly IReadOnlyList<string> MatrixNames = ["hours", "p90_hours", "cost_usd", "co2e_kg", "distance_km"];

    /// <summary>Writes the matrix to an OMX file.</summary>
    public static void Write(SkimMatrix m, string path)
    {
        var matrices = new Dictionary<string, double[]>
        {
            ["hours"] = m.Hours,
            ["p90_hours"] = m.P90Hours,
            ["cost_usd"] = m.CostUsd,
            ["co2e_kg"] = m.Co2eKg,
            ["distance_km"] = m.DistanceKm,
        };
        var lookups = new Dictionary<string, int[]>
        {
            ["origins"] = [.. m.Request.Origins.Select(p => p + 1)],
            ["destinations"] = [.. m.Request.Destinations.Select(p => p + 1)],
        };
        OmxFile.Write(path, m.Rows, m.Columns, matrices, lookups);
    }
}
