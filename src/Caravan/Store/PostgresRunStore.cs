using System.Net.Sockets;
using Npgsql;
using NpgsqlTypes;

namespace Caravan.Store;

/// <summary>
/// The run store for teams: a PostgreSQL database named by a <see cref="PostgresLocation"/> URL, with the same
/// contract and schema steps (<see cref="RunStoreMigrations"/>) as <see cref="SqliteRunStore"/>. Each save is one
/// transaction (the rows go in by binary COPY), so a killed process or a failed save leaves nothing behind;
/// migrations take an advisory lock so several processes can open a new database at once. Opened read-only, the
/// session is read-only on the server and nothing is created: a database without the tables is an empty store.
/// </summary>
public sealed class PostgresRunStore : IRunStore, IDisposable
{
    // Any fixed number: the key of the advisory lock that serialises migrations across processes.
    private const long MigrationLock = 0x4361726176616E;

    private readonly NpgsqlDataSource _source;

    /// <summary>Opens the store at <paramref name="url"/> and brings its schema up to date.</summary>
    /// <exception cref="RunStoreException">Bad URL, unreachable server, failed authentication, a newer schema.</exception>
    public PostgresRunStore(string url)
        : this(PostgresLocation.Parse(url), readOnly: false)
    {
    }

    private PostgresRunStore(PostgresLocation location, bool readOnly)
    {
        Location = location;
        ReadOnly = readOnly;
        var b = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        if (readOnly)
        {
            b.Options = "-c default_transaction_read_only=on";
        }
        // The slim builder: plain ADO.NET types only, which keeps the native AOT caravan small and warning-free.
        _source = new NpgsqlSlimDataSourceBuilder(b.ConnectionString).Build();
        try
        {
            _version = Guard<int>(readOnly ? CheckReadable : Migrate);
        }
        catch
        {
            _source.Dispose();
            throw;
        }
    }

    /// <summary>Opens the store for reading only: nothing is created, migrated or written.</summary>
    /// <exception cref="RunStoreException">Bad URL, unreachable server, failed authentication, another schema version.</exception>
    public static PostgresRunStore OpenReadOnly(string url) => new(PostgresLocation.Parse(url), readOnly: true);

    /// <summary>Where the store is (its URL without the password).</summary>
    public PostgresLocation Location { get; }

    /// <summary>True when opened by <see cref="OpenReadOnly"/>.</summary>
    public bool ReadOnly { get; }

    private volatile int _version;

    /// <inheritdoc />
    public int SchemaVersion => _version;

    /// <summary>
    /// Read-only and the database has no run store tables yet: an empty store. A save elsewhere may create them
    /// later, so while they are missing this asks again each time.
    /// </summary>
    private bool Missing => _version == 0 && (_version = Guard(CheckReadable)) == 0;

    /// <summary>Closes the store's pooled connections.</summary>
    public void Dispose() => _source.Dispose();

