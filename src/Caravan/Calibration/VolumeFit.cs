using Caravan.Freight.Choice;

namespace Caravan.Calibration;

/// <summary>One step of the fit.</summary>
/// <param name="Round">Round (1-based).</param>
/// <param name="Constant">The constant tried.</param>
/// <param name="Value">Its value after the step.</param>
/// <param name="Objective">Σ w (ln predicted/observed)² over the fitting rows plus the ridge term, after the step.</param>
public sealed record VolumeFitStep(int Round, string Constant, double Value, double Objective);

/// <summary>The fitted parameters and the trace of the fit.</summary>
/// <param name="Parameters">The parameters with the fitted constants.</param>
/// <param name="Steps">Accepted steps.</param>
/// <param name="Objective">Final objective.</param>
/// <param name="Solution">The solution at the fitted constants.</param>
public sealed record VolumeFitResult(ChoiceParameters Parameters, IReadOnlyList<VolumeFitStep> Steps, double Objective, ChoiceSolution Solution);

/// <summary>
/// Fits the constants marked <c>fitted=yes</c> in the choice parameters to the fitting rows only: cyclic coordinate
/// search on Σ w (ln(predicted/observed))² (a log error, so a row 2× over and one 2× under weigh the same), each constant
/// tried at ± a step that halves from 1.0 to 0.125 utility units when no move improves (a value of time is multiplied
/// by e^±step instead, so it stays positive); every trial is a full
/// capacity-constrained equilibrium, warm-started. A ridge term <see cref="Ridge"/> × Σ ASC² (a prior that a
/// constant is small) keeps a few fitting rows from buying their fit with constants that explain nothing else.
/// Deterministic: the same inputs give the same constants.
/// </summary>
public static class VolumeFit
{
    /// <summary>Weight of the ridge term Σ ASC² in the objective.</summary>
    public const double Ridge = 0.01;

    /// <summary>Runs the fit.</summary>
    public static VolumeFitResult Fit(ChoiceModel model, IReadOnlyList<VolumeCase> cases, int maxRounds = 6, Action<VolumeFitStep>? progress = null, CancellationToken cancellation = default)
    {
        var fitting = cases.Where(c => c.IsFitting).ToList();
        var parameters = model.Parameters;
        var solution = ChoiceEquilibrium.Solve(model, null, cancellation);
        var best = Objective(solution, fitting) + Penalty(parameters);
        var steps = new List<VolumeFitStep>();
        var step = 1.0;
        for (var round = 1; round <= maxRounds && step >= 0.125; round++)
        {
            var improved = false;
            foreach (var constant in parameters.Fitted)
            {
                var value = parameters.ValueOf(constant);
                foreach (var delta in new[] { step, -step })
                {
                    cancellation.ThrowIfCancellationRequested();
                    var trialValue = constant.IsScale ? value * Math.Exp(delta) : value + delta;
                    var trialParameters = parameters.With(constant, trialValue);
                    var trial = ChoiceEquilibrium.Solve(model.With(trialParameters), solution, cancellation);
                    var objective = Objective(trial, fitting) + Penalty(trialParameters);
                    if (objective < best - 1e-9)
                    {
                        (best, parameters, solution, improved) = (objective, trialParameters, trial, true);
                        var s = new VolumeFitStep(round, constant.ToString(), trialValue, objective);
                        steps.Add(s);
                        progress?.Invoke(s);
                        break;
                    }
                }
            }
            if (!improved)
            {
                step /= 2;
            }
        }
        return new VolumeFitResult(parameters, steps, best, solution);
    }

    /// <summary><see cref="Ridge"/> × Σ ASC² over the fitted constants (the value of time is not penalised).</summary>
    public static double Penalty(ChoiceParameters parameters)
    {
        var sum = 0.0;
        foreach (var c in parameters.Fitted)
        {
            if (!c.IsScale)
            {
                var v = parameters.ValueOf(c);
                sum += v * v;
            }
        }
        return Ridge * sum;
    }

    /// <summary>Σ w (ln(predicted/observed))² over the rows; a zero prediction counts as 1/1000 of the observed.</summary>
    public static double Objective(ChoiceSolution solution, IReadOnlyList<VolumeCase> rows)
    {
        var sum = 0.0;
        foreach (var c in rows)
        {
            var p = Math.Max(VolumeCalibrator.Predict(solution, c).Predicted, c.Observed * 1e-3);
            var l = Math.Log(p / c.Observed);
            sum += c.Weight * l * l;
        }
        return sum;
    }
}
