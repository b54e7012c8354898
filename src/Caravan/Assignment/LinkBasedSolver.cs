namespace Caravan.Assignment;

/// <summary>
/// The link-based family: all-or-nothing, MSA, Frank–Wolfe, conjugate and bi-conjugate Frank–Wolfe.
/// They differ only in the target point (y, or a conjugate combination with earlier targets) and the step
/// (1/k or exact line search); flows are kept per class so multi-class masks hold.
/// </summary>
internal sealed class LinkBasedSolver
{
    private readonly AssignmentProblem _problem;
    private readonly AssignmentAlgorithm _algorithm;
    private readonly AllOrNothingLoader _loader;
    private readonly RunMonitor _monitor;

    public LinkBasedSolver(AssignmentProblem problem, AssignmentOptions options, RunMonitor monitor)
    {
        _problem = problem;
        _algorithm = options.Algorithm;
        _loader = new AllOrNothingLoader(problem, new OriginWork(problem), options.EffectiveThreads);
        _monitor = monitor;
    }

    public AssignmentResult Solve()
    {
        var network = _problem.Network;
        var costs = network.Costs;
        var links = network.LinkCount;
        var classes = _problem.Classes.Count;
        var x = NewFlows(classes, links);   // current point per class
        var y = NewFlows(classes, links);   // all-or-nothing point per class
        var s = NewFlows(classes, links);   // target point per class
        var s1 = NewFlows(classes, links);  // previous target
        var s2 = NewFlows(classes, links);  // target before that
        var total = new double[links];
        var totalY = new double[links];
        var totalS = new double[links];
        var totalS1 = new double[links];
        var totalS2 = new double[links];
        var direction = new double[links];
        var cost = new double[links];
        var hessian = new double[links];

        costs.Costs(total, cost);
        _loader.Load(cost, x);
        var iteration = 0;
        var previousStep = 1.0;
        var conjugateHistory = 0; // how many previous target points are valid for conjugation
        StopReason? stop;
        double gap, objective, tstt, sptt;
        while (true)
        {
            iteration++;
            Sum(x, total);
            costs.Costs(total, cost);
            tstt = Convergence.TotalSystemTravelTime(total, cost);
            objective = costs.Beckmann(total);
            if (_algorithm == AssignmentAlgorithm.AllOrNothing)
            {
                sptt = _loader.ShortestPathTravelTime(cost);
                gap = Convergence.RelativeGap(tstt, sptt);
                _monitor.Record(iteration, gap, objective, tstt);
                stop = StopReason.Completed;
                break;
            }
            sptt = _loader.Load(cost, y);
            gap = Convergence.RelativeGap(tstt, sptt);
            stop = _monitor.Record(iteration, gap, objective, tstt);
            if (stop is not null)
            {
                break;
            }
            Sum(y, totalY);
            var (b0, b1, b2) = TargetWeights(total, totalY, totalS1, totalS2, hessian, previousStep, ref conjugateHistory);
            for (var c = 0; c < classes; c++)
            {
                Combine(s[c], y[c], s1[c], s2[c], b0, b1, b2);
            }
            Combine(totalS, totalY, totalS1, totalS2, b0, b1, b2);
            for (var a = 0; a < links; a++)
            {
                direction[a] = totalS[a] - total[a];
            }
            if (b0 < 1 && LineSearch.Derivative(costs, total, direction, 0) >= 0)
            {
                // The conjugate point is not a descent direction here: restart from plain Frank–Wolfe.
                conjugateHistory = 0;
                for (var c = 0; c < classes; c++)
                {
                    Array.Copy(y[c], s[c], links);
                }
                Array.Copy(totalY, totalS, links);
                for (var a = 0; a < links; a++)
                {
                    direction[a] = totalS[a] - total[a];
                }
            }
            var step = _algorithm == AssignmentAlgorithm.Msa ? 1.0 / (iteration + 1) : LineSearch.Step(costs, total, direction);
            for (var c = 0; c < classes; c++)
            {
                var xc = x[c];
                var sc = s[c];
                for (var a = 0; a < links; a++)
                {
                    xc[a] += step * (sc[a] - xc[a]);
                }
            }
            previousStep = step;
            (s2, s1, s) = (s1, s, s2);
            (totalS2, totalS1, totalS) = (totalS1, totalS, totalS2);
            conjugateHistory = Math.Min(conjugateHistory + 1, 2);
        }
        return new AssignmentResult
        {
            LinkFlow = total,
            ClassLinkFlow = x,
            LinkCost = cost,
            RelativeGap = gap,
            Objective = objective,
            TotalSystemTravelTime = tstt,
            ShortestPathTravelTime = sptt,
            Iterations = iteration,
            Elapsed = _monitor.Elapsed,
            StopReason = stop.Value,
            History = _monitor.History,
        };
    }

    /// <summary>Weights of (y, s₁, s₂) in the new target point, by algorithm and by how many earlier targets exist.</summary>
    private (double B0, double B1, double B2) TargetWeights(double[] x, double[] y, double[] s1, double[] s2, double[] hessian, double previousStep, ref int history)
    {
        var useConjugate = _algorithm is AssignmentAlgorithm.ConjugateFrankWolfe or AssignmentAlgorithm.BiconjugateFrankWolfe;
        if (!useConjugate || history == 0)
        {
            return (1, 0, 0);
        }
        var costs = _problem.Network.Costs;
        for (var a = 0; a < x.Length; a++)
        {
            hessian[a] = costs.Derivative(a, x[a]);
        }
        if (_algorithm == AssignmentAlgorithm.BiconjugateFrankWolfe && history >= 2
            && BiconjugateDirection.Betas(x, y, s1, s2, hessian, previousStep, out var b0, out var b1, out var b2))
        {
            return (b0, b1, b2);
        }
        var alpha = ConjugateDirection.Alpha(x, y, s1, hessian);
        if (alpha == 0)
        {
            history = 0;
        }
        return (1 - alpha, alpha, 0);
    }

    private static void Combine(double[] target, double[] y, double[] s1, double[] s2, double b0, double b1, double b2)
    {
        for (var a = 0; a < target.Length; a++)
        {
            target[a] = (b0 * y[a]) + (b1 * s1[a]) + (b2 * s2[a]);
        }
    }

    private static void Sum(double[][] perClass, double[] total)
    {
        Array.Copy(perClass[0], total, total.Length);
        for (var c = 1; c < perClass.Length; c++)
        {
            var f = perClass[c];
            for (var a = 0; a < total.Length; a++)
            {
                total[a] += f[a];
            }
        }
    }

    private static double[][] NewFlows(int classes, int links)
    {
        var flows = new double[classes][];
        for (var c = 0; c < classes; c++)
        {
            flows[c] = new double[links];
        }
        return flows;
    }
}
