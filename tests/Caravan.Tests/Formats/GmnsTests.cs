using Caravan.Data;
using Caravan.Data.Gmns;
using Caravan.Model;
using Caravan.Routing;
using Xunit;

namespace Caravan.Tests.Formats;

public sealed class GmnsTests
{
    private static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "caravan-gmns-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public void Default_network_round_trips_through_gmns_with_an_identical_fingerprint()
    {
        var network = NetworkReader.ReadFolder(TestPaths.Data);
        var dir = TempDir();
        GmnsWriter.Write(network, dir);
        var back = GmnsReader.ReadNetwork(dir, network);

        Assert.Equal(network.Places.Count, back.Places.Count);
        Assert.Equal(network.Links.Count, back.Links.Count);
        Assert.Equal(NetworkFingerprint.Of(network), NetworkFingerprint.Of(back));
        // The network read back routes like the original.
        var from = network.Places.ToList().FindIndex(p => p.Name == "Xi'an");
        var to = network.Places.ToList().FindIndex(p => p.Name.StartsWith("Duisburg", StringComparison.Ordinal));
        var request = new RouteRequest(from, to, Commodity.Container, 1, Objective.Time, new RouteConstraints());
        var a = new Router(network).Route(request).Itinerary!;
        var b = new Router(back).Route(request).Itinerary!;
        Assert.Equal(a.Totals.Hours, b.Totals.Hours, 9);
        Assert.Equal(a.Totals.CostUsd, b.Totals.CostUsd, 9);
    }

    [Fact]
    public void Fingerprint_changes_when_one_value_changes()
    {
        var network = NetworkReader.ReadFolder(TestPaths.Data);
        var links = network.Links.ToList();
        links[5] = links[5] with { DistanceKm = links[5].DistanceKm + 1 };
        Assert.NotEqual(NetworkFingerprint.Of(network), NetworkFingerprint.Of(network.Places, links));
    }

    [Fact]
    public void Gmns_files_have_the_standard_columns_first_and_extensions_prefixed()
    {
        var dir = TempDir();
        GmnsWriter.Write(TestPaths.LoadMini(), dir);
        var node = File.ReadLines(Path.Combine(dir, "node.csv")).First().Split(',');
        var link = File.ReadLines(Path.Combine(dir, "link.csv")).First().Split(',');
        Assert.Equal(["node_id", "name", "x_coord", "y_coord"], node[..4]);
        Assert.Equal(["link_id", "name", "from_node_id", "to_node_id", "directed", "length"], link[..6]);
        Assert.All(node.Concat(link).Where(c => c.StartsWith("caravan", StringComparison.Ordinal)), c => Assert.StartsWith("caravan_", c));
        Assert.Contains("long_length,speed,crs", File.ReadAllText(Path.Combine(dir, "config.csv")));
    }

    [Fact]
    public void Bad_gmns_rows_are_reported_with_file_line_and_field()
    {
        var dir = TempDir();
        GmnsWriter.Write(TestPaths.LoadMini(), dir);
        var linkPath = Path.Combine(dir, "link.csv");
        var lines = File.ReadAllLines(linkPath);
        var cells = lines[1].Split(',');
        cells[3] = "999999";      // to_node_id that is no node
        cells[4] = "maybe";       // directed
        lines[1] = string.Join(',', cells);
        File.WriteAllLines(linkPath, lines);

        var result = GmnsReader.Read(dir);
        Assert.Null(result.Links);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()).ToList();
        Assert.Contains(errors, e => e.Contains("link.csv:2: to_node_id: node '999999' is not in node.csv", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("link.csv:2: directed:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plain_gmns_file_without_caravan_columns_needs_the_country_and_mode()
    {
        var dir = TempDir();
        File.WriteAllText(Path.Combine(dir, "node.csv"), "node_id,x_coord,y_coord\n1,10,50\n2,11,51\n");
        File.WriteAllText(Path.Combine(dir, "link.csv"), "link_id,from_node_id,to_node_id,directed,length,allowed_uses\n1,1,2,0,120,Road\n");
        var result = GmnsReader.Read(dir);
        Assert.Contains(result.Diagnostics, d => d.ToString().Contains("node.csv:2: caravan_country: required", StringComparison.Ordinal));

        File.WriteAllText(Path.Combine(dir, "node.csv"), "node_id,x_coord,y_coord,caravan_country\n1,10,50,DE\n2,11,51,DE\n");
        result = GmnsReader.Read(dir);
        Assert.NotNull(result.Links);
        var link = Assert.Single(result.Links!);
        Assert.Equal(Mode.Road, link.Mode);
        Assert.True(link.Bidirectional);
        Assert.Equal(120, link.DistanceKm);
    }
}
