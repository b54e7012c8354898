namespace Caravan.Freight.Choice;

/// <summary>
/// The expected maximum utility (logsum) of each OD flow's choice set at the equilibrium, and the composite cost
/// it stands for: with utilities V = −β ln(GC) + constants, the logsum I = ln Σ_g exp(ASC_g + μ ln Σ_{r∈g} exp(V_r/μ))
/// is the utility of one option costing GC* = exp(−I/β) USD per tonne. A change of GC* between two networks with the
/// same demand is the user benefit per tonne (the logsum change in money), new options included. Utilities are the
/// ones <see cref="ChoiceEquilibrium"/> loads with (base cost plus shadow prices, corridor and water constants, path
/// size), which <see cref="Probabilities"/> lets a test hold against the solution's shares.
/// </summary>
public static class ChoiceLogsum
{
    /// <summary>GC* of every demand row, USD per tonne.</summary>
    public static double[] CompositeCosts(ChoiceSolution solution)
    {
        var model = solution.Model;
        var result = new double[model.Demand.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var p = model.Parameters.For(model.Demand[i].Commodity);
            result[i] = Math.Exp(-Logsum(solution, i, null) / p.Beta);
        }
        return result;
    }

    /// <summary>The route shares of row <paramref name="row"/> recomputed from the same utilities (for tests).</summary>
    public static double[] Probabilities(ChoiceSolution solution, int row)
    {
        var probability = new double[solution.Model.Routes[row].Count];
        Logsum(solution, row, probability);
        return probability;
    }

    private static double Logsum(ChoiceSolution solution, int i, double[]? probability)
    {
        var model = solution.Model;
        var row = model.Demand[i];
        var p = model.Parameters.For(row.Commodity);
        var routes = model.Routes[i];
        var pathSize = ChoiceEquilibrium.PathSizeTerms(model.Graph, routes);
        var n = routes.Count;
        var cost = new double[n];
        var nest = new int[n];
        var constant = new double[n];
        for (var r = 0; r < n; r++)
        {
            var route = routes[r];
            var c = route.BaseCostUsdPerTonne;
            foreach (var e in route.Edges)
            {
                c += solution.ShadowUsdPerTonne[e];
            }
            cost[r] = c;
            nest[r] = (int)route.Group;
            constant[r] = p.CorridorConstant(route.Corridor) + (route.WaterCrossing ? p.WaterCrossingConstant : 0) + pathSize[r];
        }
        var nestConstant = new double[ModeGroups.Count];
        foreach (var g in ModeGroups.All)
        {
            nestConstant[(int)g] = p.GroupConstant(g);
        }
        if (probability is not null)
        {
            NestedLogit.Probabilities(cost, nest, constant, nestConstant, p.Beta, p.Mu, probability);
        }
        // Inner logsums per nest, stabilised by the nest's largest utility, then the upper one.
        var max = new double[ModeGroups.Count];
        var sum = new double[ModeGroups.Count];
        Array.Fill(max, double.NegativeInfinity);
        for (var r = 0; r < n; r++)
        {
            max[nest[r]] = Math.Max(max[nest[r]], NestedLogit.Utility(cost[r], constant[r], p.Beta) / p.Mu);
        }
        for (var r = 0; r < n; r++)
        {
            sum[nest[r]] += Math.Exp((NestedLogit.Utility(cost[r], constant[r], p.Beta) / p.Mu) - max[nest[r]]);
        }
        var upperMax = double.NegativeInfinity;
        var upper = new double[ModeGroups.Count];
        for (var g = 0; g < upper.Length; g++)
        {
            upper[g] = sum[g] > 0 ? nestConstant[g] + (p.Mu * (max[g] + Math.Log(sum[g]))) : double.NegativeInfinity;
            upperMax = Math.Max(upperMax, upper[g]);
        }
        var total = 0.0;
        for (var g = 0; g < upper.Length; g++)
        {
            total += sum[g] > 0 ? Math.Exp(upper[g] - upperMax) : 0;
        }
        return upperMax + Math.Log(total);
    }
}
