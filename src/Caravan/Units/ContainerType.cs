namespace Caravan.Units;

/// <summary>An ISO 6346 container size-type with its TEU equivalence and weight limits (data/containers.csv).</summary>
/// <param name="Code">ISO 6346 size-type code, e.g. <c>45G1</c> (40 ft high cube).</param>
/// <param name="Name">English name.</param>
/// <param name="Aliases">What shippers write: 40HC, 40HQ, 20GP, reefer.</param>
/// <param name="LengthFt">Nominal length, feet.</param>
/// <param name="Teu">Twenty-foot equivalent units one box counts as.</param>
/// <param name="TareKg">Empty mass, kg.</param>
/// <param name="MaxPayloadKg">Most cargo mass one box may carry, kg.</param>
/// <param name="MaxGrossKg">Most total mass (tare + cargo), kg.</param>
/// <param name="InternalM3">Internal volume, m³.</param>
/// <param name="Reefer">True for refrigerated boxes.</param>
/// <param name="SourceIds">Sources cited.</param>
public sealed record ContainerType(
    string Code, string Name, IReadOnlyList<string> Aliases, double LengthFt, double Teu, double TareKg, double MaxPayloadKg,
    double MaxGrossKg, double InternalM3, bool Reefer, IReadOnlyList<string> SourceIds)
{
    /// <summary>Forty-foot equivalent units of one box (TEU / 2): the unit Caravan's container tariffs are per.</summary>
    public double Feu => Teu / 2;
}
