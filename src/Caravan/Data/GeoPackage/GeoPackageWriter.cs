using Caravan.Model;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Caravan.Data.GeoPackage;

/// <summary>
/// Writes a network as an OGC GeoPackage 1.3 with three typed feature layers — <c>places</c> (points),
/// <c>links</c> and <c>crossings</c> (lines) — in WGS 84 (EPSG:4326). Missing values are SQL NULL, never 0; text
/// is UTF-8. The file is built beside the target and renamed over it when complete.
/// </summary>
public static class GeoPackageWriter
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>The layers, in the order they are written.</summary>
    public static readonly IReadOnlyList<string> Layers = ["places", "links", "crossings"];

    /// <summary>Writes <paramref name="network"/> to <paramref name="path"/>.</summary>
    public static void Write(Network network, string path)
    {
        AtomicFile.WriteVia(path, temp =>
        {
            var builder = new SqliteConnectionStringBuilder { DataSource = temp, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
            using (var connection = new SqliteConnection(builder.ToString()))
            {
                connection.Open();
                using var transaction = connection.BeginTransaction();
                CreateMetadata(connection);
                WritePlaces(connection, network);
                WriteLinks(connection, network, "links", crossings: false);
                WriteLinks(connection, network, "crossings", crossings: true);
                transaction.Commit();
            }
        });
    }

    private static void CreateMetadata(SqliteConnection c)
    {
        // application_id "GPKG" and user_version 10300 mark a GeoPackage 1.3 file (OGC 12-128r18, 1.1.1).
        Execute(c, "PRAGMA application_id = 1196444487; PRAGMA user_version = 10300;");
        Execute(c, """
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
            INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326,
              'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]',
              'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
              last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
              srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
              CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
              CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
            """);
    }

    private static void Register(SqliteConnection c, string table, string geometryType, string description, Envelope extent)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
              VALUES ($t, 'features', $t, $d, $x0, $y0, $x1, $y1, 4326);
            INSERT INTO gpkg_geometry_columns VALUES ($t, 'geom', $g, 4326, 0, 0);
            """;
        cmd.Parameters.AddWithValue("$t", table);
        cmd.Parameters.AddWithValue("$d", description);
        cmd.Parameters.AddWithValue("$g", geometryType);
        cmd.Parameters.AddWithValue("$x0", extent.IsNull ? DBNull.Value : extent.MinX);
        cmd.Parameters.AddWithValue("$y0", extent.IsNull ? DBNull.Value : extent.MinY);
        cmd.Parameters.AddWithValue("$x1", extent.IsNull ? DBNull.Value : extent.MaxX);
        cmd.Parameters.AddWithValue("$y1", extent.IsNull ? DBNull.Value : extent.MaxY);
        cmd.ExecuteNonQuery();
    }

    private static void WritePlaces(SqliteConnection c, Network network)
    {
        Execute(c, """
            CREATE TABLE places (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
              country TEXT NOT NULL, kind TEXT NOT NULL, aliases TEXT, source TEXT, notes TEXT);
            """);
        var extent = new Envelope();
        var writer = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY };
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO places (geom, code, name, country, kind, aliases, source, notes) VALUES ($geom, $code, $name, $country, $kind, $aliases, $source, $notes)";
        var ps = Parameters(cmd, "$geom", "$code", "$name", "$country", "$kind", "$aliases", "$source", "$notes");
        foreach (var p in network.Places)
        {
            var point = Factory.CreatePoint(new Coordinate(p.Longitude, p.Latitude));
            extent.ExpandToInclude(point.Coordinate);
            Set(ps, writer.Write(point), p.Code, p.Name, p.Country, Gmns.GmnsWriter.KindName(p.Kind), Text(string.Join(';', p.Aliases)), Text(string.Join(';', p.SourceIds)), Text(p.Notes));
            cmd.ExecuteNonQuery();
        }
        Register(c, "places", "POINT", "Caravan places: terminals, ports, dry ports, airports, border and pipeline stations", extent);
    }

    private static void WriteLinks(SqliteConnection c, Network network, string table, bool crossings)
    {
        var borderColumns = crossings ? "median_hours REAL, p90_hours REAL, fee_usd_per_feu REAL, fee_usd_per_tonne REAL," : "hours REAL, tariff_usd_per_feu REAL, tariff_usd_per_tonne REAL,";
        Execute(c, $"""
            CREATE TABLE {table} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom LINESTRING, id TEXT NOT NULL UNIQUE, mode TEXT NOT NULL,
              from_code TEXT NOT NULL, to_code TEXT NOT NULL, distance_km REAL NOT NULL, speed_kmh REAL, {borderColumns}
              capacity_per_year REAL, capacity_unit TEXT, tracks INTEGER, status TEXT NOT NULL, opening_year INTEGER,
              bidirectional INTEGER NOT NULL, corridor TEXT, source TEXT, notes TEXT);
            """);
        var extent = new Envelope();
        var writer = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY };
        using var cmd = c.CreateCommand();
        var valueColumns = crossings ? "median_hours, p90_hours, fee_usd_per_feu, fee_usd_per_tonne" : "hours, tariff_usd_per_feu, tariff_usd_per_tonne";
        var valueCount = crossings ? 4 : 3;
        var names = new List<string> { "$geom", "$id", "$mode", "$from", "$to", "$km", "$speed" };
        for (var i = 0; i < valueCount; i++)
        {
            names.Add("$v" + i);
        }
        names.AddRange(["$cap", "$unit", "$tracks", "$status", "$open", "$bi", "$corridor", "$source", "$notes"]);
        cmd.CommandText = $"INSERT INTO {table} (geom, id, mode, from_code, to_code, distance_km, speed_kmh, {valueColumns}, capacity_per_year, capacity_unit, tracks, status, opening_year, bidirectional, corridor, source, notes) VALUES ({string.Join(", ", names)})";
        var ps = Parameters(cmd, [.. names]);
        foreach (var l in network.Links)
        {
            if (l.IsCrossing != crossings)
            {
                continue;
            }
            var a = network.Places[l.From];
            var b = network.Places[l.To];
            var line = Factory.CreateLineString([new Coordinate(a.Longitude, a.Latitude), new Coordinate(b.Longitude, b.Latitude)]);
            extent.ExpandToInclude(line.EnvelopeInternal);
            object?[] values = crossings
                ? [l.Border!.MedianHours, l.Border.P90Hours, l.Border.FeeUsdPerFeu, l.Border.FeeUsdPerTonne]
                : [l.FixedHours, l.TariffUsdPerFeu, l.TariffUsdPerTonne];
            Set(ps, [writer.Write(line), l.Id, l.Mode.ToString(), a.Code, b.Code, l.DistanceKm, l.SpeedKmh, .. values,
                l.CapacityPerYear, Text(l.CapacityUnit), l.Tracks, Gmns.GmnsWriter.StatusName(l.Status), l.OpeningYear, l.Bidirectional ? 1 : 0,
                Text(l.Corridor), Text(string.Join(';', l.SourceIds)), Text(l.Notes)]);
            cmd.ExecuteNonQuery();
        }
        Register(c, table, "LINESTRING", crossings ? "Caravan border crossings: dwell median and p90, fees" : "Caravan links by mode (border crossings in their own layer)", extent);
    }

    private static string? Text(string text) => text.Length == 0 ? null : text;

    private static SqliteParameter[] Parameters(SqliteCommand cmd, params string[] names)
    {
        var ps = new SqliteParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            ps[i] = cmd.Parameters.Add(names[i], SqliteType.Text);
        }
        return ps;
    }

    private static void Set(SqliteParameter[] ps, params object?[] values)
    {
        for (var i = 0; i < ps.Length; i++)
        {
            var v = values[i];
            ps[i].SqliteType = v switch
            {
                byte[] => SqliteType.Blob,
                double => SqliteType.Real,
                int => SqliteType.Integer,
                _ => SqliteType.Text,
            };
            ps[i].Value = v ?? DBNull.Value;
        }
    }

    private static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
