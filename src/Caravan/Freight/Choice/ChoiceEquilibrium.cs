using Caravan.Model;
using Caravan.Routing;

namespace Caravan.Freight.Choice;

/// <summary>
/// Stochastic user equilibrium with explicit capacity constraints (Bell 1995; the shadow-price form of
/// capacity-constrained assignment): route flows are the nested-logit shares of each OD's demand at generalized cost
/// plus the shadow prices λ_a of the capacitated elements on the route; λ_a rises while the element is above capacity
/// and falls to zero while it has room (a dual ascent with a per-element adaptive step). At the solution no element
/// carries more than its capacity unless every option of some flow crosses it, and λ_a is what a tonne would pay to
/// get through (the queue's price). Deterministic: the same inputs give the same flows on any machine and thread count (<see cref="ChoiceOptions.Threads"/>).
/// </summary>
public static class ChoiceEquilibrium
{
    /// <summary>Solves the model; <paramref name="start"/> warm-starts the shadow prices (same graph).</summary>
    /// <param name="model">The model.</param>
    /// <param name="start">Solution to warm-start from (null = shadow prices 0).</param>
    /// <param name="cancellation">Stops the ascent.</param>
    /// <param name="progress">Called after every iteration; its relative gap is the capacity excess max(0, utilisation − 1).</param>
    public static ChoiceSolution Solve(ChoiceModel model, ChoiceSolution? start = null, CancellationToken cancellation = default, Action<Assignment.IterationReport>? progress = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var g = model.Graph;
        var options = model.Options;
        var edges = g.EdgeCount;
        var capacity = model.CapacityTonnes;
        var shadow = start is null ? new double[edges] : (double[])start.ShadowUsdPerTonne.Clone();
        var step = new double[edges];
        var lastSign = new sbyte[edges];
        var load = new double[edges];
        var costWeighted = new double[edges];
        var rows = model.Demand.Count;
        var probabilities = new double[rows][];
        var logsums = new double[rows];
        var pathSize = new double[rows][];
        var builder = new ChoiceSetBuilder(g);
        var bulkShadow = new double[edges];
        for (var i = 0; i < rows; i++)
        {
            pathSize[i] = PathSizeTerms(g, model.Routes[i]);
        }
        var iterations = 0;
        double maxUtilisation;
        var converged = false;
        for (var it = 0; it < options.MaxIterations; it++)
        {
            cancellation.ThrowIfCancellationRequested();
            iterations = it + 1;
            if (it > 0 && options.RegenerateEvery > 0 && it % options.RegenerateEvery == 0)
            {
                Generate();
            }
            Load(model, shadow, pathSize, probabilities, logsums, load, costWeighted);
            maxUtilisation = 0;
            var slack = false;
            for (var e = 0; e < edges; e++)
            {
                if (double.IsPositiveInfinity(capacity[e]))
                {
                    continue;
                }
                var u = load[e] / capacity[e];
                // An element whose shadow price is at its cap cannot be relieved (every option of a flow crosses it).
                var stuck = shadow[e] >= 10 * (costWeighted[e] / Math.Max(load[e], 1e-9)) * 0.999;
                maxUtilisation = Math.Max(maxUtilisation, stuck ? 0 : u);
                if (shadow[e] > 0 && u < 1 - (4 * options.CapacityTolerance))
                {
                    slack = true;
                }
            }
            progress?.Invoke(new Assignment.IterationReport(iterations, Math.Max(0, maxUtilisation - 1), 0, 0, clock.Elapsed));
            if (maxUtilisation <= 1 + options.CapacityTolerance && !slack)
            {
                // Capacity is met at these shadow prices, but the choice sets were built at uncongested costs: a route
                // that avoids the priced elements may be missing. The equilibrium holds only when each OD's cheapest
                // route at the final prices is in its set, so generate once more and go on if any route joined.
                if (options.RegenerateEvery <= 0 || Generate() == 0)
                {
                    converged = true;
                    break;
                }
                continue;
            }
            for (var e = 0; e < edges; e++)
            {
                if (double.IsPositiveInfinity(capacity[e]) || (load[e] <= 0 && shadow[e] <= 0))
                {
                    continue;
                }
                var over = (load[e] / capacity[e]) - 1;
                if (over <= 0 && shadow[e] <= 0)
                {
                    continue;
                }
                var meanCost = load[e] > 0 ? costWeighted[e] / load[e] : 1;
                sbyte sign = over > 0 ? (sbyte)1 : (sbyte)-1;
                step[e] = step[e] == 0 ? 0.02 * meanCost : sign == lastSign[e] ? Math.Min(step[e] * 1.3, 0.5 * meanCost) : step[e] * 0.5;
                lastSign[e] = sign;
                // An element every option of a flow must cross cannot be relieved: the cap keeps λ finite there.
                shadow[e] = Math.Clamp(shadow[e] + (sign * step[e]), 0, 10 * meanCost);
            }
        }
        // The flows of the final shadow prices.
        Load(model, shadow, pathSize, probabilities, logsums, load, costWeighted);
        return new ChoiceSolution(model, shadow, probabilities, logsums, iterations, converged);

        // Column generation: each OD's cheapest path per group at the current shadow prices joins its choice set
        // (a container terminal's queue is no toll for bulk); returns the number of rows whose set grew.
        int Generate()
        {
            for (var e = 0; e < edges; e++)
            {
                bulkShadow[e] = model.CapacityBindsContainersOnly[e] ? 0 : shadow[e];
            }
            var grown = 0;
            for (var i = 0; i < rows; i++)
            {
                var row = model.Demand[i];
                var rowShadow = row.Commodity == Commodity.Container ? shadow : bulkShadow;
                if (builder.Add(row.Origin, row.Destination, model.Costs[(int)row.Commodity]!, model.GroupsOf(i), rowShadow, 1, model.Routes[i]) > 0)
                {
                    pathSize[i] = PathSizeTerms(g, model.Routes[i]);
                    grown++;
                }
            }
            return grown;
        }
    }

