using System.Text.Json;
using Caravan.Data;
using Caravan.Export;
using Xunit;

namespace Caravan.Tests.Formats;

public sealed class GeoJsonExportTests
{
    [Fact]
    public void Missing_values_are_null_and_each_feature_names_its_layer()
    {
        var network = NetworkReader.ReadFolder(TestPaths.Data);
        using var doc = JsonDocument.Parse(RouteGeoJson.Write(RouteGeoJson.Network(network)));
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(network.Places.Count + network.Links.Count, features.Count);
        var byLayer = features.GroupBy(f => f.GetProperty("properties").GetProperty("layer").GetString()).ToDictionary(g => g.Key!, g => g.ToList());
        Assert.Equal(["crossings", "links", "places"], byLayer.Keys.Order().ToArray());
        // One geometry type per layer.
        Assert.All(byLayer["places"], f => Assert.Equal("Point", f.GetProperty("geometry").GetProperty("type").GetString()));
        Assert.All(byLayer["links"].Concat(byLayer["crossings"]), f => Assert.Equal("LineString", f.GetProperty("geometry").GetProperty("type").GetString()));
        var links = byLayer["links"].Select(f => f.GetProperty("properties")).ToList();
        Assert.Equal(network.Links.Count(l => !l.IsCrossing && l.OpeningYear is null), links.Count(p => p.GetProperty("openingYear").ValueKind == JsonValueKind.Null));
        Assert.DoesNotContain(links, p => p.GetProperty("openingYear").ValueKind == JsonValueKind.Number && p.GetProperty("openingYear").GetInt32() == 0);
        Assert.DoesNotContain(links, p => p.GetProperty("capacityPerYear").ValueKind == JsonValueKind.Number && p.GetProperty("capacityPerYear").GetDouble() == 0);
    }
}
