using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Caravan.Store;

/// <summary>
/// The embedded run store: one SQLite file in WAL mode (readers never block the writer), schema versioned by
/// <see cref="RunStoreMigrations"/>, each save one IMMEDIATE transaction. A connection per call keeps it safe across
/// threads; SQLite's locking keeps it safe across processes.
/// </summary>
public sealed class SqliteRunStore : IRunStore
{
    private readonly string _connectionString;

    /// <summary>Opens (creating when needed) the store at <paramref name="path"/> and brings its schema up to date.</summary>
    /// <exception cref="RunStoreException">The file is not a run store, or was written by a newer Caravan.</exception>
    public SqliteRunStore(string path)
        : this(path, readOnly: false)
    {
    }

    /// <summary>
    /// Debug hook for the full-disk tests: the database may grow to at most this many pages
    /// (<c>PRAGMA max_page_count</c>), past which SQLite fails a write with SQLITE_FULL exactly as on a full disk.
    /// Not for users; unset there is no limit.
    /// </summary>
    public const string MaxPagesVariable = "CARAVAN_DEBUG_SQLITE_MAX_PAGES";

    private readonly long _maxPageCount;

    /// <summary>Opens the store at <paramref name="path"/> limited to <paramref name="maxPageCount"/> pages (the full-disk tests).</summary>
    internal SqliteRunStore(string path, long maxPageCount)
        : this(path, readOnly: false, maxPageCount)
    {
    }

