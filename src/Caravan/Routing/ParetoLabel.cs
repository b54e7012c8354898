namespace Caravan.Routing;

/// <summary>A label of the multi-criteria search: the criteria of one partial path and how it was reached.</summary>
/// <param name="Vertex">Vertex the partial path ends at.</param>
/// <param name="Hours">Expected hours.</param>
/// <param name="CostUsd">Price per unit.</param>
/// <param name="Co2eKg">CO2e per unit.</param>
/// <param name="VarianceHours2">Variance of the time (the reliability criterion: with the mean it fixes the p90).</param>
/// <param name="Transfers">Transfers so far.</param>
/// <param name="Parent">Index of the parent label, -1 at the origin.</param>
/// <param name="Edge">Edge from the parent, -1 at the origin.</param>
public readonly record struct ParetoLabel(int Vertex, double Hours, double CostUsd, double Co2eKg, double VarianceHours2, int Transfers, int Parent, int Edge)
{
    /// <summary>Phase of the commodity's mode sequence (<see cref="ModeSequence"/>); labels compete only within one.</summary>
    public int Phase { get; init; }

    /// <summary>True when this label is at least as good as <paramref name="other"/> in every criterion, allowing a relative slack ε.</summary>
    public bool Dominates(in ParetoLabel other, double epsilon)
    {
        var f = 1 + epsilon;
        return Hours <= (other.Hours * f) + 1e-9
            && CostUsd <= (other.CostUsd * f) + 1e-9
            && Co2eKg <= (other.Co2eKg * f) + 1e-9
            && VarianceHours2 <= (other.VarianceHours2 * f) + 1e-9;
    }
}
