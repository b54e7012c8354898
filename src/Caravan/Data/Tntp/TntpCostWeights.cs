using System.Globalization;
using System.Text.RegularExpressions;

namespace Caravan.Data.Tntp;

/// <summary>
/// The generalized-cost weights of a TNTP network: cost = BPR time + toll factor × toll + distance factor × length.
/// Some networks state them only in prose: ChicagoSketch's README says "Distance: 0.04 minutes/mile" under
/// "## Generalized Cost Weights", and without it its best-known flows show a gap of ~2e-4 instead of ~1e-13.
/// Rule (no configuration file needed), first hit wins:
/// 1. an explicit option (<see cref="TntpOptions"/>, the CLI's --distance-factor / --toll-factor);
/// 2. <c>&lt;DISTANCE FACTOR&gt;</c> / <c>&lt;TOLL FACTOR&gt;</c> in the <c>_net</c> header (the form tap-b reads);
/// 3. the "Generalized Cost Weights" section of <c>README.md</c> next to the <c>_net</c> file, as a number
///    followed by a unit ("0.04 minutes/mile"; a bare "0" also counts);
/// 4. zero.
/// </summary>
public static partial class TntpCostWeights
{
    /// <summary>Where a factor came from, for reports.</summary>
    public enum Source
    {
        /// <summary>Nothing said: zero.</summary>
        Default,
        /// <summary>Given by the caller.</summary>
        Option,
        /// <summary>The _net file header.</summary>
        NetHeader,
        /// <summary>The folder README.</summary>
        Readme,
    }

    /// <summary>Resolves both factors by the rule above.</summary>
    public static (double Distance, Source DistanceSource, double Toll, Source TollSource) Resolve(TntpOptions options, TntpNetwork network, string? readmePath)
    {
        var readme = readmePath is not null && File.Exists(readmePath) ? ReadReadme(readmePath) : (null, null);
        var (distance, distanceSource) = Pick(options.DistanceFactor, network.DistanceFactor, readme.Distance);
        var (toll, tollSource) = Pick(options.TollFactor, network.TollFactor, readme.Toll);
        return (distance, distanceSource, toll, tollSource);
    }

    /// <summary>A weight line is short; longer lines are not matched, so a huge line cannot make the regex backtrack for ages.</summary>
    public const int MaxWeightLineLength = 256;

    /// <summary>Reads "Toll:" and "Distance:" numbers from the "Generalized Cost Weights" section of a README.</summary>
    /// <exception cref="CaravanDataException">The README exists but cannot be read.</exception>
    public static (double? Distance, double? Toll) ReadReadme(string path)
    {
        try
        {
            using var reader = TntpFiles.Open(path);
            return ParseReadme(Lines(reader));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CaravanDataException(new Diagnostic(path, 0, "README.md", $"cannot read: {e.Message}"));
        }
    }

    private static IEnumerable<string> Lines(TextReader reader)
    {
        var source = new LineSource(reader);
        while (source.Next(out var line))
        {
            yield return line;
        }
    }

    private static (double? Distance, double? Toll) ParseReadme(IEnumerable<string> lines)
    {
        double? distance = null, toll = null;
        var inSection = false;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith('#'))
            {
                inSection = line.Contains("Generalized Cost Weights", StringComparison.OrdinalIgnoreCase);
                continue;
            }
            if (!inSection || line.Length > MaxWeightLineLength)
            {
                continue;
            }
            var match = WeightLine().Match(line);
            if (!match.Success || !double.TryParse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                continue;
            }
            if (match.Groups["name"].Value.Equals("Distance", StringComparison.OrdinalIgnoreCase))
            {
                distance ??= value;
            }
            else
            {
                toll ??= value;
            }
        }
        return (distance, toll);
    }

    private static (double, Source) Pick(double? option, double? header, double? readme)
        => option is double o ? (o, Source.Option)
            : header is double h ? (h, Source.NetHeader)
            : readme is double r ? (r, Source.Readme)
            : (0, Source.Default);

    [GeneratedRegex(@"^(?<name>Toll|Distance)\s*:\s*(?<value>[-+]?[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WeightLine();
}
