using Caravan.Model;

namespace Caravan.Freight.Choice;

/// <summary>The equilibrium: shadow prices, route shares, and the edge flows they give.</summary>
public sealed class ChoiceSolution
{
    internal ChoiceSolution(ChoiceModel model, double[] shadow, double[][] probabilities, double[] logsums, int iterations, bool converged)
    {
        Logsums = logsums;
        Model = model;
        ShadowUsdPerTonne = shadow;
        Probabilities = probabilities;
        Iterations = iterations;
        Converged = converged;
        var edges = model.Graph.EdgeCount;
        EdgeTonnes = new double[edges];
        EdgeTonnesByClass = new double[Commodities.All.Count][];
        for (var c = 0; c < EdgeTonnesByClass.Length; c++)
        {
            EdgeTonnesByClass[c] = new double[edges];
        }
        for (var i = 0; i < model.Demand.Count; i++)
        {
            var row = model.Demand[i];
            var byClass = EdgeTonnesByClass[(int)row.Commodity];
            for (var r = 0; r < model.Routes[i].Count; r++)
            {
                var t = row.Tonnes * probabilities[i][r];
                foreach (var e in model.Routes[i][r].Edges)
                {
                    EdgeTonnes[e] += t;
                    byClass[e] += t;
                }
            }
        }
    }

    /// <summary>The model solved.</summary>
    public ChoiceModel Model { get; }

    /// <summary>Shadow price of each routing edge's capacity, USD per tonne (0 where it has room or none is published).</summary>
    public double[] ShadowUsdPerTonne { get; }

    /// <summary>Per demand row, the share of each route of its choice set.</summary>
    public double[][] Probabilities { get; }

    /// <summary>Per demand row, the logsum of its choice at the final shadow prices (<see cref="NestedLogit.Probabilities"/>).</summary>
    public double[] Logsums { get; }

    /// <summary>Per demand row, the composite cost of its choice, USD per tonne (<see cref="NestedLogit.CompositeCostUsd"/>).</summary>
    public double CompositeCostUsdPerTonne(int row) => NestedLogit.CompositeCostUsd(Logsums[row], Model.Parameters.For(Model.Demand[row].Commodity).Beta);

    /// <summary>Iterations of the shadow-price ascent.</summary>
    public int Iterations { get; }

    /// <summary>True when every element is within capacity (tolerance) and every priced element is full.</summary>
    public bool Converged { get; }

    /// <summary>Tonnes per year on each routing edge, all classes.</summary>
    public double[] EdgeTonnes { get; }

    /// <summary>Tonnes per year on each routing edge, per class (indexed by <see cref="Commodity"/>).</summary>
    public double[][] EdgeTonnesByClass { get; }

    /// <summary>Tonnes per year of demand row <paramref name="row"/> on route <paramref name="route"/>.</summary>
    public double RouteTonnes(int row, int route) => Model.Demand[row].Tonnes * Probabilities[row][route];

    /// <summary>Tonnes per year on each edge that count against its capacity (containers only where it is counted in TEU).</summary>
    public double BindingTonnes(int edge) => Model.CapacityBindsContainersOnly[edge] ? EdgeTonnesByClass[(int)Commodity.Container][edge] : EdgeTonnes[edge];

    /// <summary>Largest utilisation (binding flow over capacity) of any element.</summary>
    public double MaxUtilisation()
    {
        var max = 0.0;
        for (var e = 0; e < EdgeTonnes.Length; e++)
        {
            if (!double.IsPositiveInfinity(Model.CapacityTonnes[e]))
            {
                max = Math.Max(max, BindingTonnes(e) / Model.CapacityTonnes[e]);
            }
        }
        return max;
    }
}
