namespace Caravan.Costs;

/// <summary>What a single-criterion search minimises.</summary>
public enum Objective : byte
{
    /// <summary>Expected door-to-door hours (moving, median dwell, transfers, half-headway waits).</summary>
    Time,
    /// <summary>Price in USD.</summary>
    Cost,
    /// <summary>Well-to-wheel CO2e in kg (ISO 14083).</summary>
    Co2,
    /// <summary>Weighted sum: cost + value of time × hours + carbon price × CO2e (the "recommended" choice).</summary>
    Generalized,
}
