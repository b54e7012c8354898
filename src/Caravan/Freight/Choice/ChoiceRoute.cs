namespace Caravan.Freight.Choice;

/// <summary>One competitive option of an OD flow: a path on the routing graph in one mode group.</summary>
/// <param name="Edges">Routing edges from origin to destination.</param>
/// <param name="Group">Mode group (the nest).</param>
/// <param name="Corridor">Corridor label with the most kilometres on the path (domestic and europe only if nothing else).</param>
/// <param name="BaseCostUsdPerTonne">Generalized cost without shadow prices: tariff + value of time × hours + reliability, USD per tonne.</param>
/// <param name="TariffUsdPerTonne">The tariff part, USD per tonne.</param>
/// <param name="Hours">Expected door-to-door hours.</param>
/// <param name="DistanceKm">Length, km.</param>
/// <param name="WaterCrossing">True for a land route (rail or road) that crosses the Caspian or the Black Sea by ferry or feeder.</param>
public sealed record ChoiceRoute(int[] Edges, ModeGroup Group, string Corridor, double BaseCostUsdPerTonne, double TariffUsdPerTonne, double Hours, double DistanceKm, bool WaterCrossing = false);
