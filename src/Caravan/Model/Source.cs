namespace Caravan.Model;

/// <summary>A reference that data rows cite.</summary>
/// <param name="Id">Short stable id.</param>
/// <param name="Title">Title.</param>
/// <param name="Publisher">Publisher.</param>
/// <param name="Year">Year of publication (as written; may be a range).</param>
/// <param name="Url">Where to find it.</param>
/// <param name="Notes">What was taken from it and why.</param>
public sealed record Source(string Id, string Title, string Publisher, string Year, string Url, string Notes);
