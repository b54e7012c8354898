namespace Caravan.Data.Tntp;

/// <summary>The content of a TNTP <c>_flow</c> file: per link its tail, head, volume and cost, in file order.</summary>
/// <param name="Tail">Tail node per link, 1-based.</param>
/// <param name="Head">Head node per link, 1-based.</param>
/// <param name="Volume">Link flow.</param>
/// <param name="Cost">Link cost at that flow (generalized: includes toll and distance terms where the network has them).</param>
public sealed record TntpFlows(int[] Tail, int[] Head, double[] Volume, double[] Cost)
{
    /// <summary>Number of links.</summary>
    public int LinkCount => Tail.Length;
}
