namespace Caravan.Model;

/// <summary>
/// The city or border town a user names ("Budapest", "Khorgos"), holding its places: rail terminals, port, airport,
/// border stations. Keyed by its UN/LOCODE where one exists. A query from a locality starts at its principal place;
/// the locality's other places are reached over their local links (airport access roads, port drayage), which are
/// costed like any other leg.
/// </summary>
/// <param name="Code">UN/LOCODE without the space (<c>HUBUD</c>), else an own code with a hyphen.</param>
/// <param name="Name">English name of the city or town.</param>
/// <param name="Country">ISO 3166-1 alpha-2.</param>
/// <param name="Aliases">Other spellings.</param>
/// <param name="Principal">Index of the place a search from the locality starts at.</param>
/// <param name="Places">Indices of its places.</param>
public sealed record Locality(string Code, string Name, string Country, IReadOnlyList<string> Aliases, int Principal, IReadOnlyList<int> Places);

/// <summary>A row of <c>localities.csv</c>: a locality's name where it is not that of a place, and where a search starts.</summary>
/// <param name="Code">The locality code the places' <c>locality</c> column names.</param>
/// <param name="Name">English name.</param>
/// <param name="Country">ISO 3166-1 alpha-2.</param>
/// <param name="PrincipalCode">Code of the place a search from it starts at.</param>
/// <param name="Aliases">Other spellings.</param>
public sealed record LocalityRow(string Code, string Name, string Country, string PrincipalCode, IReadOnlyList<string> Aliases);
