using Caravan.Model;

namespace Caravan.Freight.Choice;

/// <summary>
/// Choice parameters of one commodity class: which mode groups it chooses among, the logit's cost coefficient and nest
/// scale, the weight of unreliability, and the alternative-specific constants fitted to observed volumes.
/// The value of time defaults to the commodity's own (<see cref="Costs.GeneralizedWeights.For"/>, the one the route
/// planner uses for a single shipper); <see cref="ValueOfTimeUsdPerTonneHour"/> sets the market average of the class
/// instead, which is what an aggregate choice over a whole trade needs.
/// </summary>
public sealed record ClassChoiceParameters
{
    /// <summary>The class.</summary>
    public required Commodity Commodity { get; init; }

    /// <summary>Mode groups (nests) the class chooses among.</summary>
    public required IReadOnlyList<ModeGroup> Groups { get; init; }

    /// <summary>β: utility per unit of ln(generalized cost) (a 1% cheaper option gains about β% in share).</summary>
    public double Beta { get; init; } = 4;

    /// <summary>μ: scale of the route nest in (0, 1]; routes within a mode are closer substitutes than modes.</summary>
    public double Mu { get; init; } = 0.5;

    /// <summary>Value of time of the class's average shipment, USD per tonne-hour (null = the commodity's default).</summary>
    public double? ValueOfTimeUsdPerTonneHour { get; init; }

    /// <summary>USD per tonne per hour of the p90 − expected time spread, as a share of the value of time.</summary>
    public double ReliabilityRatio { get; init; } = 0.6;

    /// <summary>Constant per mode group (utility units; sea, pipeline and the first group are usually 0).</summary>
    public IReadOnlyDictionary<ModeGroup, double> GroupConstants { get; init; } = new Dictionary<ModeGroup, double>();

    /// <summary>Constant per corridor label of a route (e.g. middle), added inside the nest.</summary>
    public IReadOnlyDictionary<string, double> CorridorConstants { get; init; } = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Constant of a land route that crosses the Caspian or the Black Sea (a ferry or feeder leg with its own port calls).</summary>
    public double WaterCrossingConstant { get; init; }

    /// <summary>The constant of a group (0 when none is set).</summary>
    public double GroupConstant(ModeGroup g) => GroupConstants.GetValueOrDefault(g);

    /// <summary>The constant of a corridor (0 when none is set).</summary>
    public double CorridorConstant(string corridor) => CorridorConstants.GetValueOrDefault(corridor);
}