    private T Guard<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or SocketException)
        {
            throw new RunStoreException($"{Location.Display}: {Explain(e)}", e);
        }
    }

    private IEnumerable<T> GuardEach<T>(IEnumerable<T> source)
    {
        using var e = Guard(source.GetEnumerator);
        while (Guard(e.MoveNext))
        {
            yield return e.Current;
        }
    }

    /// <summary>What went wrong, in the user's terms (SQLSTATE classes per the PostgreSQL manual, appendix A).</summary>
    private static string Explain(Exception e) => e switch
    {
        PostgresException p => p.SqlState switch
        {
            "28P01" or "28000" => $"authentication failed ({p.MessageText}); the password comes from the URL (postgres://user:password@…) or PGPASSWORD",
            "3D000" => $"no such database ({p.MessageText}); create it first (createdb)",
            "53100" => "the server's disk is full; nothing was saved and the store is unchanged",
            "53300" => "the server has too many connections; try again",
            "25006" => "the run store is read-only here; nothing was saved",
            "42501" => $"permission denied ({p.MessageText}); nothing was changed",
            "57014" => "the operation was cancelled or timed out; nothing was saved",
            _ when p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P", StringComparison.Ordinal) =>
                $"the server closed the connection ({p.MessageText}); nothing was saved",
            _ => $"run store error: {p.MessageText} (SQLSTATE {p.SqlState})",
        },
        _ when Inner<TimeoutException>(e) is not null => "the server did not answer in time",
        _ when Inner<SocketException>(e) is { } s => $"cannot reach the PostgreSQL server ({s.Message})",
        _ => $"cannot use the PostgreSQL server ({e.Message})",
    };

    private static T? Inner<T>(Exception e)
        where T : Exception
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is T t)
            {
                return t;
            }
        }
        return null;
    }

    private static int Version(NpgsqlConnection c, NpgsqlTransaction? tx)
    {
        using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", c, tx))
        {
            if (exists.ExecuteScalar() is not true)
            {
                return 0;
            }
        }
        using var cmd = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", c, tx);
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private int CheckReadable()
    {
        using var c = _source.OpenConnection();
        var version = Version(c, null);
        if (version > RunStoreMigrations.Latest)
        {
            throw new RunStoreException($"{Location.Display}: the run store has schema version {version}, newer than this Caravan knows ({RunStoreMigrations.Latest}); upgrade Caravan");
        }
        if (version != 0 && version != RunStoreMigrations.Latest)
        {
            throw new RunStoreException($"{Location.Display}: the run store has schema version {version}; saving a run with this Caravan upgrades it to {RunStoreMigrations.Latest}");
        }
        return version;
    }

    private int Migrate()
    {
        using var c = _source.OpenConnection();
        foreach (var step in RunStoreMigrations.Steps)
        {
            using var tx = c.BeginTransaction();
            using (var lockCmd = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({MigrationLock})", c, tx))
            {
                lockCmd.ExecuteNonQuery();
            }
            var version = Version(c, tx);
            if (version > RunStoreMigrations.Latest)
            {
                throw new RunStoreException($"{Location.Display}: the run store has schema version {version}, newer than this Caravan knows ({RunStoreMigrations.Latest}); upgrade Caravan");
            }
            if (version >= step.Version)
            {
                tx.Commit();
                continue;
            }
            using (var cmd = new NpgsqlCommand(step.Postgres, c, tx))
            {
                cmd.ExecuteNonQuery();
            }
            using (var log = new NpgsqlCommand("INSERT INTO schema_migrations (version, description, applied_utc) VALUES (@v, @d, now())", c, tx))
            {
                log.Parameters.AddWithValue("v", step.Version);
                log.Parameters.AddWithValue("d", step.Description);
                log.ExecuteNonQuery();
            }
            tx.Commit();
        }
        return Version(c, null);
    }

    private long SaveCore(NewRun run, IEnumerable<RunResultRow> results, CancellationToken cancellation)
    {
        using var c = _source.OpenConnection();
        using var tx = c.BeginTransaction();
        long id;
        using (var insert = new NpgsqlCommand("""
            INSERT INTO runs (kind, created_utc, scenario_a, content_hash_a, scenario_b, content_hash_b, parameters_json, summary_json, result_count)
            VALUES (@kind, @created, @sa, @ha, @sb, @hb, @params, @summary, 0)
            RETURNING id
            """, c, tx))
        {
            insert.Parameters.AddWithValue("kind", run.Kind.Name());
            insert.Parameters.AddWithValue("created", NpgsqlDbType.TimestampTz, DateTime.UtcNow);
            insert.Parameters.AddWithValue("sa", run.ScenarioA);
            insert.Parameters.AddWithValue("ha", run.ContentHashA);
            insert.Parameters.AddWithValue("sb", NpgsqlDbType.Text, (object?)run.ScenarioB ?? DBNull.Value);
            insert.Parameters.AddWithValue("hb", NpgsqlDbType.Text, (object?)run.ContentHashB ?? DBNull.Value);
            insert.Parameters.AddWithValue("params", run.ParametersJson);
            insert.Parameters.AddWithValue("summary", run.SummaryJson);
            id = Convert.ToInt64(insert.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        long seq = 0;
        using (var copy = c.BeginBinaryImport("COPY run_results (run_id, seq, kind, key, data_json) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in results)
            {
                if ((seq & 1023) == 0)
                {
                    cancellation.ThrowIfCancellationRequested();
                }
                copy.StartRow();
                copy.Write(id, NpgsqlDbType.Bigint);
                copy.Write(seq++, NpgsqlDbType.Bigint);
                copy.Write(r.Kind, NpgsqlDbType.Text);
                copy.Write(r.Key, NpgsqlDbType.Text);
                copy.Write(r.DataJson, NpgsqlDbType.Text);
            }
            copy.Complete();
        }
        using (var count = new NpgsqlCommand(RunRows.UpdateCount, c, tx))
        {
            count.Parameters.AddWithValue("n", seq);
            count.Parameters.AddWithValue("id", id);
            count.ExecuteNonQuery();
        }
        tx.Commit();
        return id;
    }

    /// <inheritdoc />
    public long Save(NewRun run, IEnumerable<RunResultRow> results, CancellationToken cancellation = default) =>
        ReadOnly ? throw new RunStoreException($"{Location.Display}: opened read-only; nothing was saved") : Guard(() => SaveCore(run, results, cancellation));

    /// <inheritdoc />
    public IReadOnlyList<RunInfo> List(int limit = 100) => Missing ? [] : Guard(() =>
    {
        using var c = _source.OpenConnection();
        using var cmd = new NpgsqlCommand($"SELECT {RunRows.Columns} FROM runs ORDER BY id DESC LIMIT @limit", c);
        cmd.Parameters.AddWithValue("limit", (long)Math.Max(0, limit));
        using var r = cmd.ExecuteReader();
        var list = new List<RunInfo>();
        while (r.Read())
        {
            list.Add(ReadRun(r));
        }
        return list;
    });

    /// <inheritdoc />
    public RunInfo? Get(long id) => Missing ? null : Guard(() =>
    {
        using var c = _source.OpenConnection();
        using var cmd = new NpgsqlCommand($"SELECT {RunRows.Columns} FROM runs WHERE id = @id", c);
        cmd.Parameters.AddWithValue("id", id);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadRun(r) : null;
    });

    /// <inheritdoc />
    public IEnumerable<RunResultRow> Results(long id) => Missing ? [] : GuardEach(ResultsCore(id));

    private IEnumerable<RunResultRow> ResultsCore(long id)
    {
        using var c = _source.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT kind, key, data_json FROM run_results WHERE run_id = @id ORDER BY seq", c);
        cmd.Parameters.AddWithValue("id", id);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return new RunResultRow(r.GetString(0), r.GetString(1), r.GetString(2));
        }
    }

    /// <inheritdoc />
    public bool Delete(long id) => ReadOnly
        ? throw new RunStoreException($"{Location.Display}: opened read-only; nothing was deleted")
        : Guard(() =>
        {
            using var c = _source.OpenConnection();
            using var cmd = new NpgsqlCommand("DELETE FROM runs WHERE id = @id", c);
            cmd.Parameters.AddWithValue("id", id);
            return cmd.ExecuteNonQuery() > 0;
        });

    private static RunInfo ReadRun(NpgsqlDataReader r) =>
        RunRows.Read(r, new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(2), DateTimeKind.Utc)));
}
