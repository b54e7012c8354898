using System.Globalization;
using Caravan.Assignment;

namespace Caravan.Bench;

/// <summary>Command-line arguments of the harness.</summary>
internal sealed record BenchArguments(
    string Root,
    string[] Networks,
    KeyValuePair<string, AssignmentAlgorithm>[] Algorithms,
    int[] Threads,
    int Repeat,
    double TimeLimitSeconds)
{
    private static readonly Dictionary<string, AssignmentAlgorithm> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["b"] = AssignmentAlgorithm.AlgorithmB,
        ["bfw"] = AssignmentAlgorithm.BiconjugateFrankWolfe,
        ["cfw"] = AssignmentAlgorithm.ConjugateFrankWolfe,
        ["fw"] = AssignmentAlgorithm.FrankWolfe,
        ["msa"] = AssignmentAlgorithm.Msa,
    };

    public static BenchArguments? Parse(string[] args)
    {
        string? root = null;
        var networks = new[] { "SiouxFalls", "Anaheim", "Barcelona", "Winnipeg", "ChicagoSketch" };
        var algorithms = new[] { "b", "bfw", "cfw", "fw", "msa" };
        var threads = new[] { 1 };
        var repeat = 3;
        var timeLimit = 30.0;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--tntp": root = value; break;
                case "--networks": networks = value.Split(','); break;
                case "--algorithms": algorithms = value.Split(','); break;
                case "--threads": threads = [.. value.Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture))]; break;
                case "--repeat": repeat = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--time-limit": timeLimit = double.Parse(value, CultureInfo.InvariantCulture); break;
                default: return null;
            }
        }
        if (root is null || args.Length % 2 != 0 || algorithms.Any(a => !Names.ContainsKey(a)) || repeat < 1)
        {
            return null;
        }
        return new BenchArguments(root, networks, [.. algorithms.Select(a => KeyValuePair.Create(a.ToLowerInvariant(), Names[a]))], threads, repeat, timeLimit);
    }
}
