using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Caravan.Tests.Cli;

/// <summary>
/// The native AOT <c>caravan</c> (published by scripts/test.sh into artifacts/aot/) answers like the JIT one, JSON
/// included. Without the binary the tests fail: the script must produce it.
/// </summary>
public sealed class AotBinaryTests
{
    private static string Binary
    {
        get
        {
            var path = Path.Combine(TestData.RepositoryRoot, "artifacts", "aot", "Caravan.Cli");
            Assert.True(File.Exists(path), $"native AOT binary missing: {path} (scripts/test.sh publishes it)");
            return path;
        }
    }

    private static JsonNode Json(CliProcess.Result r)
    {
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stderr}");
        return JsonNode.Parse(r.Stdout) ?? throw new InvalidOperationException("no JSON: " + r.Stdout);
    }

    // Wall-clock figures differ between any two runs; everything else must be the same to the last digit.
    private static readonly HashSet<string> TimingFields = new(StringComparer.Ordinal) { "seconds", "elapsedSeconds", "traceId" };

    private static JsonNode? WithoutTiming(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            foreach (var key in o.Select(kv => kv.Key).Where(TimingFields.Contains).ToList())
            {
                o.Remove(key);
            }
            foreach (var kv in o.ToList())
            {
                WithoutTiming(kv.Value);
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var item in a)
            {
                WithoutTiming(item);
            }
        }
        return node;
    }

    private static void SameAsJit(params string[] args)
    {
        var aot = WithoutTiming(Json(CliProcess.RunProgram(Binary, args)))!;
        var jit = WithoutTiming(Json(CliProcess.Run(args)))!;
        Assert.True(JsonNode.DeepEquals(jit, aot), $"AOT and JIT documents differ for: {string.Join(' ', args)}\nAOT: {aot.ToJsonString()[..Math.Min(2000, aot.ToJsonString().Length)]}");
    }

    [Fact]
    public void Route_json_is_the_jit_document()
    {
        SameAsJit("route", "--from", "Xi'an", "--to", "Duisburg", "--json");
        var doc = Json(CliProcess.RunProgram(Binary, "route", "--from", "Xi'an", "--to", "Duisburg", "--json"));
        Assert.NotEmpty(doc["routes"]!.AsArray());
    }

    [Fact]
    public void Places_json_is_the_jit_document()
    {
        SameAsJit("places", "xian", "--json");
        var hits = Json(CliProcess.RunProgram(Binary, "places", "xian", "--json")).AsArray();
        Assert.Contains(hits, h => h!["code"]!.GetValue<string>() == "CNSIA");
    }

    [Fact]
    public void Validate_json_is_the_jit_document() => SameAsJit("validate", "--json");

    [Fact]
    public void Matrix_json_is_the_jit_document()
    {
        SameAsJit("matrix", "--from", "all", "--to", "all", "--json");
    }

    [Fact]
    public void Calibrate_json_is_the_jit_document() => SameAsJit("calibrate", "--json");

    [Fact]
    public void Calibrate_volumes_json_is_the_jit_document()
    {
        SameAsJit("calibrate", "--volumes", Path.Combine(TestPaths.Data, "calibration-volumes.csv"), "--json");
        var doc = Json(CliProcess.RunProgram(Binary, "calibrate", "--volumes", Path.Combine(TestPaths.Data, "calibration-volumes.csv"), "--json"));
        Assert.NotEmpty(doc["volumes"]!.AsArray());
    }

    [Fact]
    public void Assign_demand_json_is_the_jit_document()
    {
        // The wall time and the start time differ between two runs; everything else is the same to the last digit.
        string[] args = ["assign", "--demand", Path.Combine(TestPaths.Data, "demand", "eurasia-2024.csv"), "--year", "2024", "--json"];
        var aot = Json(CliProcess.RunProgram(Binary, args)).AsObject();
        var jit = Json(CliProcess.Run(args)).AsObject();
        foreach (var clock in new[] { "seconds", "started" })
        {
            Assert.True(aot.Remove(clock) && jit.Remove(clock), $"both documents carry '{clock}'");
        }
        Assert.True(JsonNode.DeepEquals(jit, aot), "AOT and JIT assign --demand documents differ");
        Assert.True(aot["converged"]!.GetValue<bool>());
    }

    [Fact]
    public void Flows_json_is_the_jit_document()
    {
        SameAsJit("flows", "--json");
        SameAsJit("flows", "--elasticities", "--json", "--top", "3");
    }

    [Fact]
    public void Export_geojson_is_the_jit_collection()
    {
        var aot = Json(CliProcess.RunProgram(Binary, "export", "--geojson"));
        Assert.Equal("FeatureCollection", aot["type"]!.GetValue<string>());
        Assert.NotEmpty(aot["features"]!.AsArray());
        Assert.True(JsonNode.DeepEquals(Json(CliProcess.Run("export", "--geojson")), aot), "AOT and JIT GeoJSON differ");
    }

    [Fact]
    public void Bad_input_gives_the_json_error_document()
    {
        var r = CliProcess.RunProgram(Binary, "route", "--from", "Nowhere-At-All", "--to", "Duisburg", "--json");
        Assert.NotEqual(0, r.ExitCode);
        var jit = CliProcess.Run("route", "--from", "Nowhere-At-All", "--to", "Duisburg", "--json");
        Assert.Equal(jit.ExitCode, r.ExitCode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(jit.Stdout), JsonNode.Parse(r.Stdout)), "error documents differ: " + r.Stdout + r.Stderr);
    }

    [Fact]
    public void Reach_json_is_the_jit_document() => SameAsJit("reach", "--from", "Xi'an", "--within", "10d", "--json");

    [Fact]
    public void Scenarios_json_is_the_jit_document() => SameAsJit("scenarios", "--json");

    [Fact]
    public void Compare_json_is_the_jit_document() => SameAsJit("compare", "base", "northern-closed", "--json");

    [Fact]
    public void Dated_route_json_is_the_jit_document_in_local_time()
    {
        SameAsJit("route", "--from", "Xi'an", "--to", "Duisburg", "--depart", "2026-12-01T08:00", "--json");
        var doc = Json(CliProcess.RunProgram(Binary, "route", "--from", "Xi'an", "--to", "Duisburg", "--depart", "2026-12-01T08:00", "--json"));
        Assert.Equal("2026-12-01T08:00+08:00", doc["routes"]![0]!["legs"]![0]!["departs"]!.GetValue<string>());
    }

    [Fact]
    public void Route_tables_print()
    {
        // The table output (Spectre.Console) under AOT, with dated legs in local time.
        var r = CliProcess.RunProgram(Binary, "route", "--from", "Xi'an", "--to", "Duisburg", "--depart", "2026-12-01T08:00");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("+08:00", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Itinerary_csv_is_the_jit_file()
    {
        var dir = Directory.CreateTempSubdirectory("caravan-aot-itinerary").FullName;
        try
        {
            string[] Args(string tag) => ["route", "--from", "Xi'an", "--to", "Duisburg", "--depart", "2026-12-01", "--csv", Path.Combine(dir, tag + ".csv"), "--json"];
            Json(CliProcess.RunProgram(Binary, Args("aot")));
            Json(CliProcess.Run(Args("jit")));
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "jit.csv")), File.ReadAllBytes(Path.Combine(dir, "aot.csv")));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("gmns", "")]
    [InlineData("geojson", "network.geojson")]
    public void Convert_writes_the_jit_files(string format, string file)
    {
        var dir = Directory.CreateTempSubdirectory("caravan-aot-convert").FullName;
        try
        {
            string Out(string tag) => file.Length == 0 ? Path.Combine(dir, tag) : Path.Combine(dir, tag + "-" + file);
            var aot = CliProcess.RunProgram(Binary, "convert", "--to", format, "--out", Out("aot"));
            Assert.True(aot.ExitCode == 0, aot.Stderr);
            var jit = CliProcess.Run("convert", "--to", format, "--out", Out("jit"));
            Assert.True(jit.ExitCode == 0, jit.Stderr);
            var (a, b) = (Out("aot"), Out("jit"));
            var files = Directory.Exists(a) ? Directory.GetFiles(a).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList() : [null];
            Assert.NotEmpty(files);
            foreach (var f in files)
            {
                var (fa, fb) = f is null ? (a, b) : (Path.Combine(a, f), Path.Combine(b, f));
                Assert.True(File.ReadAllBytes(fb).AsSpan().SequenceEqual(File.ReadAllBytes(fa)), $"{format}: {f ?? file} differs between AOT and JIT");
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Saved_runs_round_trip_through_the_store()
    {
        // --save writes typed records (no reflection under AOT); runs list/export read them back.
        var dir = Directory.CreateTempSubdirectory("caravan-aot-runs").FullName;
        try
        {
            var db = Path.Combine(dir, "runs.db");
            var route = CliProcess.RunProgram(Binary, "route", "--from", "Xi'an", "--to", "Duisburg", "--save", "--db", db, "--json");
            Assert.True(route.ExitCode == 0, route.Stderr);
            var compare = CliProcess.RunProgram(Binary, "compare", "base", "northern-closed", "--save", "--db", db, "--json");
            Assert.True(compare.ExitCode == 0, compare.Stderr);
            var list = Json(CliProcess.RunProgram(Binary, "runs", "list", "--db", db, "--json")).AsArray();
            Assert.Equal(2, list.Count);
            foreach (var run in list)
            {
                var id = run!["id"]!.ToString();
                var exported = Json(CliProcess.RunProgram(Binary, "runs", "export", id, "--db", db));
                Assert.True(JsonNode.DeepEquals(Json(CliProcess.Run("runs", "export", id, "--db", db)), exported), $"run {id}: AOT and JIT exports differ");
                Assert.NotNull(exported["run"]!["summary"]);
                Assert.NotEmpty(exported["results"]!.AsArray());
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Route_batch_lines_are_the_jit_lines()
    {
        var dir = Directory.CreateTempSubdirectory("caravan-aot-batch").FullName;
        try
        {
            var csv = Path.Combine(dir, "q.csv");
            File.WriteAllText(csv, "from,to,optimize\nXi'an,Duisburg,time\nNowhere,Baku,\nAlmaty,Baku,cost\n");
            var aot = CliProcess.RunProgram(Binary, "route", "--batch", csv);
            var jit = CliProcess.Run("route", "--batch", csv);
            Assert.True(aot.ExitCode == 0, aot.Stderr);
            var a = aot.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var j = jit.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(3, a.Length);
            Assert.Equal(j.Length, a.Length);
            for (var k = 0; k < a.Length; k++)
            {
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(j[k]), JsonNode.Parse(a[k])), $"batch line {k + 1} differs: {a[k]}");
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Places_near_json_is_the_jit_document() => SameAsJit("places", "--near", "51.43,6.76", "--limit", "4", "--json");

    [Fact]
    public void Scenario_detail_json_is_the_jit_document() => SameAsJit("scenarios", "cku-railway", "--json");

    [Fact]
    public void Assign_tntp_json_is_the_jit_document() =>
        SameAsJit("assign", "--tntp", TestData.Tntp("SiouxFalls"), "--gap", "1e-4", "--threads", "1", "--json");

    [Fact]
    public void Matrix_csv_is_the_jit_file()
    {
        var dir = Directory.CreateTempSubdirectory("caravan-aot-matrix").FullName;
        try
        {
            string[] Args(string tag) => ["matrix", "--from", "Xi'an,Almaty", "--to", "Duisburg,Baku,Tashkent", "--objective", "cost", "--csv", Path.Combine(dir, tag + ".csv")];
            var aot = CliProcess.RunProgram(Binary, Args("aot"));
            Assert.True(aot.ExitCode == 0, aot.Stderr);
            var jit = CliProcess.Run(Args("jit"));
            Assert.True(jit.ExitCode == 0, jit.Stderr);
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "jit.csv")), File.ReadAllBytes(Path.Combine(dir, "aot.csv")));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("Xi'an,Almaty,Chongqing", "all")]
    [InlineData("all", "all")]
    public void Matrix_omx_is_the_jit_file(string from, string to)
    {
        // PureHDF picks its encoders by reflection; src/Caravan.Cli/PureHDF.rd.xml gives the AOT binary their code.
        var dir = Directory.CreateTempSubdirectory("caravan-aot-omx").FullName;
        try
        {
            var (a, j) = (Path.Combine(dir, "aot.omx"), Path.Combine(dir, "jit.omx"));
            var aot = CliProcess.RunProgram(Binary, "matrix", "--from", from, "--to", to, "--omx", a);
            Assert.True(aot.ExitCode == 0, aot.Stderr);
            var jit = CliProcess.Run("matrix", "--from", from, "--to", to, "--omx", j);
            Assert.True(jit.ExitCode == 0, jit.Stderr);
            Assert.Equal(jit.Stderr.Replace(j, a, StringComparison.Ordinal), aot.Stderr);

            var (ra, rj) = (Caravan.Data.Omx.OmxFile.Read(a), Caravan.Data.Omx.OmxFile.Read(j));
            Assert.Equal((rj.Rows, rj.Columns), (ra.Rows, ra.Columns));
            Assert.True(ra.Rows >= 3 && ra.Columns > 3, $"{ra.Rows} × {ra.Columns}");
            Assert.Equal(Caravan.Skims.SkimOmx.MatrixNames.Order(StringComparer.Ordinal), ra.Matrices.Keys.Order(StringComparer.Ordinal));
            foreach (var (name, values) in rj.Matrices)
            {
                Assert.Equal((long)ra.Rows * ra.Columns, ra.Matrices[name].Length);
                Assert.Equal(values, ra.Matrices[name]); // NaN (no path) equals NaN here
            }
            Assert.Equal(["destinations", "origins"], ra.Lookups.Keys.Order(StringComparer.Ordinal));
            foreach (var (name, values) in rj.Lookups)
            {
                Assert.Equal(values, ra.Lookups[name]);
            }
            Assert.Equal(ra.Rows, ra.Lookups["origins"].Length);
            // PureHDF writes no clock or address of its own: the same input gives the same bytes.
            Assert.True(File.ReadAllBytes(j).AsSpan().SequenceEqual(File.ReadAllBytes(a)), "AOT and JIT OMX files differ");

            // A second HDF5 reader (python3-h5py, scripts/install-tools.sh) sees the AOT file as the JIT one.
            const string script = "import sys, h5py\n" +
                                  "f = h5py.File(sys.argv[1], 'r')\n" +
                                  "v = f.attrs['OMX_VERSION']\n" +
                                  "v = v.decode() if isinstance(v, bytes) else str(v)\n" +
                                  "s = f.attrs['SHAPE']\n" +
                                  "print('root', v, s.dtype, ' '.join(str(int(x)) for x in s), ' '.join(sorted(f.keys())))\n" +
                                  "for g in ('data', 'lookup'):\n" +
                                  "    for n in sorted(f[g]):\n" +
                                  "        d = f[g][n]\n" +
                                  "        print(g, n, d.dtype, 'x'.join(str(x) for x in d.shape), d[()].tobytes().hex())\n" +
                                  "f.close()\n";
            var (ca, oa, ea) = Caravan.Tests.Formats.ExternalTool.Run("/usr/bin/python3", "-c", script, a);
            Assert.True(ca == 0, "h5py could not read the AOT OMX file (scripts/install-tools.sh installs python3-h5py): " + ea);
            var (cj, oj, ej) = Caravan.Tests.Formats.ExternalTool.Run("/usr/bin/python3", "-c", script, j);
            Assert.True(cj == 0, ej);
            var lines = oa.TrimEnd('\n').Split('\n');
            Assert.Equal($"root 0.2 int32 {ra.Rows} {ra.Columns} data lookup", lines[0]);
            Assert.Equal(1 + ra.Matrices.Count + ra.Lookups.Count, lines.Length);
            Assert.All(lines.Where(l => l.StartsWith("data ", StringComparison.Ordinal)), l => Assert.Contains($" float64 {ra.Rows}x{ra.Columns} ", l, StringComparison.Ordinal));
            Assert.Equal(oj, oa);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Itinerary_xlsx_reads_back_as_the_jit_workbook()
    {
        var dir = Directory.CreateTempSubdirectory("caravan-aot-xlsx").FullName;
        try
        {
            string[] Args(string tag) => ["route", "--from", "Xi'an", "--to", "Duisburg", "--depart", "2026-12-01", "--xlsx", Path.Combine(dir, tag + ".xlsx"), "--json"];
            Json(CliProcess.RunProgram(Binary, Args("aot")));
            Json(CliProcess.Run(Args("jit")));
            var aot = XlsxCells.Read(Path.Combine(dir, "aot.xlsx"), "Itinerary");
            var jit = XlsxCells.Read(Path.Combine(dir, "jit.xlsx"), "Itinerary");
            Assert.True(aot.Count > 40, $"only {aot.Count} cells");
            Assert.Equal(jit.Values, aot.Values);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Geopackage_layers_and_gmns_import_are_the_jit_ones()
    {
        var dir = Directory.CreateTempSubdirectory("caravan-aot-gpkg").FullName;
        try
        {
            var (ga, gj) = (Path.Combine(dir, "aot.gpkg"), Path.Combine(dir, "jit.gpkg"));
            var aot = CliProcess.RunProgram(Binary, "convert", "--to", "gpkg", "--out", ga);
            Assert.True(aot.ExitCode == 0, aot.Stderr);
            var jit = CliProcess.Run("convert", "--to", "gpkg", "--out", gj);
            Assert.True(jit.ExitCode == 0, jit.Stderr);
            Assert.Equal(jit.Stdout, aot.Stdout);
            foreach (var layer in new[] { "places", "links", "crossings" })
            {
                var rows = Rows(ga, layer);
                Assert.NotEmpty(rows);
                Assert.Equal(Rows(gj, layer), rows);
            }
            // GMNS read back by the AOT binary: the same network fingerprint as the JIT one prints.
            var gmns = Path.Combine(dir, "gmns");
            Assert.Equal(0, CliProcess.Run("convert", "--to", "gmns", "--out", gmns).ExitCode);
            var back = CliProcess.RunProgram(Binary, "convert", "--from-gmns", gmns, "--to", "geojson", "--out", Path.Combine(dir, "a.geojson"));
            Assert.True(back.ExitCode == 0, back.Stderr);
            Assert.Equal(CliProcess.Run("convert", "--from-gmns", gmns, "--to", "geojson", "--out", Path.Combine(dir, "j.geojson")).Stdout, back.Stdout);
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "j.geojson")), File.ReadAllBytes(Path.Combine(dir, "a.geojson")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
        }
    }

    private static List<string> Rows(string gpkg, string table)
    {
        using var db = new SqliteConnection($"Data Source={gpkg};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
        {
            var cells = new string[r.FieldCount];
            for (var c = 0; c < r.FieldCount; c++)
            {
                cells[c] = r.IsDBNull(c) ? "null" : r.GetValue(c) is byte[] b ? Convert.ToHexString(b) : Convert.ToString(r.GetValue(c), System.Globalization.CultureInfo.InvariantCulture)!;
            }
            rows.Add(string.Join('|', cells));
        }
        return rows;
    }

    [Fact]
    public void Export_png_is_the_jit_map()
    {
        var dir = Directory.CreateTempSubdirectory("caravan-aot-png").FullName;
        try
        {
            var aot = CliProcess.RunProgram(Binary, "export", "--png", Path.Combine(dir, "aot.png"));
            Assert.True(aot.ExitCode == 0, aot.Stderr);
            Assert.Equal(0, CliProcess.Run("export", "--png", Path.Combine(dir, "jit.png")).ExitCode);
            var bytes = File.ReadAllBytes(Path.Combine(dir, "aot.png"));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "jit.png")), bytes);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Runs_show_and_delete_answer_as_the_jit_ones()
    {
        var dir = Directory.CreateTempSubdirectory("caravan-aot-runs2").FullName;
        try
        {
            var db = Path.Combine(dir, "runs.db");
            Assert.Equal(0, CliProcess.RunProgram(Binary, "route", "--from", "Xi'an", "--to", "Duisburg", "--save", "--db", db).ExitCode);
            var id = Json(CliProcess.RunProgram(Binary, "runs", "list", "--db", db, "--json")).AsArray().Single()!["id"]!.ToString();
            var show = CliProcess.RunProgram(Binary, "runs", "show", id, "--db", db);
            Assert.True(show.ExitCode == 0, show.Stderr);
            Assert.Equal(CliProcess.Run("runs", "show", id, "--db", db).Stdout, show.Stdout);
            var delete = CliProcess.RunProgram(Binary, "runs", "delete", id, "--db", db);
            Assert.True(delete.ExitCode == 0, delete.Stderr);
            Assert.Empty(Json(CliProcess.Run("runs", "list", "--db", db, "--json")).AsArray());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Sweep_on_an_in_process_silo_answers_as_the_jit_build()
    {
        // Orleans under native AOT: the in-process silo starts, runs the sweep's 16 runs and stops (OrleansNativeAot,
        // Orleans.rd.xml); the appraisal is the JIT build's to the last digit.
        var dir = Directory.CreateTempSubdirectory("caravan-aot-sweep").FullName;
        try
        {
            var spec = Path.Combine(TestPaths.Data, "sweeps", "small.json");
            var aot = Json(CliProcess.RunProgram(Binary, "sweep", spec, "--json", "--db", Path.Combine(dir, "aot.db")));
            var jit = Json(CliProcess.Run("sweep", spec, "--json", "--db", Path.Combine(dir, "jit.db")));
            Assert.Equal(WithoutTiming(jit)!.ToJsonString(), WithoutTiming(aot)!.ToJsonString());
            var badSpec = CliProcess.RunProgram(Binary, "sweep", Path.Combine(dir, "missing.json"));
            Assert.Equal(CliProcess.Run("sweep", Path.Combine(dir, "missing.json")).Stderr, badSpec.Stderr);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("postgres")]
    public void Sweep_on_a_cluster_of_native_silos_answers_as_the_jit_build(string membership)
    {
        // Two native silos and a native client: grain calls and membership between processes, serialized, not only
        // copied within one; membership on localhost (the first silo the primary) or in PostgreSQL (Orleans' ADO.NET
        // clustering, which finds Npgsql's factory by reflection).
        var dir = Directory.CreateTempSubdirectory("caravan-aot-silos").FullName;
        var ports = SiloPorts(2);
        var cluster = membership == "postgres"
            ? Support.PostgresServer.Shared.UrlFor(Support.PostgresServer.Shared.CreateDatabase("aotsweep"))
            : "localhost:" + string.Join(',', ports);
        var silos = new List<Process>();
        try
        {
            foreach (var port in ports)
            {
                silos.Add(StartSilo(cluster, port));
            }
            var spec = Path.Combine(TestPaths.Data, "sweeps", "small.json");
            var aot = Json(CliProcess.RunProgram(Binary, "sweep", spec, "--json", "--cluster", cluster, "--db", Path.Combine(dir, "aot.db")));
            var jit = Json(CliProcess.Run("sweep", spec, "--json", "--db", Path.Combine(dir, "jit.db")));
            Assert.Equal(WithoutTiming(jit)!.ToJsonString(), WithoutTiming(aot)!.ToJsonString());
        }
        finally
        {
            foreach (var silo in silos)
            {
                silo.Kill(entireProcessTree: true);
                silo.WaitForExit();
                silo.Dispose();
            }
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
        }
    }

    // Starts a native silo and waits for the line saying that it joined the cluster.
    private static Process StartSilo(string cluster, int port)
    {
        var psi = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        foreach (var a in new[] { "silo", "--cluster", cluster, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            psi.ArgumentList.Add(a);
        }
        var process = Process.Start(psi)!;
        var joined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var said = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (said)
            {
                said.AppendLine(e.Data);
            }
            if (e.Data?.Contains("joined cluster", StringComparison.Ordinal) == true)
            {
                joined.TrySetResult();
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        if (!joined.Task.Wait(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            lock (said)
            {
                Assert.Fail($"native silo on port {port} did not join {cluster}: {said}");
            }
        }
        return process;
    }

    // Free silo ports whose gateway ports (+10000) are free too.
    private static int[] SiloPorts(int count)
    {
        var ports = new List<int>();
        for (var candidate = 21000 + (Environment.ProcessId % 500) * 20; ports.Count < count && candidate < 55000; candidate++)
        {
            if (IsFree(candidate) && IsFree(candidate + 10000))
            {
                ports.Add(candidate);
            }
        }
        return [.. ports];
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [Fact]
    public void Silo_refuses_bad_input_as_the_jit_one()
    {
        // A silo serves a sweep cluster until stopped; here only its input checking, which needs no cluster.
        var aot = CliProcess.RunProgram(Binary, "silo", "--cluster", "localhost:not-a-port", "--port", "11111");
        var jit = CliProcess.Run("silo", "--cluster", "localhost:not-a-port", "--port", "11111");
        Assert.NotEqual(0, aot.ExitCode);
        Assert.Equal(jit.ExitCode, aot.ExitCode);
        Assert.Equal(jit.Stderr, aot.Stderr);
    }

    [Fact]
    public async Task Serve_answers_as_the_jit_server()
    {
        // Both servers get the same built page, so index.html is the static-file path of each.
        var webRoot = Path.Combine(Path.GetDirectoryName(Binary)!, "wwwroot");
        Assert.True(File.Exists(Path.Combine(webRoot, "index.html")), "the AOT publish has no wwwroot/index.html");
        using var aot = await Server.StartAsync(Binary, [], webRoot);
        using var jit = await Server.StartAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "Caravan.Cli.dll")], webRoot);
        var gets = new[]
        {
            "/api/route?from=Xi%27an&to=Duisburg",
            "/api/reach?from=Xi%27an&within=10d",
            "/api/places/nearest?lat=51.43&lon=6.76&limit=4",
            "/api/places?q=xian",
            "/api/meta",
            "/api/scenarios/cku-railway",
            "/api/route?from=Xi%27an&to=Duisburg&avoidCountries=RU",
            "/api/route?from=Nowhere-At-All&to=Duisburg",
        };
        foreach (var path in gets)
        {
            await SameAnswerAsync(aot, jit, HttpMethod.Get, path, null);
        }
        await SameAnswerAsync(aot, jit, HttpMethod.Post, "/api/matrix", "{\"from\": [\"Xi'an\", \"Almaty\"], \"to\": [\"Duisburg\", \"Baku\"], \"objective\": \"time\"}");
        await SameAnswerAsync(aot, jit, HttpMethod.Post, "/api/route/batch", "{\"queries\": [{\"from\": \"Xi'an\", \"to\": \"Duisburg\", \"optimize\": \"time\"}, {\"from\": \"Nowhere\", \"to\": \"Baku\"}]}");
        await SameAnswerAsync(aot, jit, HttpMethod.Post, "/api/matrix", "{\"from\": [\"Xi'an\"], \"to\": [\"all\"], \"colour\": 1}");

        var problem = await aot.Client.GetAsync("/api/route?from=Xi%27an&to=Duisburg&avoidCountries=RU");
        Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
        Assert.Equal("UnknownParameter", JsonNode.Parse(await problem.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());

        // The OpenAPI document, generated at run time by both (the server URL aside).
        var openApiAot = JsonNode.Parse(await aot.Client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var openApiJit = JsonNode.Parse(await jit.Client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        openApiAot.Remove("servers");
        openApiJit.Remove("servers");
        Assert.True(JsonNode.DeepEquals(openApiJit, openApiAot), "AOT and JIT OpenAPI documents differ");
        var paths = openApiAot["paths"]!.AsObject();
        foreach (var p in new[] { "/api/matrix", "/api/route/batch", "/api/reach", "/api/places/nearest", "/api/route" })
        {
            Assert.True(paths.ContainsKey(p), $"OpenAPI lacks {p}");
        }

        var indexAot = await aot.Client.GetByteArrayAsync("/index.html");
        Assert.Contains("<!doctype html>", Encoding.UTF8.GetString(indexAot), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(await jit.Client.GetByteArrayAsync("/index.html"), indexAot);

        // The itinerary download's workbook, read back cell by cell.
        var dir = Directory.CreateTempSubdirectory("caravan-aot-serve").FullName;
        try
        {
            const string xlsx = "/api/route/itinerary/xlsx?from=xian&to=DEDUI&depart=2026-12-01";
            await File.WriteAllBytesAsync(Path.Combine(dir, "aot.xlsx"), await aot.Client.GetByteArrayAsync(xlsx));
            await File.WriteAllBytesAsync(Path.Combine(dir, "jit.xlsx"), await jit.Client.GetByteArrayAsync(xlsx));
            Assert.Equal(XlsxCells.Read(Path.Combine(dir, "jit.xlsx"), "Itinerary").Values, XlsxCells.Read(Path.Combine(dir, "aot.xlsx"), "Itinerary").Values);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static async Task SameAnswerAsync(Server aot, Server jit, HttpMethod method, string path, string? body)
    {
        async Task<(HttpStatusCode Status, string? Type, JsonNode? Json)> Ask(Server s)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }
            using var response = await s.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, WithoutTiming(JsonNode.Parse(text)));
        }
        var a = await Ask(aot);
        var j = await Ask(jit);
        Assert.True(a.Status == j.Status, $"{method} {path}: AOT {a.Status}, JIT {j.Status}: {a.Json?.ToJsonString()}");
        Assert.Equal(j.Type, a.Type);
        Assert.True(JsonNode.DeepEquals(j.Json, a.Json), $"{method} {path}: AOT and JIT answers differ\nAOT: {a.Json?.ToJsonString()[..Math.Min(1500, a.Json.ToJsonString().Length)]}");
    }

    /// <summary>A <c>caravan serve</c> child process on a free loopback port, stopped on dispose.</summary>
    private sealed class Server : IDisposable
    {
        private readonly Process _process;

        private Server(Process process, int port)
        {
            _process = process;
            Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        }

        public HttpClient Client { get; }

        public static async Task<Server> StartAsync(string program, string[] prefix, string webRoot)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
            foreach (var a in prefix.Concat(["serve", "--urls", $"http://127.0.0.1:{port}", "--web-root", webRoot]))
            {
                psi.ArgumentList.Add(a);
            }
            var process = Process.Start(psi)!;
            var server = new Server(process, port);
            var started = Stopwatch.StartNew();
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(90));
                if (line is null)
                {
                    var err = await process.StandardError.ReadToEndAsync();
                    server.Dispose();
                    throw new InvalidOperationException($"{program} serve ended before listening: {err}");
                }
                if (line.StartsWith("Caravan serving", StringComparison.Ordinal))
                {
                    return server;
                }
                if (started.Elapsed > TimeSpan.FromSeconds(90))
                {
                    server.Dispose();
                    throw new TimeoutException($"{program} serve did not start");
                }
            }
        }

        public void Dispose()
        {
            Client.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
            _process.Dispose();
        }
    }
}
