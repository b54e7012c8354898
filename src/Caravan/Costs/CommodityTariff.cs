using Caravan.Model;

namespace Caravan.Costs;

/// <summary>
/// The price of a leg for one commodity. Rail tariffs differ by commodity class: a dry-bulk wagon pays a far lower
/// rate per tonne-km than the mode's general per-tonne rate (KTZ and UTY grain tariffs, 2025), so a commodity row in
/// <c>commodities.csv</c> may give its own rail rate; it replaces the mode default on rail moves over links that name
/// no per-tonne tariff of their own. Borders, transfers and other modes keep their prices.
/// </summary>
public static class CommodityTariff
{
    /// <summary>Price per unit (FEU for containers, else tonne) of a leg, USD.</summary>
    /// <param name="info">The commodity.</param>
    /// <param name="link">The link moved over, or null for a transfer or a stay.</param>
    /// <param name="isMove">True for a move along the link (false for a border crossing).</param>
    /// <param name="distanceKm">Length of the leg.</param>
    /// <param name="usdPerFeu">The leg's price per FEU.</param>
    /// <param name="usdPerTonne">The leg's price per tonne at the mode's general rate.</param>
    public static double UsdPerUnit(CommodityInfo info, Link? link, bool isMove, double distanceKm, double usdPerFeu, double usdPerTonne)
    {
        if (info.IsContainerised)
        {
            return usdPerFeu;
        }
        if (info.RailUsdPerTonneKm is { } rate && isMove && link is { Mode: Mode.Rail1435 or Mode.Rail1520, TariffUsdPerTonne: null })
        {
            return rate * distanceKm;
        }
        return usdPerTonne;
    }
}
