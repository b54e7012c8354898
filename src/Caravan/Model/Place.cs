namespace Caravan.Model;

/// <summary>What a place is; informs display and plausibility checks, not routing (routing follows the links).</summary>
public enum PlaceKind : byte
{
    /// <summary>A city, standing for its terminals.</summary>
    City,
    /// <summary>A rail or road freight terminal.</summary>
    Terminal,
    /// <summary>A sea or lake port.</summary>
    Port,
    /// <summary>An inland dry port / logistics zone.</summary>
    DryPort,
    /// <summary>A cargo airport.</summary>
    Airport,
    /// <summary>A station or post at a border.</summary>
    BorderStation,
    /// <summary>A pipeline terminal, pumping or compressor station.</summary>
    PipelineStation,
    /// <summary>A junction or waypoint (e.g. a sea passage).</summary>
    Junction,
}

/// <summary>A node of the network: terminal, port, airport, border station, pipeline station or city.</summary>
/// <param name="Code">UN/LOCODE without the space where one exists (e.g. <c>DEDUI</c>), else a stable code of ours.</param>
/// <param name="Name">English name.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code.</param>
/// <param name="Latitude">Latitude in decimal degrees (WGS 84).</param>
/// <param name="Longitude">Longitude in decimal degrees (WGS 84).</param>
/// <param name="Kind">What the place is.</param>
/// <param name="Aliases">Other spellings users write: transliterations, Russian, Chinese, local language, IATA code.</param>
/// <param name="SourceIds">Ids of the sources the row cites.</param>
/// <param name="Notes">Free text; <c>estimate:</c> marks values of ours.</param>
public sealed record Place(
    string Code,
    string Name,
    string Country,
    double Latitude,
    double Longitude,
    PlaceKind Kind,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> SourceIds,
    string Notes)
{
    /// <summary>Code of the locality the place belongs to; empty when the place is a locality of its own.</summary>
    public string Locality { get; init; } = "";
}
