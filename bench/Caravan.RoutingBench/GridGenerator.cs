using System.Globalization;
using System.Text;

namespace Caravan.RoutingBench;

/// <summary>
/// Writes a side × side grid in DIMACS format (<c>.gr</c> arcs, <c>.co</c> coordinates) so Caravan and an outside
/// reference read the same file: every vertex has arcs to its 4 neighbours, each direction with its own weight drawn
/// uniformly from [1, 1000] by a seeded generator, so the file is the same on every machine.
/// </summary>
internal static class GridGenerator
{
    public static (string Graph, string Coordinates) Write(string basePath, int side, int seed)
    {
        var n = (long)side * side;
        var m = 4L * side * (side - 1);
        var random = new Random(seed);
        var graphPath = basePath + ".gr";
        using (var gr = new StreamWriter(graphPath, false, new UTF8Encoding(false), 1 << 20))
        {
            gr.Write(string.Create(CultureInfo.InvariantCulture, $"c {side}x{side} grid, 4-neighbour, weights uniform in [1, 1000], seed {seed} (Caravan bench)\n"));
            gr.Write(string.Create(CultureInfo.InvariantCulture, $"p sp {n} {m}\n"));
            Span<char> line = stackalloc char[64];
            for (var y = 0; y < side; y++)
            {
                for (var x = 0; x < side; x++)
                {
                    var v = ((long)y * side) + x + 1;
                    if (x + 1 < side)
                    {
                        Arc(gr, line, v, v + 1, random.Next(1, 1001));
                        Arc(gr, line, v + 1, v, random.Next(1, 1001));
                    }
                    if (y + 1 < side)
                    {
                        Arc(gr, line, v, v + side, random.Next(1, 1001));
                        Arc(gr, line, v + side, v, random.Next(1, 1001));
                    }
                }
            }
        }
        var coordinatesPath = basePath + ".co";
        using (var co = new StreamWriter(coordinatesPath, false, new UTF8Encoding(false), 1 << 20))
        {
            co.Write(string.Create(CultureInfo.InvariantCulture, $"c {side}x{side} grid coordinates (Caravan bench)\np aux sp co {n}\n"));
            for (var y = 0; y < side; y++)
            {
                for (var x = 0; x < side; x++)
                {
                    co.Write(string.Create(CultureInfo.InvariantCulture, $"v {((long)y * side) + x + 1} {x * 100} {y * 100}\n"));
                }
            }
        }
        return (graphPath, coordinatesPath);
    }

    private static void Arc(StreamWriter writer, Span<char> line, long tail, long head, int weight)
    {
        line[0] = 'a';
        line[1] = ' ';
        var length = 2;
        tail.TryFormat(line[length..], out var w, default, CultureInfo.InvariantCulture);
        length += w;
        line[length++] = ' ';
        head.TryFormat(line[length..], out w, default, CultureInfo.InvariantCulture);
        length += w;
        line[length++] = ' ';
        weight.TryFormat(line[length..], out w, default, CultureInfo.InvariantCulture);
        length += w;
        line[length++] = '\n';
        writer.Write(line[..length]);
    }
}
