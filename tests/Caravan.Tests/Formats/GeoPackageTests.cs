using Caravan.Data;
using Caravan.Data.GeoPackage;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Caravan.Tests.Formats;

public sealed class GeoPackageTests
{
    private static readonly Lazy<string> Exported = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), "caravan-" + Guid.NewGuid().ToString("N") + ".gpkg");
        GeoPackageWriter.Write(NetworkReader.ReadFolder(TestPaths.Data), path);
        return path;
    });

    [Fact]
    public void Ogrinfo_lists_three_typed_layers()
    {
        // ogrinfo comes from Debian's gdal-bin, which scripts/install-tools.sh installs.
        var (code, stdout, stderr) = ExternalTool.Run("ogrinfo", "-ro", "-q", Exported.Value);
        Assert.True(code == 0, stderr);
        Assert.Contains("1: places (Point)", stdout);
        Assert.Contains("2: links (Line String)", stdout);
        Assert.Contains("3: crossings (Line String)", stdout);
    }

    [Fact]
    public void Ogrinfo_reads_every_feature_with_nulls_and_utf8_names()
    {
        var network = NetworkReader.ReadFolder(TestPaths.Data);
        var crossings = network.Links.Count(l => l.IsCrossing);
        Assert.Equal(network.Places.Count, Count("SELECT COUNT(*) AS n FROM places"));
        Assert.Equal(network.Links.Count - crossings, Count("SELECT COUNT(*) AS n FROM links"));
        Assert.Equal(crossings, Count("SELECT COUNT(*) AS n FROM crossings"));
        // Missing values are NULL, not 0: links without an opening year or a capacity.
        Assert.Equal(network.Links.Count(l => !l.IsCrossing && l.OpeningYear is null), Count("SELECT COUNT(*) AS n FROM links WHERE opening_year IS NULL"));
        Assert.Equal(network.Links.Count(l => !l.IsCrossing && l.CapacityPerYear is null), Count("SELECT COUNT(*) AS n FROM links WHERE capacity_per_year IS NULL"));
        Assert.Equal(0, Count("SELECT COUNT(*) AS n FROM links WHERE opening_year = 0 OR capacity_per_year = 0"));

        var (code, stdout, stderr) = ExternalTool.Run("ogrinfo", "-ro", "-q", Exported.Value, "places", "-where", "name = 'Xi''an'");
        Assert.True(code == 0, stderr);
        Assert.Contains("西安", stdout);
        Assert.Contains("Сиань", stdout);
        Assert.Contains("POINT (108.9 34.267)", stdout);
    }

    [Fact]
    public void The_file_is_a_geopackage_by_its_header()
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Exported.Value, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA application_id";
        Assert.Equal(0x47504B47L, (long)cmd.ExecuteScalar()!);
        cmd.CommandText = "SELECT group_concat(table_name || ':' || geometry_type_name, ',') FROM (SELECT * FROM gpkg_geometry_columns ORDER BY table_name)";
        Assert.Equal("crossings:LINESTRING,links:LINESTRING,places:POINT", cmd.ExecuteScalar());
    }

    private static int Count(string sql)
    {
        var (code, stdout, stderr) = ExternalTool.Run("ogrinfo", "-ro", "-q", Exported.Value, "-sql", sql);
        Assert.True(code == 0, stderr);
        var line = stdout.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("n (Integer", StringComparison.Ordinal));
        return int.Parse(line[(line.LastIndexOf('=') + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
