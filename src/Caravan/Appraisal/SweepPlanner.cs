using System.Globalization;
using System.Text;
using Caravan.Model;
using Caravan.Scenarios;
using Caravan.Scenarios.Json;

namespace Caravan.Appraisal;

/// <summary>Turns a spec's portfolios, futures and years into self-contained run requests with their content hashes.</summary>
public sealed class SweepPlanner
{
    private readonly string _baseHash;
    private readonly string _inputsHash;
    private readonly Dictionary<ulong, Overlay> _dwell = [];

    /// <summary>Plans runs of <paramref name="spec"/> on the network of <paramref name="dataFolder"/>.</summary>
    public SweepPlanner(SweepSpec spec, string dataFolder, string baseHash)
    {
        Spec = spec;
        DataFolder = Path.GetFullPath(dataFolder);
        DemandFile = spec.DemandFile ?? Path.Combine(DataFolder, "demand", "eurasia-2024.csv");
        ParametersFile = spec.ParametersFile ?? Path.Combine(DataFolder, "demand", "choice-parameters.csv");
        _baseHash = baseHash;
        _inputsHash = RunKeys.Inputs(DemandFile, ParametersFile);
    }

    /// <summary>The spec.</summary>
    public SweepSpec Spec { get; }

    /// <summary>The data folder (full path).</summary>
    public string DataFolder { get; }

    /// <summary>The demand file.</summary>
    public string DemandFile { get; }

    /// <summary>The choice parameters file.</summary>
    public string ParametersFile { get; }

    /// <summary>The run of portfolio <paramref name="portfolio"/> (bit i = project i) in a future and year.</summary>
    public RunRequest Request(ulong portfolio, Future future, int year)
    {
        var chain = new List<Overlay>(Spec.Reference);
        var ids = new List<string>();
        for (var i = 0; i < Spec.Projects.Count; i++)
        {
            var p = Spec.Projects[i];
            if ((portfolio & (1UL << i)) != 0 && p.OpeningYear <= year)
            {
                chain.AddRange(p.Overlays);
                ids.Add(p.Id);
            }
        }
        if (future.BorderDwellFactor != 1)
        {
            chain.Add(DwellOverlay(future.BorderDwellFactor));
        }
        var doc = Document(future);
        var networkHash = ContentHash.ComputeOnBase(_baseHash, chain);
        var key = RunKeys.Compute(networkHash, _inputsHash, doc, year);
        var overlays = chain.Select(o => Encoding.UTF8.GetString(ContentHash.Canonical(o.Root))).ToList();
        return new RunRequest(key, networkHash, DataFolder, DemandFile, ParametersFile, overlays, ids, doc, year);
    }

    /// <summary>A future as plain data.</summary>
    public static FutureDocument Document(Future f) => new(
        f.Id,
        new SortedDictionary<string, double>(f.DemandGrowthPerYear.ToDictionary(kv => kv.Key.Name(), kv => kv.Value), StringComparer.Ordinal),
        new SortedDictionary<string, double>(f.TariffFactor.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal),
        f.BorderDwellFactor);

    private Overlay DwellOverlay(double factor)
    {
        var bits = BitConverter.DoubleToUInt64Bits(factor);
        if (_dwell.TryGetValue(bits, out var cached))
        {
            return cached;
        }
        // The future's border dwell as an ordinary overlay, so it goes through the one overlay pipeline and its hash.
        var f = factor.ToString("R", CultureInfo.InvariantCulture);
        var json = $$$"""{"name":"future-border-dwell","description":"border dwell × {{{f}}} (a sweep future)","changes":[{"op":"scale","on":"crossings","where":{"status":["operating","construction","planned"]},"factors":{"dwell_hours":{{{f}}}}}]}""";
        var bag = new DiagnosticBag();
        var root = LocatedJsonParser.Parse(Encoding.UTF8.GetBytes(json), "future", bag);
        var overlay = root is null ? null : OverlayReader.Read(root, "future", bag);
        bag.ThrowIfErrors("cannot build the border-dwell overlay");
        _dwell[bits] = overlay!;
        return overlay!;
    }
}
