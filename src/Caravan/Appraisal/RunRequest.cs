namespace Caravan.Appraisal;

/// <summary>
/// One run of a sweep: the freight choice model on one network (a portfolio's overlays on the do-minimum) in one
/// future and year. Self-contained plain data, so any silo on any machine with the same data folder can run it;
/// <see cref="Key"/> is its content hash.
/// </summary>
/// <param name="Key">Content hash of everything the result depends on (<see cref="RunKeys"/>).</param>
/// <param name="NetworkHash">Content hash of the run's network: data folder plus overlay chain (the silo's cache key).</param>
/// <param name="DataFolder">The network's data folder (the same path on every silo).</param>
/// <param name="DemandFile">Demand file.</param>
/// <param name="ParametersFile">Choice parameters file.</param>
/// <param name="Overlays">The overlay chain as canonical JSON, base-most first: do-minimum, the projects open in <paramref name="Year"/>, the future's border dwell.</param>
/// <param name="Projects">Ids of the projects in service in this run, in spec order.</param>
/// <param name="Future">The future.</param>
/// <param name="Year">The year.</param>
public sealed record RunRequest(string Key, string NetworkHash, string DataFolder, string DemandFile, string ParametersFile, IReadOnlyList<string> Overlays, IReadOnlyList<string> Projects, FutureDocument Future, int Year);

/// <summary>A future as plain data (class and corridor names as text).</summary>
/// <param name="Id">Id.</param>
/// <param name="DemandGrowthPerYear">Annual growth per class name.</param>
/// <param name="TariffFactor">Tariff factor per corridor label.</param>
/// <param name="BorderDwellFactor">Factor on border dwell.</param>
public sealed record FutureDocument(string Id, IReadOnlyDictionary<string, double> DemandGrowthPerYear, IReadOnlyDictionary<string, double> TariffFactor, double BorderDwellFactor);

/// <summary>What one run records.</summary>
/// <param name="Key">The run's content hash.</param>
/// <param name="ModelVersion">The model version that made it.</param>
/// <param name="Converged">True when the choice model's capacity equilibrium converged.</param>
/// <param name="Iterations">Its iterations.</param>
/// <param name="DemandTonnes">Demand assigned, tonnes per year.</param>
/// <param name="TariffUsd">Tariffs paid, USD per year.</param>
/// <param name="LogisticsCostUsd">Generalized logistics cost (tariffs, value of time on hours, reliability) without queue prices, USD per year.</param>
/// <param name="TonneHours">Tonne-hours in transit per year.</param>
/// <param name="Co2eTonnes">Well-to-wheel CO2e, tonnes per year.</param>
/// <param name="MaxUtilisation">Largest flow over capacity of any element.</param>
/// <param name="OverCapacity">Elements above capacity.</param>
/// <param name="Corridors">Tonnes per year per corridor label (ordinal order).</param>
/// <param name="Bottlenecks">The five busiest capacitated elements and their utilisation.</param>
/// <param name="CompositeCostUsdPerTonne">Per demand row, the composite generalized cost exp(−logsum/β) of its choice set, USD per tonne.</param>
/// <param name="RowTonnes">Per demand row, tonnes per year in this future and year.</param>
public sealed record RunResult(
    string Key,
    string ModelVersion,
    bool Converged,
    int Iterations,
    double DemandTonnes,
    double TariffUsd,
    double LogisticsCostUsd,
    double TonneHours,
    double Co2eTonnes,
    double MaxUtilisation,
    int OverCapacity,
    IReadOnlyDictionary<string, double> Corridors,
    IReadOnlyList<ElementUse> Bottlenecks,
    double[] CompositeCostUsdPerTonne,
    double[] RowTonnes);

/// <summary>A capacitated element's use.</summary>
/// <param name="Id">Link id or transfer.</param>
/// <param name="Utilisation">Flow over capacity.</param>
public sealed record ElementUse(string Id, double Utilisation);