    private SqliteRunStore(string path, bool readOnly, long maxPageCount = 0)
    {
        _maxPageCount = maxPageCount > 0 ? maxPageCount
            : long.TryParse(Environment.GetEnvironmentVariable(MaxPagesVariable), System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out var pages) ? pages : 0;
        Path = System.IO.Path.GetFullPath(path);
        ReadOnly = readOnly;
        if (readOnly)
        {
            _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 60 }.ToString();
            SchemaVersion = RunStoreMigrations.Latest;
            _ = Missing; // checks the schema now when the file exists
            return;
        }
        var dir = System.IO.Path.GetDirectoryName(Path);
        try
        {
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunStoreException($"{Path}: cannot create the run store's folder: {e.Message}", e);
        }
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString();
        SchemaVersion = Guard(Migrate);
    }

    /// <summary>
    /// Opens the store at <paramref name="path"/> for reading only: nothing is created, migrated or written, so
    /// listing works without write access; a path with no file yet is an empty store.
    /// </summary>
    /// <exception cref="RunStoreException">The file is not a run store, or its schema is not this Caravan's.</exception>
    public static SqliteRunStore OpenReadOnly(string path) => new(path, readOnly: true);

    /// <summary>True when opened by <see cref="OpenReadOnly"/>.</summary>
    public bool ReadOnly { get; }

    private bool _checked;

    /// <summary>
    /// Read-only: true while no file exists at <see cref="Path"/> (an empty store; a save elsewhere may create it
    /// later, so this is asked each time). The first time a file is seen its schema is checked.
    /// </summary>
    private bool Missing
    {
        get
        {
            if (!ReadOnly)
            {
                return false;
            }
            if (!File.Exists(Path))
            {
                return true;
            }
            if (!_checked)
            {
                Guard(CheckReadable);
                _checked = true;
            }
            return false;
        }
    }

    private int CheckReadable()
    {
        using var c = Open();
        var version = UserVersion(c, null);
        if (version != RunStoreMigrations.Latest)
        {
            throw new RunStoreException(version > RunStoreMigrations.Latest
                ? $"{Path}: the run store has schema version {version}, newer than this Caravan knows ({RunStoreMigrations.Latest}); upgrade Caravan"
                : $"{Path}: the run store has schema version {version}; saving a run with this Caravan upgrades it to {RunStoreMigrations.Latest}");
        }
        return version;
    }

    /// <summary>Runs a store operation, turning SQLite's failures (corrupt file, not a database, disk full, read-only) into a <see cref="RunStoreException"/> that says what happened; a failed save changes nothing.</summary>
    private T Guard<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (SqliteException e)
        {
            throw new RunStoreException($"{Path}: {Explain(e)}", e);
        }
    }

    private static string Explain(SqliteException e) => e.SqliteErrorCode switch
    {
        11 or 26 => "the file is not a readable run store (corrupt, or not a SQLite database); nothing was changed",
        13 => "the disk is full; nothing was saved and the store is unchanged",
        8 => "the run store is read-only here; nothing was saved",
        14 => "cannot open the run store file",
        5 or 6 => "the run store is locked by another process; try again",
        _ => $"run store error: {e.Message}",
    };

    /// <summary>The default store: <c>~/.caravan/caravan.db</c>.</summary>
    public static string DefaultPath =>
        System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".caravan", "caravan.db");

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public int SchemaVersion { get; }

    private SqliteConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 60000;"
            + (_maxPageCount > 0 ? $" PRAGMA max_page_count = {_maxPageCount};" : "");
        cmd.ExecuteNonQuery();
        return c;
    }

    private int Migrate()
    {
        using var c = Open();
        using (var wal = c.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteScalar();
        }
        var version = UserVersion(c, null);
        if (version > RunStoreMigrations.Latest)
        {
            throw new RunStoreException($"{Path}: the run store has schema version {version}, newer than this Caravan knows ({RunStoreMigrations.Latest}); upgrade Caravan");
        }
        foreach (var step in RunStoreMigrations.Steps)
        {
            if (step.Version <= version)
            {
                continue;
            }
            using var tx = c.BeginTransaction(deferred: false);
            // Another process may have migrated while we waited for the write lock.
            if (UserVersion(c, tx) >= step.Version)
            {
                tx.Commit();
                continue;
            }
            using (var cmd = c.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = step.Sqlite + $"\nPRAGMA user_version = {step.Version};";
                cmd.ExecuteNonQuery();
            }
            using (var log = c.CreateCommand())
            {
                log.Transaction = tx;
                log.CommandText = "INSERT INTO schema_migrations (version, description, applied_utc) VALUES ($v, $d, $t)";
                log.Parameters.AddWithValue("$v", step.Version);
                log.Parameters.AddWithValue("$d", step.Description);
                log.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                log.ExecuteNonQuery();
            }
            tx.Commit();
        }
        return UserVersion(c, null);
    }

    private static int UserVersion(SqliteConnection c, SqliteTransaction? tx)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private long SaveCore(NewRun run, IEnumerable<RunResultRow> results, CancellationToken cancellation)
    {
        using var c = Open();
        using var tx = c.BeginTransaction(deferred: false);
        long id;
        using (var insert = c.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = """
                INSERT INTO runs (kind, created_utc, scenario_a, content_hash_a, scenario_b, content_hash_b, parameters_json, summary_json, result_count)
                VALUES ($kind, $created, $sa, $ha, $sb, $hb, $params, $summary, 0)
                RETURNING id
                """;
            insert.Parameters.AddWithValue("$kind", run.Kind.Name());
            insert.Parameters.AddWithValue("$created", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$sa", run.ScenarioA);
            insert.Parameters.AddWithValue("$ha", run.ContentHashA);
            insert.Parameters.AddWithValue("$sb", (object?)run.ScenarioB ?? DBNull.Value);
            insert.Parameters.AddWithValue("$hb", (object?)run.ContentHashB ?? DBNull.Value);
            insert.Parameters.AddWithValue("$params", run.ParametersJson);
            insert.Parameters.AddWithValue("$summary", run.SummaryJson);
            id = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        long seq = 0;
        using (var row = c.CreateCommand())
        {
            row.Transaction = tx;
            row.CommandText = "INSERT INTO run_results (run_id, seq, kind, key, data_json) VALUES ($run, $seq, $kind, $key, $data)";
            var pRun = row.Parameters.Add("$run", SqliteType.Integer);
            var pSeq = row.Parameters.Add("$seq", SqliteType.Integer);
            var pKind = row.Parameters.Add("$kind", SqliteType.Text);
            var pKey = row.Parameters.Add("$key", SqliteType.Text);
            var pData = row.Parameters.Add("$data", SqliteType.Text);
            row.Prepare();
            pRun.Value = id;
            foreach (var r in results)
            {
                if ((seq & 1023) == 0)
                {
                    cancellation.ThrowIfCancellationRequested();
                }
                pSeq.Value = seq++;
                pKind.Value = r.Kind;
                pKey.Value = r.Key;
                pData.Value = r.DataJson;
                row.ExecuteNonQuery();
            }
        }
        using (var count = c.CreateCommand())
        {
            count.Transaction = tx;
            count.CommandText = RunRows.UpdateCount;
            count.Parameters.AddWithValue("@n", seq);
            count.Parameters.AddWithValue("@id", id);
            count.ExecuteNonQuery();
        }
        tx.Commit();
        return id;
    }

    /// <inheritdoc />
    public long Save(NewRun run, IEnumerable<RunResultRow> results, CancellationToken cancellation = default) =>
        ReadOnly ? throw new RunStoreException($"{Path}: opened read-only; nothing was saved") : Guard(() => SaveCore(run, results, cancellation));

    /// <inheritdoc />
    public IReadOnlyList<RunInfo> List(int limit = 100) => Missing ? [] : Guard(() => ListCore(limit));

    /// <inheritdoc />
    public RunInfo? Get(long id) => Missing ? null : Guard(() => GetCore(id));

    /// <inheritdoc />
    public IEnumerable<RunResultRow> Results(long id) => Missing ? [] : GuardEach(ResultsCore(id));

    private IEnumerable<T> GuardEach<T>(IEnumerable<T> source)
    {
        using var e = Guard(source.GetEnumerator);
        while (Guard(e.MoveNext))
        {
            yield return e.Current;
        }
    }

    /// <inheritdoc />
    public bool Delete(long id) =>
        ReadOnly ? throw new RunStoreException($"{Path}: opened read-only; nothing was deleted") : Guard(() => DeleteCore(id));

    /// <summary>SQLite's integrity check: "ok" for a sound store.</summary>
    public string IntegrityCheck() => Missing ? "ok" : Guard(IntegrityCheckCore);

    /// <summary>Number of result rows stored for a run.</summary>
    public long CountResults(long id) => Missing ? 0 : Guard(() => CountResultsCore(id));

    private IReadOnlyList<RunInfo> ListCore(int limit)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {RunRows.Columns} FROM runs ORDER BY id DESC LIMIT $limit";
        cmd.Parameters.AddWithValue("$limit", Math.Max(0, limit));
        using var r = cmd.ExecuteReader();
        var list = new List<RunInfo>();
        while (r.Read())
        {
            list.Add(ReadRun(r));
        }
        return list;
    }

    private RunInfo? GetCore(long id)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {RunRows.Columns} FROM runs WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadRun(r) : null;
    }

    private IEnumerable<RunResultRow> ResultsCore(long id)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT kind, key, data_json FROM run_results WHERE run_id = $id ORDER BY seq";
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return new RunResultRow(r.GetString(0), r.GetString(1), r.GetString(2));
        }
    }

    private bool DeleteCore(long id)
    {
        using var c = Open();
        using var tx = c.BeginTransaction(deferred: false);
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "DELETE FROM runs WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        var n = cmd.ExecuteNonQuery();
        tx.Commit();
        return n > 0;
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c>; "ok" when the file is sound.</summary>
    private string IntegrityCheckCore()
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check;";
        return Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>The number of result rows actually stored for a run (to check it against <see cref="RunInfo.ResultCount"/>).</summary>
    private long CountResultsCore(long id)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM run_results WHERE run_id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static RunInfo ReadRun(SqliteDataReader r) =>
        RunRows.Read(r, DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
}

/// <summary>The run store cannot be used (not a database, newer schema, locked beyond the timeout).</summary>
public sealed class RunStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RunStoreException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
