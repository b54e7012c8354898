namespace Caravan.Store;

/// <summary>
/// The schema of the SQLite run store as numbered steps. The database's <c>PRAGMA user_version</c> is the last
/// step applied; opening a store applies the missing ones, each in its own transaction. Never edit a step that
/// has shipped: add a new one.
/// </summary>
internal static class SqliteMigrations
{
    public sealed record Step(int Version, string Description, string Sql);

    public static IReadOnlyList<Step> Steps { get; } =
    [
        new(1, "runs and run results", """
            CREATE TABLE schema_migrations (
                version INTEGER PRIMARY KEY,
                description TEXT NOT NULL,
                applied_utc TEXT NOT NULL
            );
            CREATE TABLE runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL CHECK (kind IN ('route', 'compare', 'assign')),
                created_utc TEXT NOT NULL,
                scenario_a TEXT NOT NULL,
                content_hash_a TEXT NOT NULL,
                scenario_b TEXT,
                content_hash_b TEXT,
                parameters_json TEXT NOT NULL,
                summary_json TEXT NOT NULL,
                result_count INTEGER NOT NULL
            );
            CREATE INDEX runs_created ON runs (created_utc);
            CREATE TABLE run_results (
                run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                kind TEXT NOT NULL,
                key TEXT NOT NULL,
                data_json TEXT NOT NULL,
                PRIMARY KEY (run_id, seq)
            ) WITHOUT ROWID;
            CREATE INDEX run_results_kind ON run_results (run_id, kind);
            """),
    ];

    public static int Latest => Steps[^1].Version;
}
