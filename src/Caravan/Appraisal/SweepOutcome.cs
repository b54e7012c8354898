namespace Caravan.Appraisal;

/// <summary>The appraisal of a sweep: portfolios ranked by expected NPV, the frontier, and what ran.</summary>
/// <param name="Name">The spec's name.</param>
/// <param name="SpecHash">The spec's content hash.</param>
/// <param name="Strategy">all, sample or greedy.</param>
/// <param name="BenefitMeasure">How user benefit is measured (the logsum change of the choice model in USD).</param>
/// <param name="Runs">Distinct runs the appraisal used.</param>
/// <param name="Computed">Runs computed by this sweep.</param>
/// <param name="Skipped">Runs found in the run store and not computed again.</param>
/// <param name="Futures">Future ids, in order.</param>
/// <param name="Years">Appraisal years.</param>
/// <param name="DiscountRate">Discount rate.</param>
/// <param name="PriceBaseYear">Year money is discounted to.</param>
/// <param name="HorizonYear">Last year of benefits.</param>
/// <param name="Portfolios">Every portfolio appraised, best expected NPV first (do-nothing included).</param>
/// <param name="Frontier">Labels of the portfolios on the frontier (benefit up, capital cost and CO2e down), by capital cost.</param>
/// <param name="Warnings">Runs whose choice model did not converge, and the like.</param>
public sealed record SweepOutcome(
    string Name,
    string SpecHash,
    string Strategy,
    string BenefitMeasure,
    int Runs,
    int Computed,
    int Skipped,
    IReadOnlyList<string> Futures,
    IReadOnlyList<int> Years,
    double DiscountRate,
    int PriceBaseYear,
    int HorizonYear,
    IReadOnlyList<PortfolioAppraisal> Portfolios,
    IReadOnlyList<string> Frontier,
    IReadOnlyList<string> Warnings);

/// <summary>One portfolio's appraisal across futures.</summary>
/// <param name="Rank">1 = highest expected NPV.</param>
/// <param name="Label">Project ids joined by '+', or <c>do-nothing</c>.</param>
/// <param name="Projects">Project ids.</param>
/// <param name="CapitalCostUsd">Undiscounted capital cost, USD.</param>
/// <param name="PvCapitalCostUsd">Present value of the capital cost, USD.</param>
/// <param name="ExpectedPvBenefitUsd">Present value of user benefits, mean over futures, USD.</param>
/// <param name="ExpectedNpvUsd">NPV (benefits − capital), mean over futures, USD.</param>
/// <param name="BenefitCostRatio">Expected PV benefit over PV capital cost (null for do-nothing).</param>
/// <param name="MinNpvUsd">Worst NPV over the futures, USD.</param>
/// <param name="MaxRegretUsd">Largest regret over the futures (best NPV in that future minus this one's), USD.</param>
/// <param name="ExpectedCo2eTonnes">CO2e of all freight in the last appraisal year, mean over futures, tonnes per year.</param>
/// <param name="OnFrontier">True when no portfolio has more benefit with no more capital cost and CO2e.</param>
/// <param name="NpvByFutureUsd">NPV in each future, USD, in the order of <see cref="SweepOutcome.Futures"/>.</param>
/// <param name="Years">Expected figures of each appraisal year.</param>
public sealed record PortfolioAppraisal(
    int Rank,
    string Label,
    IReadOnlyList<string> Projects,
    double CapitalCostUsd,
    double PvCapitalCostUsd,
    double ExpectedPvBenefitUsd,
    double ExpectedNpvUsd,
    double? BenefitCostRatio,
    double MinNpvUsd,
    double MaxRegretUsd,
    double ExpectedCo2eTonnes,
    bool OnFrontier,
    IReadOnlyList<double> NpvByFutureUsd,
    IReadOnlyList<YearFigures> Years);

/// <summary>A portfolio's figures in one appraisal year, mean over futures.</summary>
/// <param name="Year">The year.</param>
/// <param name="BenefitUsd">User benefit against do-nothing, USD per year.</param>
/// <param name="LogisticsCostUsd">Generalized logistics cost, USD per year.</param>
/// <param name="TariffUsd">Tariffs, USD per year.</param>
/// <param name="TonneHours">Tonne-hours per year.</param>
/// <param name="Co2eTonnes">CO2e, tonnes per year.</param>
/// <param name="MaxUtilisation">Largest utilisation of any element.</param>
/// <param name="CorridorTonnes">Tonnes per year per corridor.</param>
public sealed record YearFigures(int Year, double BenefitUsd, double LogisticsCostUsd, double TariffUsd, double TonneHours, double Co2eTonnes, double MaxUtilisation, IReadOnlyDictionary<string, double> CorridorTonnes);
