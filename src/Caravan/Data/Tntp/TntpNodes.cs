namespace Caravan.Data.Tntp;

/// <summary>The content of a TNTP <c>_node</c> file: node id with X and Y in the file's coordinate system.</summary>
/// <param name="Id">Node id, 1-based.</param>
/// <param name="X">X coordinate (longitude or easting).</param>
/// <param name="Y">Y coordinate (latitude or northing).</param>
public sealed record TntpNodes(int[] Id, double[] X, double[] Y)
{
    /// <summary>Number of nodes listed.</summary>
    public int Count => Id.Length;
}
