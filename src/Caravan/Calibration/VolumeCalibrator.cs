using Caravan.Freight;
using Caravan.Freight.Choice;
using Caravan.Model;
using Caravan.Routing;

namespace Caravan.Calibration;

/// <summary>Predicted against observed for one volume row.</summary>
/// <param name="Case">The row.</param>
/// <param name="Predicted">Predicted quantity per year in the row's unit.</param>
/// <param name="Links">Routing edges the selector matched.</param>
public sealed record VolumeResult(VolumeCase Case, double Predicted, int Links)
{
    /// <summary>(predicted − observed) / observed.</summary>
    public double Error => (Predicted - Case.Observed) / Case.Observed;

    /// <summary>max(predicted/observed, observed/predicted): how many times off.</summary>
    public double Factor => Predicted <= 0 ? double.PositiveInfinity : Math.Max(Predicted / Case.Observed, Case.Observed / Predicted);

    /// <summary>The row's target: ±25% for pipelines, ±35% for corridors, and never off by more than 2×.</summary>
    public bool WithinTarget => Math.Abs(Error) <= (Case.Kind == "pipeline" ? 0.25 : 0.35) && Factor <= 2;
}

/// <summary>Summary of one split.</summary>
/// <param name="Split">fitting, test or all.</param>
/// <param name="Rows">Rows in it.</param>
/// <param name="WeightedMape">Σ w |error| / Σ w.</param>
/// <param name="WorstFactor">Largest factor off.</param>
/// <param name="WithinTarget">Rows within their target.</param>
public sealed record VolumeSplitSummary(string Split, int Rows, double WeightedMape, double WorstFactor, int WithinTarget);

/// <summary>What the volume calibration shows.</summary>
/// <param name="Results">Per row.</param>
/// <param name="Splits">Per split (fitting, test, all).</param>
/// <param name="MaxUtilisation">Largest flow over capacity in the solution.</param>
/// <param name="Converged">The equilibrium's converged flag.</param>
public sealed record VolumeReport(IReadOnlyList<VolumeResult> Results, IReadOnlyList<VolumeSplitSummary> Splits, double MaxUtilisation, bool Converged)
{
    /// <summary>The test split's summary (or all rows when there is no test row).</summary>
    public VolumeSplitSummary Test => Splits.FirstOrDefault(s => s.Split == "test" && s.Rows > 0) ?? Splits.First(s => s.Split == "all");
}

/// <summary>Measures a choice-model solution against observed volumes.</summary>
public static class VolumeCalibrator
{
    /// <summary>The predicted quantity of every row and the MAPE per split.</summary>
    public static VolumeReport Compare(ChoiceSolution solution, IReadOnlyList<VolumeCase> cases)
    {
        var results = cases.Select(c => Predict(solution, c)).ToList();
        var splits = new List<VolumeSplitSummary>();
        foreach (var split in new[] { "fitting", "test", "all" })
        {
            var rows = results.Where(r => split == "all" || r.Case.Split == split).ToList();
            splits.Add(Summarise(split, rows));
        }
        return new VolumeReport(results, splits, solution.MaxUtilisation(), solution.Converged);
    }

    /// <summary>Weighted MAPE and worst factor of some rows.</summary>
    public static VolumeSplitSummary Summarise(string split, IReadOnlyList<VolumeResult> rows)
    {
        var w = rows.Sum(r => r.Case.Weight);
        var mape = w > 0 ? rows.Sum(r => r.Case.Weight * Math.Abs(r.Error)) / w : 0;
        return new VolumeSplitSummary(split, rows.Count, mape, rows.Count > 0 ? rows.Max(r => r.Factor) : 1, rows.Count(r => r.WithinTarget));
    }

    /// <summary>The flow the selector of <paramref name="c"/> picks out of the solution, in its unit.</summary>
    public static VolumeResult Predict(ChoiceSolution solution, VolumeCase c)
    {
        var g = solution.Model.Graph;
        var net = g.Network;
        var domestic = c.FromCountries.Count == 1 && c.ToCountries.Count == 1 && c.FromCountries.SetEquals(c.ToCountries);
        var commodity = c.Commodity ?? (c.Unit == "TEU" ? Commodity.Container : null);
        var flow = commodity is { } k ? solution.EdgeTonnesByClass[(int)k] : solution.EdgeTonnes;
        var tonnes = 0.0;
        var links = 0;
        for (var e = 0; e < g.EdgeCount; e++)
        {
            if (!ClassCosts.IsLink(g, e) || (c.Modes.Count > 0 && !c.Modes.Contains(g.EdgeMode[e])))
            {
                continue;
            }
            var tail = g.VertexPlace[g.Tail[e]];
            var head = g.VertexPlace[g.Head[e]];
            var from = net.Places[tail].Country;
            var to = net.Places[head].Country;
            if (!c.FromCountries.Contains(from) || !c.ToCountries.Contains(to) || (from == to && !domestic))
            {
                continue;
            }
            if (c.ViaPlaces.Count > 0 && !c.ViaPlaces.Contains(tail) && !c.ViaPlaces.Contains(head))
            {
                continue;
            }
            links++;
            tonnes += flow[e];
        }
        var units = solution.Model.Units;
        var predicted = c.Unit switch
        {
            "bcm" => tonnes / FreightUnits.TonnesPerBcm,
            "TEU" => tonnes / (units.TonnesPerFeu / 2),
            _ => tonnes / 1e6,
        };
        return new VolumeResult(c, predicted, links);
    }
}
