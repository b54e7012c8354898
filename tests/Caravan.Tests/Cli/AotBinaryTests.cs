using System.Text.Json.Nodes;
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

    private static void SameAsJit(params string[] args)
    {
        var aot = Json(CliProcess.RunProgram(Binary, args));
        var jit = Json(CliProcess.Run(args));
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
        // The wall time differs between two runs; everything else is the same to the last digit.
        string[] args = ["assign", "--demand", Path.Combine(TestPaths.Data, "demand", "eurasia-2024.csv"), "--year", "2024", "--json"];
        var aot = Json(CliProcess.RunProgram(Binary, args)).AsObject();
        var jit = Json(CliProcess.Run(args)).AsObject();
        aot.Remove("seconds");
        jit.Remove("seconds");
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
            // CSV only: ClosedXML's XLSX writer fails its type initialisation under native AOT (an open gap, see the README).
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
                Assert.NotNull(exported["summary"]);
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Serve_says_it_is_not_in_this_build()
    {
        var r = CliProcess.RunProgram(Binary, "serve", "--urls", "http://127.0.0.1:0");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("serve is not available in this build", r.Stderr + r.Stdout, StringComparison.Ordinal);
    }
}
