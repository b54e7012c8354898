using Caravan.Model;

namespace Caravan.Calibration;

/// <summary>
/// One observed volume, named by a selector rather than an internal id: the flow of <see cref="Commodity"/> (null = all)
/// on links of <see cref="Modes"/> (empty = all) that run from a place in <see cref="FromCountries"/> to a place in
/// <see cref="ToCountries"/>, only on links that touch <see cref="ViaPlaces"/> when given (transfers and stays at a place never count). A link whose two ends lie in
/// one country counts only when the row's from and to countries are that one country (a cross-border selector never
/// picks up the domestic track beside the border).
/// </summary>
/// <param name="Id">Row id.</param>
/// <param name="FromCountries">ISO alpha-2 codes of the link's from-place.</param>
/// <param name="ToCountries">ISO alpha-2 codes of the link's to-place.</param>
/// <param name="Modes">Modes of the links (empty = all).</param>
/// <param name="Commodity">Commodity (null = all).</param>
/// <param name="Via">The via text as written (code or name), empty when none.</param>
/// <param name="ViaPlaces">Places the via text names (empty when none).</param>
/// <param name="Observed">Observed quantity per year in <paramref name="Unit"/>.</param>
/// <param name="Unit">Mt, bcm or TEU.</param>
/// <param name="Year">Year of the observation.</param>
/// <param name="SourceIds">Sources.</param>
/// <param name="Split">fitting or test.</param>
/// <param name="Kind">pipeline or corridor (for the per-kind targets).</param>
/// <param name="Weight">Weight in the weighted MAPE.</param>
/// <param name="Line">Line in the file.</param>
public sealed record VolumeCase(string Id, IReadOnlySet<string> FromCountries, IReadOnlySet<string> ToCountries, IReadOnlySet<Mode> Modes, Commodity? Commodity, string Via, IReadOnlySet<int> ViaPlaces, double Observed, string Unit, int Year, IReadOnlyList<string> SourceIds, string Split, string Kind, double Weight, int Line)
{
    /// <summary>True for a row of the fitting split.</summary>
    public bool IsFitting => Split.Equals("fitting", StringComparison.OrdinalIgnoreCase);
}
