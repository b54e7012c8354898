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
    public void Serve_says_it_is_not_in_this_build()
    {
        var r = CliProcess.RunProgram(Binary, "serve", "--urls", "http://127.0.0.1:0");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("serve is not available in this build", r.Stderr + r.Stdout, StringComparison.Ordinal);
    }
}