    private static void Load(ChoiceModel model, double[] shadow, double[][] pathSize, double[][] probabilities, double[] logsums, double[] load, double[] costWeighted)
    {
        var rows = model.Demand.Count;
        // The shares of one row do not depend on another's: computed in parallel, then the loads are summed in row
        // order, so the flows are the same to the last digit on any thread count.
        var threads = model.Options.Threads;
        if (threads == 1 || rows < 2)
        {
            for (var i = 0; i < rows; i++)
            {
                logsums[i] = Shares(model, i, shadow, pathSize[i], probabilities);
            }
        }
        else
        {
            Parallel.For(0, rows, new ParallelOptions { MaxDegreeOfParallelism = threads <= 0 ? -1 : threads }, i => logsums[i] = Shares(model, i, shadow, pathSize[i], probabilities));
        }
        Array.Clear(load);
        Array.Clear(costWeighted);
        for (var i = 0; i < rows; i++)
        {
            var row = model.Demand[i];
            var routes = model.Routes[i];
            for (var r = 0; r < routes.Count; r++)
            {
                var tonnes = row.Tonnes * probabilities[i][r];
                if (tonnes <= 0)
                {
                    continue;
                }
                foreach (var e in routes[r].Edges)
                {
                    if (model.Binds(e, row.Commodity))
                    {
                        load[e] += tonnes;
                        costWeighted[e] += tonnes * routes[r].BaseCostUsdPerTonne;
                    }
                }
            }
        }
    }

    /// <summary>
    /// The shares of demand row <paramref name="row"/> recomputed at the solution's final shadow prices, by the one
    /// function the equilibrium loads with (a check that the stored shares and logsums belong to those prices).
    /// </summary>
    public static double[] SharesAt(ChoiceSolution solution, int row)
    {
        var model = solution.Model;
        var probabilities = new double[model.Demand.Count][];
        Shares(model, row, solution.ShadowUsdPerTonne, PathSizeTerms(model.Graph, model.Routes[row]), probabilities);
        return probabilities[row];
    }

    /// <summary>The nested-logit shares of demand row <paramref name="i"/> at the shadow prices; returns its logsum.</summary>
    private static double Shares(ChoiceModel model, int i, double[] shadow, double[] pathSize, double[][] probabilities)
    {
        var row = model.Demand[i];
        var p = model.Parameters.For(row.Commodity);
        var routes = model.Routes[i];
        var n = routes.Count;
        if (probabilities[i] is null || probabilities[i].Length != n)
        {
            probabilities[i] = new double[n];
        }
        var cost = new double[n];
        var nest = new int[n];
        var constant = new double[n];
        for (var r = 0; r < n; r++)
        {
            var route = routes[r];
            var c = route.BaseCostUsdPerTonne;
            foreach (var e in route.Edges)
            {
                // A container terminal's queue is no toll for a tanker or a bulk wagon passing the same port.
                if (model.Binds(e, row.Commodity))
                {
                    c += shadow[e];
                }
            }
            cost[r] = c;
            nest[r] = (int)route.Group;
            // ln PS enters unscaled by the nest (×μ here, ÷μ in the logit): n identical routes then count as one
            // option, not as 1/n of one (PS^(1/μ) would over-correct overlapping corridors).
            constant[r] = p.CorridorConstant(route.Corridor) + (route.WaterCrossing ? p.WaterCrossingConstant : 0) + (p.Mu * pathSize[r]);
        }
        Span<double> nestConstant = stackalloc double[ModeGroups.Count];
        foreach (var grp in ModeGroups.All)
        {
            nestConstant[(int)grp] = p.GroupConstant(grp);
        }
        return NestedLogit.Probabilities(cost, nest, constant, nestConstant, p.Beta, p.Mu, probabilities[i]);
    }

    /// <summary>
    /// ln(PS_r) of each route (Ben-Akiva and Bierlaire's path size within its nest): PS_r = Σ_{a∈r} (L_a / L_r) / N_a,
    /// with L in km (an hour for a transfer) and N_a the routes of the nest that use a; overlapping corridors count
    /// as less than two options.
    /// </summary>
    public static double[] PathSizeTerms(RoutingGraph graph, IReadOnlyList<ChoiceRoute> routes)
    {
        var uses = new Dictionary<(int Edge, ModeGroup Group), int>();
        foreach (var r in routes)
        {
            foreach (var e in r.Edges)
            {
                uses[(e, r.Group)] = uses.GetValueOrDefault((e, r.Group)) + 1;
            }
        }
        var terms = new double[routes.Count];
        for (var k = 0; k < routes.Count; k++)
        {
            var r = routes[k];
            double total = 0, share = 0;
            foreach (var e in r.Edges)
            {
                total += Length(graph, e);
            }
            foreach (var e in r.Edges)
            {
                share += Length(graph, e) / total / uses[(e, r.Group)];
            }
            terms[k] = Math.Log(Math.Max(share, 1e-9));
        }
        return terms;
    }

    private static double Length(RoutingGraph graph, int e) => graph.Kind[e] switch
    {
        EdgeKind.Transfer => 1,
        EdgeKind.Stay => 0,
        _ => Math.Max(graph.DistanceKm[e], 1),
    };
}
