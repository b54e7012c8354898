using Caravan.Model;

namespace Caravan.Freight.Choice;

/// <summary>The upper level of the choice: the main mode a shipment is sold under (the nests of the logit).</summary>
public enum ModeGroup : byte
{
    /// <summary>Deep-sea shipping, with rail or road pre- and on-carriage.</summary>
    Sea,
    /// <summary>Rail on either gauge, with the Caspian and Black Sea ferries and feeders of the rail corridors.</summary>
    Rail,
    /// <summary>Road haulage, with (Ro-Ro) ferries.</summary>
    Road,
    /// <summary>Air cargo, with road only to and from airports.</summary>
    Air,
    /// <summary>Oil or gas pipeline, with tanker feeders on the Caspian.</summary>
    Pipeline,
}

/// <summary>Names and edge rules of the mode groups.</summary>
public static class ModeGroups
{
    /// <summary>All groups in nest order.</summary>
    public static IReadOnlyList<ModeGroup> All { get; } = [ModeGroup.Sea, ModeGroup.Rail, ModeGroup.Road, ModeGroup.Air, ModeGroup.Pipeline];

    /// <summary>Number of groups.</summary>
    public const int Count = 5;

    /// <summary>The lower-case name used in files and reports.</summary>
    public static string Name(this ModeGroup g) => g.ToString().ToLowerInvariant();

    /// <summary>Parses a group name (case-insensitive).</summary>
    public static bool TryParse(string text, out ModeGroup group) => Enum.TryParse(text.Trim(), true, out group) && Enum.IsDefined(group);

    /// <summary>True when vertices of <paramref name="mode"/> may be used by a route of the group.</summary>
    public static bool Uses(this ModeGroup g, Mode mode) => g switch
    {
        ModeGroup.Sea => mode is Mode.Sea or Mode.Rail1435 or Mode.Rail1520 or Mode.Road,
        ModeGroup.Rail => mode is Mode.Rail1435 or Mode.Rail1520 or Mode.Ferry or Mode.Sea,
        // Trucks cross water on ferries (Ro-Ro), never on container feeders, bulk ships or tankers.
        ModeGroup.Road => mode is Mode.Road or Mode.Ferry,
        ModeGroup.Air => mode is Mode.Air or Mode.Road,
        ModeGroup.Pipeline => mode is Mode.PipelineOil or Mode.PipelineGas or Mode.Sea,
        _ => false,
    };

    /// <summary>True when a move on <paramref name="mode"/> is the group's own (a route of the group needs at least one).</summary>
    public static bool IsMain(this ModeGroup g, Mode mode, bool oceanSea) => g switch
    {
        ModeGroup.Sea => mode == Mode.Sea && oceanSea,
        ModeGroup.Rail => mode is Mode.Rail1435 or Mode.Rail1520,
        ModeGroup.Road => mode == Mode.Road,
        ModeGroup.Air => mode == Mode.Air,
        ModeGroup.Pipeline => mode is Mode.PipelineOil or Mode.PipelineGas,
        _ => false,
    };
}
