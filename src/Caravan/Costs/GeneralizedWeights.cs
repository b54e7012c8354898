using Caravan.Model;

namespace Caravan.Costs;

/// <summary>Weights of the generalized cost.</summary>
/// <param name="ValueOfTimeUsdPerHour">Value of one hour of transit time per shipment unit (FEU or tonne), USD.</param>
/// <param name="CarbonPriceUsdPerKg">Price of one kg CO2e, USD.</param>
public sealed record GeneralizedWeights(double ValueOfTimeUsdPerHour = 20, double CarbonPriceUsdPerKg = 0.07)
{
    /// <summary>
    /// Defaults for a commodity. Time: a day in transit costs about 0.6–2.1% of the goods' value (Hummels and Schaur,
    /// "Time as a Trade Barrier", American Economic Review 2013); for a 40 ft container of about USD 50,000 that is
    /// 12–44 USD per hour, so 20 USD per FEU-hour, and 1 USD per tonne-hour for cargo counted in tonnes.
    /// Carbon: 0.07 USD per kg, about the 2024 EU ETS allowance price (~65 EUR per tonne).
    /// </summary>
    public static GeneralizedWeights For(CommodityInfo commodity) =>
        commodity.IsContainerised ? new GeneralizedWeights(20, 0.07) : new GeneralizedWeights(1, 0.07);
}
