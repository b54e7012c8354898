using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Caravan.Scenarios;

namespace Caravan.Appraisal;

/// <summary>
/// The content hash that keys a run: SHA-256 over the model version, the network's hash (data files and overlay
/// chain), the demand and parameter files' bytes, the future's values and the year. Two runs with the same key give
/// the same result, so a re-run skips every key the run store already holds.
/// </summary>
public static class RunKeys
{
    /// <summary>
    /// Version of what a run computes (the choice model and the metrics recorded). Raise it when either changes, so
    /// stored results of the old model are not reused.
    /// </summary>
    public const string ModelVersion = "caravan-appraisal-1";

    /// <summary>The key of a run.</summary>
    public static string Compute(string networkHash, string inputsHash, FutureDocument future, int year)
    {
        var sb = new StringBuilder();
        sb.Append(ModelVersion).Append('\n').Append(networkHash).Append('\n').Append(inputsHash).Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"year {year}\ndwell {future.BorderDwellFactor:R}\n");
        foreach (var (k, v) in future.DemandGrowthPerYear.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"growth {k} {v:R}\n");
        }
        foreach (var (k, v) in future.TariffFactor.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"tariff {k} {v:R}\n");
        }
        return ContentHash.Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>Hash of the demand and parameter files' bytes.</summary>
    public static string Inputs(string demandFile, string parametersFile)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var f in new[] { demandFile, parametersFile })
        {
            var bytes = System.IO.File.Exists(f) ? System.IO.File.ReadAllBytes(f) : [];
            sha.AppendData(Encoding.UTF8.GetBytes($"{Path.GetFileName(f)} {bytes.Length}\n"));
            sha.AppendData(bytes);
        }
        return ContentHash.Prefix + Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
