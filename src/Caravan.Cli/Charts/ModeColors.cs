using Caravan.Model;

namespace Caravan.Cli.Charts;

/// <summary>One colour per mode, shared by every chart (the web page uses the same hex values).</summary>
internal static class ModeColors
{
    public static string Hex(Mode mode) => mode switch
    {
        Mode.Rail1435 => "#1f77b4",
        Mode.Rail1520 => "#9467bd",
        Mode.Road => "#7f7f7f",
        Mode.Sea => "#17becf",
        Mode.Ferry => "#2ca02c",
        Mode.Air => "#ff7f0e",
        Mode.PipelineOil => "#8c564b",
        Mode.PipelineGas => "#d62728",
        _ => "#000000",
    };
}
