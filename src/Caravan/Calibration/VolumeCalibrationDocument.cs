namespace Caravan.Calibration;

/// <summary>One observed volume against the model, as <c>calibrate --volumes --json</c> and <c>flows --json</c> print it.</summary>
/// <param name="Id">Row id.</param>
/// <param name="Observed">Observed quantity per year.</param>
/// <param name="Predicted">The model's.</param>
/// <param name="Unit">Mt, bcm or TEU.</param>
/// <param name="Error">(predicted − observed) / observed.</param>
/// <param name="Factor">max(predicted/observed, observed/predicted).</param>
/// <param name="Split">fitting or test.</param>
/// <param name="Kind">corridor or pipeline.</param>
/// <param name="Year">Year of the observation.</param>
/// <param name="WithinTarget">Within ±25% (pipelines) or ±35% (corridors) and 2×.</param>
/// <param name="Links">Routing edges the selector matched.</param>
/// <param name="Sources">Source ids.</param>
public sealed record VolumeRowDocument(string Id, double Observed, double Predicted, string Unit, double Error, double Factor, string Split, string Kind, int Year, bool WithinTarget, int Links, IReadOnlyList<string> Sources)
{
    /// <summary>The document of one result.</summary>
    public static VolumeRowDocument Of(VolumeResult r) =>
        new(r.Case.Id, r.Case.Observed, r.Predicted, r.Case.Unit, r.Error, r.Factor, r.Case.Split, r.Case.Kind, r.Case.Year, r.WithinTarget, r.Links, r.Case.SourceIds);
}

/// <summary>A split's summary.</summary>
/// <param name="Split">fitting, test or all.</param>
/// <param name="Rows">Rows.</param>
/// <param name="Mape">Weighted MAPE.</param>
/// <param name="WorstFactor">Largest factor off.</param>
/// <param name="WithinTarget">Rows within their target.</param>
public sealed record VolumeSplitDocument(string Split, int Rows, double Mape, double WorstFactor, int WithinTarget);

/// <summary>What <c>caravan calibrate --volumes FILE --json</c> prints.</summary>
/// <param name="Volumes">Per row.</param>
/// <param name="Mape">Weighted MAPE of the test split (all rows when there is none).</param>
/// <param name="MapeSplit">The split <paramref name="Mape"/> is of.</param>
/// <param name="Splits">Per split.</param>
/// <param name="MaxUtilisation">Largest flow over capacity.</param>
/// <param name="Converged">The equilibrium's converged flag.</param>
/// <param name="Iterations">Its iterations.</param>
/// <param name="FitSteps">Accepted steps of the fit (0 without <c>--fit</c>).</param>
public sealed record VolumeCalibrationDocument(IReadOnlyList<VolumeRowDocument> Volumes, double Mape, string MapeSplit, IReadOnlyList<VolumeSplitDocument> Splits, double MaxUtilisation, bool Converged, int Iterations, int FitSteps)
{
    /// <summary>The document of a report.</summary>
    public static VolumeCalibrationDocument Of(VolumeReport report, int iterations, int fitSteps) => new(
        [.. report.Results.Select(VolumeRowDocument.Of)],
        report.Test.WeightedMape,
        report.Test.Split,
        [.. report.Splits.Select(s => new VolumeSplitDocument(s.Split, s.Rows, s.WeightedMape, s.WorstFactor, s.WithinTarget))],
        report.MaxUtilisation,
        report.Converged,
        iterations,
        fitSteps);
}
