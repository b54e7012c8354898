using System.Text.Json;
using Caravan.Data;
using Xunit;

namespace Caravan.Tests.Cli;

/// <summary>The real <c>caravan</c> program: matrix, reach, places --near, route --batch, convert.</summary>
public sealed class ModellingCliTests
{
    private static string Temp(string name) => Path.Combine(Path.GetTempPath(), "caravan-cli-" + Guid.NewGuid().ToString("N") + "-" + name);

    [Fact]
    public void Matrix_all_to_all_json_is_the_full_square()
    {
        var places = NetworkReader.ReadFolder(TestPaths.Data).Places.Count;
        var r = CliProcess.Run("matrix", "--from", "all", "--to", "all", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(places, doc.RootElement.GetProperty("origins").GetArrayLength());
        Assert.Equal(places * places, doc.RootElement.GetProperty("cells").GetInt32());
        Assert.All(doc.RootElement.GetProperty("costUsd").EnumerateArray(), row => Assert.Equal(places, row.GetArrayLength()));
    }

    [Fact]
    public void Matrix_csv_and_omx_files_hold_every_pair()
    {
        var csv = Temp("m.csv");
        var omx = Temp("m.omx");
        var r = CliProcess.Run("matrix", "--from", "Xi'an,Almaty", "--to", "Duisburg,Baku,Tashkent", "--objective", "cost", "--csv", csv, "--omx", omx);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = File.ReadAllLines(csv);
        Assert.Equal(Caravan.Skims.SkimDocuments.CsvHeader, lines[0]);
        Assert.Equal(7, lines.Length);
        var back = Caravan.Data.Omx.OmxFile.Read(omx);
        Assert.Equal((2, 3), (back.Rows, back.Columns));
        Assert.Equal(double.Parse(lines[1].Split(',')[4], System.Globalization.CultureInfo.InvariantCulture), Math.Round(back.Matrices["cost_usd"][0], 2));
    }

    [Fact]
    public void Matrix_with_an_unknown_place_exits_2_with_suggestions()
    {
        var r = CliProcess.Run("matrix", "--from", "Xi'an", "--to", "Duisbrug");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--to: unknown place 'Duisbrug'; did you mean Duisburg", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Reach_lists_only_places_within_the_budget()
    {
        var r = CliProcess.Run("reach", "--from", "Xi'an", "--within", "3000usd", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var places = doc.RootElement.GetProperty("places").EnumerateArray().ToList();
        Assert.NotEmpty(places);
        Assert.All(places, p => Assert.True(p.GetProperty("costUsd").GetDouble() <= 3000));
        Assert.Equal("cost", doc.RootElement.GetProperty("objective").GetString());
        Assert.Equal(2, CliProcess.Run("reach", "--from", "Xi'an", "--within", "ten days").ExitCode);
    }

    [Fact]
    public void Places_near_a_point_are_sorted_by_distance()
    {
        var r = CliProcess.Run("places", "--near", "51.43,6.76", "--limit", "4", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var km = doc.RootElement.EnumerateArray().Select(h => h.GetProperty("distanceKm").GetDouble()).ToList();
        Assert.Equal(4, km.Count);
        Assert.Equal(km.Order(), km);
        Assert.Equal(2, CliProcess.Run("places", "--near", "91,6").ExitCode);
    }

    [Fact]
    public void Route_batch_answers_every_row_in_order()
    {
        var csv = Temp("q.csv");
        File.WriteAllText(csv, "from,to,optimize\nXi'an,Duisburg,time\nNowhere,Baku,\nAlmaty,Baku,cost\n");
        var r = CliProcess.Run("route", "--batch", csv);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([2, 3, 4], lines.Select(l => l.GetProperty("line").GetInt32()));
        Assert.True(lines[0].GetProperty("result").TryGetProperty("route", out _));
        Assert.True(lines[1].GetProperty("result").TryGetProperty("errors", out _));
        File.WriteAllText(csv, "from,to,optimise\nXi'an,Duisburg,time\n");
        var bad = CliProcess.Run("route", "--batch", csv);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains(":1: optimise: unknown column", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_round_trips_gmns_with_the_same_fingerprint()
    {
        var dir = Temp("gmns");
        var first = CliProcess.Run("convert", "--to", "gmns", "--out", dir);
        Assert.True(first.ExitCode == 0, first.Stderr);
        var second = CliProcess.Run("convert", "--from-gmns", dir, "--to", "gpkg", "--out", Temp("n.gpkg"));
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.StartsWith("fingerprint sha256:", first.Stdout, StringComparison.Ordinal);
        Assert.Equal(first.Stdout, second.Stdout);
    }
}
