using Caravan.Data;
using Caravan.Data.Omx;
using Caravan.Model;
using Caravan.Routing;
using Caravan.Services;
using Caravan.Skims;
using Caravan.Tests.Formats;
using Xunit;

namespace Caravan.Tests.Skims;

public sealed class SkimTests
{
    private static readonly Lazy<Network> Default = new(() => NetworkReader.ReadFolder(TestPaths.Data));

    private static SkimRequest Parse(string from, string to, string objective = "recommended")
    {
        var network = Default.Value;
        var parsed = new SkimQueryParser(network, new RouteQueryParser(network)).Parse(new SkimQuery { From = from, To = to, Objective = objective }, 2026);
        Assert.True(parsed.Request is not null, string.Join("; ", parsed.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return parsed.Request!;
    }

    [Theory]
    [InlineData("time")]
    [InlineData("cost")]
    [InlineData("co2")]
    [InlineData("recommended")]
    public void Every_cell_matches_the_single_route_of_the_same_objective(string objective)
    {
        var network = Default.Value;
        var request = Parse("Xi'an,Almaty,Chongqing", "Duisburg,Baku,Tashkent,Istanbul", objective);
        var graph = new RoutingGraph(network);
        var matrix = new SkimBuilder(graph).Build(request);
        var router = new Router(graph);
        for (var i = 0; i < matrix.Rows; i++)
        {
            for (var j = 0; j < matrix.Columns; j++)
            {
                var outcome = router.Route(new RouteRequest(request.Origins[i], request.Destinations[j], request.Commodity, 1, request.Objective, request.Constraints, request.Weights));
                var it = outcome.Itinerary!;
                var c = matrix.Cell(i, j);
                Assert.Equal(it.Totals.Hours, matrix.Hours[c], 6);
                Assert.Equal(it.Totals.CostUsd, matrix.CostUsd[c], 6);
                Assert.Equal(it.Totals.Co2eKg, matrix.Co2eKg[c], 6);
                Assert.Equal(it.Totals.DistanceKm, matrix.DistanceKm[c], 6);
                Assert.Equal(it.Corridor, matrix.Corridor[c]);
                Assert.True(matrix.P90Hours[c] >= matrix.Hours[c]);
            }
        }
    }

    [Fact]
    public void All_to_all_is_the_full_square_with_a_zero_diagonal()
    {
        var network = Default.Value;
        var matrix = new SkimBuilder(new RoutingGraph(network)).Build(Parse("all", "all"));
        Assert.Equal(network.Places.Count, matrix.Rows);
        Assert.Equal(network.Places.Count, matrix.Columns);
        for (var i = 0; i < matrix.Rows; i++)
        {
            Assert.Equal(0, matrix.Hours[matrix.Cell(i, i)]);
        }
        // Most pairs connect for containers; pipeline-only places do not (their cells stay NaN, never 0).
        Assert.True(matrix.ReachableCount > matrix.Rows * matrix.Columns / 2, $"{matrix.ReachableCount} reachable");
        Assert.DoesNotContain(Enumerable.Range(0, matrix.Rows * matrix.Columns), c => matrix.Corridor[c] is null && !double.IsNaN(matrix.Hours[c]) && matrix.Hours[c] > 0);
    }

    [Fact]
    public void Bad_queries_name_the_field_and_the_place()
    {
        var network = Default.Value;
        var parser = new SkimQueryParser(network, new RouteQueryParser(network));
        var parsed = parser.Parse(new SkimQuery { From = "Xi'an,Xian", To = "Duisbrug", Objective = "slowest" }, 2026);
        Assert.Null(parsed.Request);
        Assert.Contains(parsed.Errors, e => e.Field == "from" && e.Message.Contains("listed twice", StringComparison.Ordinal));
        Assert.Contains(parsed.Errors, e => e.Field == "to" && e.Code == ErrorCode.UnknownPlace && e.Places.Any(p => p.Name.StartsWith("Duisburg", StringComparison.Ordinal)));
        Assert.Contains(parsed.Errors, e => e.Field == "objective");
        Assert.Contains(parser.Parse(new SkimQuery { To = "all" }, 2026).Errors, e => e.Field == "from" && e.Code == ErrorCode.MissingValue);
    }

    [Fact]
    public void Omx_round_trips_and_reads_in_pytables_as_openmatrix_does()
    {
        var network = Default.Value;
        var matrix = new SkimBuilder(new RoutingGraph(network)).Build(Parse("all", "Duisburg,Baku,Tashkent"));
        var path = Path.Combine(Path.GetTempPath(), "caravan-" + Guid.NewGuid().ToString("N") + ".omx");
        SkimOmx.Write(matrix, path);

        var back = OmxFile.Read(path);
        Assert.Equal((matrix.Rows, matrix.Columns), (back.Rows, back.Columns));
        Assert.Equal(SkimOmx.MatrixNames.Order(), back.Matrices.Keys.Order());
        Assert.Equal(matrix.Hours, back.Matrices["hours"]);
        Assert.Equal(matrix.Co2eKg, back.Matrices["co2e_kg"]);
        Assert.Equal(matrix.Request.Origins.Select(p => p + 1), back.Lookups["origins"]);

        // openmatrix is a thin layer over PyTables (Debian's python3-tables, which scripts/install-tools.sh installs;
        // openmatrix itself is not packaged there): read the file the way openmatrix.File does.
        var script = "import sys, tables, math\n" +
                     "f = tables.open_file(sys.argv[1], 'r')\n" +
                     "a = f.root._v_attrs\n" +
                     "print(str(a['OMX_VERSION']), list(a['SHAPE']))\n" +
                     "print(sorted(f.root.data._v_children.keys()))\n" +
                     "h = f.root.data.hours\n" +
                     "print(h.shape, repr(float(h[1, 2])), list(f.root.lookup.destinations[:]))\n" +
                     "f.close()\n";
        var (code, stdout, stderr) = ExternalTool.Run("/usr/bin/python3", "-c", script, path);
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n');
        Assert.Equal($"0.2 [{matrix.Rows}, {matrix.Columns}]", lines[0]);
        Assert.Equal("['co2e_kg', 'cost_usd', 'distance_km', 'hours', 'p90_hours']", lines[1]);
        Assert.Equal($"({matrix.Rows}, {matrix.Columns}) {matrix.Hours[matrix.Cell(1, 2)].ToString("R", System.Globalization.CultureInfo.InvariantCulture)} [{string.Join(", ", matrix.Request.Destinations.Select(p => p + 1))}]", lines[2]);
    }

    [Fact]
    public void Omx_file_keeps_the_omx_conventions_in_h5py()
    {
        // A second HDF5 reader (Debian's python3-h5py, installed by scripts/install-tools.sh) checks the OMX 0.2
        // conventions openmatrix relies on; openmatrix itself is not installable here, so it is not run.
        var matrix = new SkimBuilder(new RoutingGraph(Default.Value)).Build(Parse("Xi'an,Almaty,Chongqing", "Duisburg,Baku,Tashkent,Istanbul"));
        var path = Path.Combine(Path.GetTempPath(), "caravan-" + Guid.NewGuid().ToString("N") + ".omx");
        try
        {
            SkimOmx.Write(matrix, path);
            // Values cross as the little-endian bytes of each dataset, so the comparison is exact (NaN included).
            var script = "import sys, h5py\n" +
                         "f = h5py.File(sys.argv[1], 'r')\n" +
                         "v = f.attrs['OMX_VERSION']\n" +
                         "v = v.decode() if isinstance(v, bytes) else str(v)\n" +
                         "s = f.attrs['SHAPE']\n" +
                         "print('root', v, s.dtype, ' '.join(str(int(x)) for x in s), ' '.join(sorted(f.keys())))\n" +
                         "for n in sorted(f['data']):\n" +
                         "    d = f['data'][n]\n" +
                         "    print('data', n, d.dtype, 'x'.join(str(x) for x in d.shape), d[()].astype('<f8').tobytes().hex())\n" +
                         "for n in sorted(f['lookup']):\n" +
                         "    d = f['lookup'][n]\n" +
                         "    print('lookup', n, d.dtype, 'x'.join(str(x) for x in d.shape), ' '.join(str(int(x)) for x in d[()]))\n" +
                         "f.close()\n";
            var (code, stdout, stderr) = ExternalTool.Run("/usr/bin/python3", "-c", script, path);
            Assert.True(code == 0, "h5py could not read the OMX file (scripts/install-tools.sh installs python3-h5py): " + stderr);

            var expected = new List<string> { $"root 0.2 int32 {matrix.Rows} {matrix.Columns} data lookup" };
            var byName = new Dictionary<string, double[]>(StringComparer.Ordinal)
            {
                ["co2e_kg"] = matrix.Co2eKg,
                ["cost_usd"] = matrix.CostUsd,
                ["distance_km"] = matrix.DistanceKm,
                ["hours"] = matrix.Hours,
                ["p90_hours"] = matrix.P90Hours,
            };
            Assert.Equal(SkimOmx.MatrixNames.Order(StringComparer.Ordinal), byName.Keys);
            foreach (var (name, values) in byName)
            {
                var bytes = new byte[values.Length * sizeof(double)];
                for (var i = 0; i < values.Length; i++)
                {
                    System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)), values[i]);
                }
                expected.Add($"data {name} float64 {matrix.Rows}x{matrix.Columns} {Convert.ToHexStringLower(bytes)}");
            }
            expected.Add($"lookup destinations int32 {matrix.Columns} {string.Join(' ', matrix.Request.Destinations.Select(p => p + 1))}");
            expected.Add($"lookup origins int32 {matrix.Rows} {string.Join(' ', matrix.Request.Origins.Select(p => p + 1))}");
            Assert.Equal(expected, stdout.TrimEnd('\n').Split('\n'));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
