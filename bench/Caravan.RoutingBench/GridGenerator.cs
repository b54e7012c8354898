using System.Globalization;
using Caravan.Data;

namespace Caravan.RoutingBench;

/// <summary>
/// Writes a side × side grid in DIMACS format (<c>.gr</c> arcs, <c>.co</c> coordinates) so Caravan and an outside
/// reference read the same file: every vertex has arcs to its 4 neighbours, each direction with its own weight drawn
/// uniformly from [1, 1000] by a seeded generator, so the file is the same on every machine. With
/// <c>roads</c> the grid gets a road-like hierarchy: arcs along every 8th row and column cost a quarter (arterials),
/// along every 64th a sixteenth (motorways), the structure that real road networks give a contraction hierarchy.
/// </summary>
internal static class GridGenerator
{
    public static (string Graph, string Coordinates) Write(string basePath, int side, int seed, bool roads)
    {
        var n = (long)side * side;
        var m = 4L * side * (side - 1);
        var random = new Random(seed);
        var graphPath = basePath + ".gr";
        AtomicFile.WriteText(graphPath, gr =>
        {
            gr.Write(string.Create(CultureInfo.InvariantCulture, $"c {side}x{side} grid, 4-neighbour, weights uniform in [1, 1000]{(roads ? ", /4 on every 8th row and column, /16 on every 64th" : "")}, seed {seed} (Caravan bench)\n"));
            gr.Write(string.Create(CultureInfo.InvariantCulture, $"p sp {n} {m}\n"));
            Span<char> line = stackalloc char[64];
            for (var y = 0; y < side; y++)
            {
                for (var x = 0; x < side; x++)
                {
                    var v = ((long)y * side) + x + 1;
                    // A horizontal arc runs along row y, a vertical one along column x.
                    var rowDivisor = roads ? Divisor(y) : 1;
                    var columnDivisor = roads ? Divisor(x) : 1;
                    if (x + 1 < side)
                    {
                        Arc(gr, line, v, v + 1, Weight(random, rowDivisor));
                        Arc(gr, line, v + 1, v, Weight(random, rowDivisor));
                    }
                    if (y + 1 < side)
                    {
                        Arc(gr, line, v, v + side, Weight(random, columnDivisor));
                        Arc(gr, line, v + side, v, Weight(random, columnDivisor));
                    }
                }
            }
        });
        var coordinatesPath = basePath + ".co";
        AtomicFile.WriteText(coordinatesPath, co =>
        {
            co.Write(string.Create(CultureInfo.InvariantCulture, $"c {side}x{side} grid coordinates (Caravan bench)\np aux sp co {n}\n"));
            for (var y = 0; y < side; y++)
            {
                for (var x = 0; x < side; x++)
                {
                    co.Write(string.Create(CultureInfo.InvariantCulture, $"v {((long)y * side) + x + 1} {x * 100} {y * 100}\n"));
                }
            }
        });
        return (graphPath, coordinatesPath);
    }

    private static int Divisor(int line) => line % 64 == 0 ? 16 : line % 8 == 0 ? 4 : 1;

    private static int Weight(Random random, int divisor) => Math.Max(1, random.Next(1, 1001) / divisor);

    private static void Arc(TextWriter writer, Span<char> line, long tail, long head, int weight)
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
