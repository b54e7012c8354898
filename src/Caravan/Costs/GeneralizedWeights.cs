using Caravan.Model;

namespace Caravan.Costs;

/// <summary>Weights of the generalized cost.</summary>
/// <param name="ValueOfTimeUsdPerHour">Value of one hour of transit time per shipment unit (FEU or tonne), USD.</param>
/// <param name="CarbonPriceUsdPerKg">Price of one kg CO2e, USD.</param>
public sealed record GeneralizedWeights(double ValueOfTimeUsdPerHour = 20, double CarbonPriceUsdPerKg = 0.07)
{
    /// <summary>
    /// Defaults for a commodity: its value of time from <c>commodities.csv</c> (sourced there per commodity: goods value
    /// per unit × the share of it a day in transit costs), else 20 USD per FEU-hour or 1 USD per tonne-hour (a day
    /// costs 0.6–2.1% of a USD 50,000 container's value, Hummels and Schaur, AER 2013). Carbon: 0.07 USD per kg, about
    /// the 2024 EU ETS allowance price (~65 EUR per tonne).
    /// </summary>
    public static GeneralizedWeights For(CommodityInfo commodity) =>
        new(commodity.ValueOfTimeUsdPerHour ?? (commodity.IsContainerised ? 20 : 1), 0.07);
}
