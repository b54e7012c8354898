using PureHDF;

namespace Caravan.Data.Omx;

/// <summary>
/// OMX (Open Matrix, HDF5) files of skims, through PureHDF. Layout per OMX 0.2: root attributes <c>OMX_VERSION</c>
/// and <c>SHAPE</c> (rows, columns as int32); each matrix a 2-D float64 dataset under <c>/data</c>; each lookup a 1-D
/// dataset under <c>/lookup</c>. Caravan writes the lookups <c>origins</c> and <c>destinations</c> as the 1-based
/// place numbers of the network (the GMNS <c>node_id</c> numbering); a pair without a path is NaN.
/// </summary>
public static class OmxFile
{
    /// <summary>The OMX version written.</summary>
    public const string Version = "0.2";

    /// <summary>Writes matrices (all <paramref name="rows"/> × <paramref name="columns"/>, row-major) and lookups.</summary>
    /// <remarks>
    /// PureHDF picks its encoder per element type by reflection; the native AOT caravan has native code only for
    /// the types written here (double[], int[], string), rooted in src/Caravan.Cli/PureHDF.rd.xml. A new element
    /// type needs its entries there (AotBinaryTests writes this file with the AOT binary).
    /// </remarks>
    public static void Write(string path, int rows, int columns, IReadOnlyDictionary<string, double[]> matrices, IReadOnlyDictionary<string, int[]> lookups)
    {
        var data = new H5Group();
        foreach (var (name, values) in matrices)
        {
            if (values.Length != (long)rows * columns)
            {
                throw new ArgumentException($"matrix {name} has {values.Length} cells, not {rows} × {columns}", nameof(matrices));
            }
            data[name] = new H5Dataset(values, fileDims: [(ulong)rows, (ulong)columns]);
        }
        var lookup = new H5Group();
        foreach (var (name, values) in lookups)
        {
            lookup[name] = values;
        }
        var file = new H5File
        {
            ["data"] = data,
            ["lookup"] = lookup,
        };
        file.Attributes["OMX_VERSION"] = Version;
        file.Attributes["SHAPE"] = new[] { rows, columns };
        // PureHDF needs a readable, seekable stream, so it writes to a path: a temporary one beside the target.
        AtomicFile.WriteVia(path, temp => file.Write(temp));
    }

    /// <summary>An OMX file read back: its shape, matrices (row-major) and integer lookups.</summary>
    /// <param name="Rows">Rows, from <c>SHAPE</c>.</param>
    /// <param name="Columns">Columns, from <c>SHAPE</c>.</param>
    /// <param name="Matrices">Matrices by name.</param>
    /// <param name="Lookups">Lookups by name.</param>
    public sealed record Contents(int Rows, int Columns, IReadOnlyDictionary<string, double[]> Matrices, IReadOnlyDictionary<string, int[]> Lookups);

    /// <summary>Reads an OMX file's shape, float64 matrices and int32 lookups.</summary>
    /// <exception cref="InvalidDataException">The file is not an OMX file of this layout.</exception>
    public static Contents Read(string path)
    {
        using var file = H5File.OpenRead(path);
        if (!file.AttributeExists("SHAPE"))
        {
            throw new InvalidDataException($"{path}: no SHAPE attribute; not an OMX file");
        }
        var shape = file.Attribute("SHAPE").Read<int[]>();
        if (shape.Length != 2 || shape[0] < 0 || shape[1] < 0)
        {
            throw new InvalidDataException($"{path}: SHAPE must hold two non-negative sizes");
        }
        var matrices = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var child in file.Group("data").Children())
        {
            if (child is IH5Dataset ds)
            {
                matrices[child.Name] = ds.Read<double[]>();
            }
        }
        var lookups = new Dictionary<string, int[]>(StringComparer.Ordinal);
        if (file.LinkExists("lookup"))
        {
            foreach (var child in file.Group("lookup").Children())
            {
                if (child is IH5Dataset ds)
                {
                    lookups[child.Name] = ds.Read<int[]>();
                }
            }
        }
        return new Contents(shape[0], shape[1], matrices, lookups);
    }
}
