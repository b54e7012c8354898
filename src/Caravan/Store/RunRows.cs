using System.Data.Common;

namespace Caravan.Store;

/// <summary>The SQL both run stores share (the tables are the same, <see cref="RunStoreMigrations"/>), and reading a run row back.</summary>
internal static class RunRows
{
    /// <summary>The columns of <c>runs</c>, in the order <see cref="Read"/> takes them.</summary>
    public const string Columns = "id, kind, created_utc, scenario_a, content_hash_a, scenario_b, content_hash_b, parameters_json, summary_json, result_count";

    /// <summary>Sets a run's row count once its rows are in (parameters <c>@n</c>, <c>@id</c>).</summary>
    public const string UpdateCount = "UPDATE runs SET result_count = @n WHERE id = @id";

    /// <summary>A run from a row of <see cref="Columns"/>; <paramref name="created"/> is column 2, which each store keeps in its own type.</summary>
    public static RunInfo Read(DbDataReader r, DateTimeOffset created) => new(
        r.GetInt64(0),
        RunKinds.Parse(r.GetString(1)),
        created,
        r.GetString(3),
        r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5),
        r.IsDBNull(6) ? null : r.GetString(6),
        r.GetString(7),
        r.GetString(8),
        r.GetInt64(9));
}
