namespace Caravan.Freight.Choice;

/// <summary>How the flows answer a 10% cheaper corridor.</summary>
/// <param name="Corridor">Corridor whose link tariffs fall.</param>
/// <param name="PriceChange">Relative change of the tariffs (−0.1).</param>
/// <param name="BaseTonnes">Tonnes per year routed on the corridor before.</param>
/// <param name="NewTonnes">After.</param>
public sealed record CorridorElasticity(string Corridor, double PriceChange, double BaseTonnes, double NewTonnes)
{
    /// <summary>Tonnes per year gained.</summary>
    public double DeltaTonnes => NewTonnes - BaseTonnes;

    /// <summary>Arc elasticity of the corridor's tonnes with respect to its tariffs.</summary>
    public double Elasticity => BaseTonnes > 0 ? DeltaTonnes / BaseTonnes / PriceChange : 0;
}

/// <summary>
/// Corridor price elasticities by re-running the model with one corridor's tariffs changed (the network-model method
/// of Jourquin 2019, FM3): the same choice sets re-priced and the capacity-constrained equilibrium solved again, so
/// a full corridor gains less than its price cut alone would suggest. A route counts for the corridor with most of its
/// kilometres, while the price cut applies to every link of the corridor, so a route mostly on another corridor that
/// gets cheaper can take tonnes away from it.
/// </summary>
public static class CorridorElasticities
{
    /// <summary>One row per corridor (default: every corridor that carries flow).</summary>
    public static IReadOnlyList<CorridorElasticity> Compute(ChoiceSolution baseSolution, double priceChange = -0.1, IReadOnlyList<string>? corridors = null, CancellationToken cancellation = default)
    {
        var baseReport = ChoiceReport.Create(baseSolution);
        var list = corridors ?? baseReport.Corridors.Where(c => c.Tonnes > 0 && c.Corridor.Length > 0).Select(c => c.Corridor).ToList();
        var result = new List<CorridorElasticity>();
        foreach (var corridor in list)
        {
            var model = baseSolution.Model;
            var options = model.Options with { CorridorTariffFactor = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase) { [corridor] = 1 + priceChange } };
            var solution = ChoiceEquilibrium.Solve(model.Repriced(options), baseSolution, cancellation);
            var before = baseReport.Corridors.FirstOrDefault(c => c.Corridor.Equals(corridor, StringComparison.OrdinalIgnoreCase))?.Tonnes ?? 0;
            var after = ChoiceReport.Create(solution).Corridors.FirstOrDefault(c => c.Corridor.Equals(corridor, StringComparison.OrdinalIgnoreCase))?.Tonnes ?? 0;
            result.Add(new CorridorElasticity(corridor, priceChange, before, after));
        }
        return result;
    }
}
