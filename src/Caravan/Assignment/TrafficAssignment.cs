namespace Caravan.Assignment;

/// <summary>Entry point of the assignment core: pick an algorithm, run it to a stop rule, get flows and convergence.</summary>
public static class TrafficAssignment
{
    /// <summary>
    /// Solves the static multi-class user equilibrium of <paramref name="problem"/> (or a single all-or-nothing loading).
    /// </summary>
    /// <param name="problem">Network and demand.</param>
    /// <param name="options">Algorithm and stop rules.</param>
    /// <param name="progress">Called after every iteration on the solving thread; keep it cheap.</param>
    /// <param name="cancellation">Cancels the run between and within iterations.</param>
    /// <exception cref="Caravan.Diagnostics.CaravanDataException">Some OD pair with demand has no path.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static AssignmentResult Solve(AssignmentProblem problem, AssignmentOptions options, Action<IterationReport>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        if (!(options.TargetRelativeGap >= 0) || options.MaxIterations < 1 || options.Threads < 0)
        {
            throw new ArgumentException("target gap must be ≥ 0, max iterations ≥ 1 and threads ≥ 0");
        }
        if (options.MeasureProportionality && !RouteFlowProportionality.Supports(options.Algorithm))
        {
            throw new ArgumentException($"proportionality needs per-origin flows, which {options.Algorithm} does not keep (use Algorithm B)");
        }
        if (problem.LinksWithoutFiniteCost() is { Count: > 0 } overflowing)
        {
            // Validated readers catch this with file and line (TNTP); this guard covers every other way in.
            var demand = problem.TotalDemand;
            throw new Caravan.Diagnostics.CaravanDataException([.. overflowing.Take(20).Select(a => new Caravan.Diagnostics.Diagnostic("network", 0, $"link {a + 1}",
                $"at the total demand {demand:G4} its cost is {problem.Network.Costs.Cost(a, demand):G4}: not finite, or Σ flow × cost above {AssignmentProblem.MaxTotalCost:G0}; check its capacity and the demand"))]);
        }
        var monitor = new RunMonitor(options, progress, cancellation);
        return options.Algorithm == AssignmentAlgorithm.AlgorithmB
            ? new AlgorithmB(problem, options, monitor).Solve()
            : new LinkBasedSolver(problem, options, monitor).Solve();
    }
}
