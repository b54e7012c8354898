using Caravan.Calibration;
using Caravan.Freight;
using Caravan.Freight.Choice;
using Caravan.Model;

namespace Caravan.Services;

/// <summary>A loaded or capacitated element with its utilisation and queue price.</summary>
/// <param name="Id">Link id, or place and transfer kind.</param>
/// <param name="Kind">move, border or transfer.</param>
/// <param name="Mode">Mode name.</param>
/// <param name="From">From place code.</param>
/// <param name="To">To place code.</param>
/// <param name="Corridor">Corridor label.</param>
/// <param name="Tonnes">Flow, tonnes per year.</param>
/// <param name="CapacityTonnes">Capacity, tonnes per year (null without one).</param>
/// <param name="Utilisation">Flow over capacity (null without capacity).</param>
/// <param name="ShadowUsdPerTonne">Shadow price of the capacity: what a tonne pays to get through, USD.</param>
/// <param name="DelayHoursContainer">The shadow price as queue hours of a container tonne.</param>
public sealed record ElementDocument(string Id, string Kind, string Mode, string From, string To, string Corridor, double Tonnes, double? CapacityTonnes, double? Utilisation, double ShadowUsdPerTonne, double DelayHoursContainer)
{
    /// <summary>The document of an element.</summary>
    public static ElementDocument Of(ElementFlow x) => new(x.Id, x.Kind, x.Mode.ToString(), x.From, x.To, x.Corridor, x.Tonnes, x.CapacityTonnes, x.Utilisation, x.ShadowUsdPerTonne, x.DelayHoursContainer);
}

/// <summary>One OD flow's split between mode groups and corridors.</summary>
/// <param name="Origin">Origin code.</param>
/// <param name="Destination">Destination code.</param>
/// <param name="Commodity">Class.</param>
/// <param name="Tonnes">Tonnes per year.</param>
/// <param name="Modes">Share per mode group.</param>
/// <param name="Corridors">Share per corridor.</param>
public sealed record ModalSplitDocument(string Origin, string Destination, string Commodity, double Tonnes, IReadOnlyDictionary<string, double> Modes, IReadOnlyDictionary<string, double> Corridors)
{
    /// <summary>The document of a split.</summary>
    public static ModalSplitDocument Of(ModalSplit m) => new(m.Origin, m.Destination, m.Commodity.Name(), m.Tonnes, m.GroupShares, m.CorridorShares);
}

/// <summary>How many tonnes move when a corridor's tariffs fall.</summary>
/// <param name="Corridor">Corridor.</param>
/// <param name="PriceChange">Relative tariff change (−0.1).</param>
/// <param name="BaseTonnes">Tonnes per year on it before.</param>
/// <param name="NewTonnes">After.</param>
/// <param name="DeltaTonnes">Gained.</param>
/// <param name="Elasticity">Arc elasticity.</param>
public sealed record ElasticityDocument(string Corridor, double PriceChange, double BaseTonnes, double NewTonnes, double DeltaTonnes, double Elasticity)
{
    /// <summary>The document of an elasticity.</summary>
    public static ElasticityDocument Of(CorridorElasticity x) => new(x.Corridor, x.PriceChange, x.BaseTonnes, x.NewTonnes, x.DeltaTonnes, x.Elasticity);
}

/// <summary>What <c>caravan flows --json</c> prints: what a corridor planner reads.</summary>
/// <param name="Year">Year of the network.</param>
/// <param name="Converged">The equilibrium's converged flag.</param>
/// <param name="Iterations">Its iterations.</param>
/// <param name="MaxUtilisation">Largest flow over capacity.</param>
/// <param name="Totals">Cost, hours, tonne-km and CO2e per year.</param>
/// <param name="OverCapacity">Every element above 100% of capacity.</param>
/// <param name="Bottlenecks">The most utilised elements.</param>
/// <param name="Corridors">Tonnes per corridor and class.</param>
/// <param name="Volumes">Corridor volumes next to the observed ones (null without a volumes file).</param>
/// <param name="ModalSplit">Per OD and class.</param>
/// <param name="Elasticities">Per corridor (empty unless asked).</param>
/// <param name="Unserved">Rows the network cannot carry.</param>
public sealed record FlowsDocument(int Year, bool Converged, int Iterations, double MaxUtilisation, FreightTotals Totals, IReadOnlyList<ElementDocument> OverCapacity, IReadOnlyList<ElementDocument> Bottlenecks, IReadOnlyList<CorridorFlow> Corridors, IReadOnlyList<VolumeRowDocument>? Volumes, IReadOnlyList<ModalSplitDocument> ModalSplit, IReadOnlyList<ElasticityDocument> Elasticities, IReadOnlyList<UnservedDemand> Unserved)
{
    /// <summary>The document of a run.</summary>
    public static FlowsDocument Of(FreightRun run, VolumeReport? volumes, IReadOnlyList<CorridorElasticity> elasticities, int top) => new(
        run.Model.Options.Year,
        run.Solution.Converged,
        run.Solution.Iterations,
        run.Solution.MaxUtilisation(),
        run.Totals,
        [.. run.Choice.OverCapacity.Select(ElementDocument.Of)],
        [.. run.Choice.Bottlenecks.Take(top).Select(ElementDocument.Of)],
        run.Choice.Corridors,
        volumes is null ? null : [.. volumes.Results.Select(VolumeRowDocument.Of)],
        [.. run.Choice.ModalSplits.Select(ModalSplitDocument.Of)],
        [.. elasticities.Select(ElasticityDocument.Of)],
        run.Unserved);
}
