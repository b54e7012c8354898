namespace Caravan.Model;

/// <summary>A transport mode. Each link carries exactly one; a place handles one routing vertex per mode.</summary>
public enum Mode : byte
{
    /// <summary>Standard-gauge railway (1,435 mm): China, Türkiye, Iran, the EU.</summary>
    Rail1435,
    /// <summary>Broad-gauge railway (1,520 mm): the former Soviet space.</summary>
    Rail1520,
    /// <summary>Road haulage (TIR trucks).</summary>
    Road,
    /// <summary>Deep-sea shipping.</summary>
    Sea,
    /// <summary>Ro-ro, rail and ro-pax ferries (Caspian, Black Sea).</summary>
    Ferry,
    /// <summary>Air cargo.</summary>
    Air,
    /// <summary>Crude and oil products pipeline.</summary>
    PipelineOil,
    /// <summary>Natural gas pipeline.</summary>
    PipelineGas,
}

/// <summary>Helpers for <see cref="Mode"/>.</summary>
public static class Modes
{
    /// <summary>Number of modes; routing vertices are place × mode.</summary>
    public const int Count = 8;

    /// <summary>All modes in declaration order.</summary>
    public static IReadOnlyList<Mode> All { get; } = [Mode.Rail1435, Mode.Rail1520, Mode.Road, Mode.Sea, Mode.Ferry, Mode.Air, Mode.PipelineOil, Mode.PipelineGas];

    /// <summary>
    /// Parses a mode name or <c>Rail</c>, which means both gauges: the one rule for every list of modes in a query,
    /// an overlay or a data file.
    /// </summary>
    public static bool TryParseGroup(string? text, out IReadOnlyList<Mode> modes)
    {
        if (text is not null && text.Trim().Equals("rail", StringComparison.OrdinalIgnoreCase))
        {
            modes = [Mode.Rail1435, Mode.Rail1520];
            return true;
        }
        modes = TryParse(text, out var mode) ? [mode] : [];
        return modes.Count > 0;
    }

    /// <summary>Parses a mode name, ignoring case; also accepts <c>rail</c>-less aliases used on the command line.</summary>
    public static bool TryParse(string? text, out Mode mode)
    {
        mode = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var t = text.Trim();
        if (Enum.TryParse(t, ignoreCase: true, out mode) && Enum.IsDefined(mode) && !int.TryParse(t, out _))
        {
            return true;
        }
        switch (t.ToLowerInvariant())
        {
            case "pipeline-oil": case "oil": mode = Mode.PipelineOil; return true;
            case "pipeline-gas": case "gas": mode = Mode.PipelineGas; return true;
            case "rail-1435": case "standard": mode = Mode.Rail1435; return true;
            case "rail-1520": case "broad": mode = Mode.Rail1520; return true;
            default: return false;
        }
    }

    /// <summary>True for the two railway gauges.</summary>
    public static bool IsRail(this Mode mode) => mode is Mode.Rail1435 or Mode.Rail1520;

    /// <summary>True for oil and gas pipelines.</summary>
    public static bool IsPipeline(this Mode mode) => mode is Mode.PipelineOil or Mode.PipelineGas;

    /// <summary>Modes whose links may join two countries directly (no border-crossing row needed).</summary>
    public static bool MayCrossBorderDirectly(this Mode mode) => mode is Mode.Sea or Mode.Ferry or Mode.Air or Mode.PipelineOil or Mode.PipelineGas;
}
