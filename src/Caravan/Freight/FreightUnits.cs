using Caravan.Model;

namespace Caravan.Freight;

/// <summary>
/// Converts demand and capacities to tonnes per year, the one unit in which classes share a link.
/// Containers use the network's cargo mass per FEU (commodities.csv) halved per TEU; gas uses 0.73 Mt per bcm
/// (natural gas at ~0.73 kg/m³, the conversion data/README.md states). Trains and trucks are counted as 41 and 1
/// FEU: a standard China–Europe block train carries 41 forty-foot containers, a truck one.
/// </summary>
public sealed class FreightUnits
{
    /// <summary>Tonnes per bcm of natural gas.</summary>
    public const double TonnesPerBcm = 730_000;

    /// <summary>FEU per block train.</summary>
    public const double FeuPerTrain = 41;

    /// <summary>Creates the converter from the network's container definition.</summary>
    public FreightUnits(Network network)
    {
        TonnesPerFeu = network.InfoOf(Commodity.Container).TonnesPerUnit;
    }

    /// <summary>Cargo tonnes per FEU.</summary>
    public double TonnesPerFeu { get; }

    /// <summary>Tonnes per year of a quantity, or null when the unit is unknown.</summary>
    public double? ToTonnes(double quantity, string unit) => unit.Trim().ToLowerInvariant() switch
    {
        "teu" => quantity * TonnesPerFeu / 2,
        "feu" => quantity * TonnesPerFeu,
        "tonnes" or "tonne" or "t" => quantity,
        "mt" => quantity * 1e6,
        "bcm" => quantity * TonnesPerBcm,
        "trains" or "train" => quantity * FeuPerTrain * TonnesPerFeu,
        "trucks" or "truck" => quantity * TonnesPerFeu,
        _ => null,
    };
}
