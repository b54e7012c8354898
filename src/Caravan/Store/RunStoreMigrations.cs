namespace Caravan.Store;

/// <summary>
/// The run store's schema as numbered steps, each written for both stores (SQLite, PostgreSQL) so the two never
/// drift: the same version numbers, tables and columns. SQLite keeps the last step applied in
/// <c>PRAGMA user_version</c>, PostgreSQL the highest version in <c>schema_migrations</c>; opening a store for
/// writing applies the missing steps, each in its own transaction. Never edit a step that has shipped: add a new one.
/// </summary>
internal static class RunStoreMigrations
{
    /// <summary>One schema step.</summary>
    /// <param name="Version">Its number, from 1.</param>
    /// <param name="Description">What it adds (kept in <c>schema_migrations</c>).</param>
    /// <param name="Sqlite">Its SQL for SQLite.</param>
    /// <param name="Postgres">Its SQL for PostgreSQL.</param>
    public sealed record Step(int Version, string Description, string Sqlite, string Postgres);

    public static IReadOnlyList<Step> Steps { get; } =
    [
        new(1, "runs and run results",
            Sqlite: """
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
            """,
            // JSON stays text (not jsonb) so a run reads back byte for byte as saved, as in SQLite.
            Postgres: """
            CREATE TABLE schema_migrations (
                version integer PRIMARY KEY,
                description text NOT NULL,
                applied_utc timestamptz NOT NULL
            );
            CREATE TABLE runs (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                kind text NOT NULL CHECK (kind IN ('route', 'compare', 'assign')),
                created_utc timestamptz NOT NULL,
                scenario_a text NOT NULL,
                content_hash_a text NOT NULL,
                scenario_b text,
                content_hash_b text,
                parameters_json text NOT NULL,
                summary_json text NOT NULL,
                result_count bigint NOT NULL
            );
            CREATE INDEX runs_created ON runs (created_utc);
            CREATE TABLE run_results (
                run_id bigint NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                seq bigint NOT NULL,
                kind text NOT NULL,
                key text NOT NULL,
                data_json text NOT NULL,
                PRIMARY KEY (run_id, seq)
            );
            CREATE INDEX run_results_kind ON run_results (run_id, kind);
            """),
    ];

    public static int Latest => Steps[^1].Version;
}
