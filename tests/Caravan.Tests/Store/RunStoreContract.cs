using Caravan.Store;
using Xunit;

namespace Caravan.Tests.Store;

/// <summary>
/// What every run store promises (<see cref="IRunStore"/>), run against each store: SQLite
/// (<see cref="SqliteRunStoreContractTests"/>) and PostgreSQL (<see cref="PostgresRunStoreContractTests"/>).
/// </summary>
public abstract class RunStoreContract
{
    /// <summary>Opens the store under test for writing (a new instance on the same location each call).</summary>
    protected abstract IRunStore Open();

    /// <summary>Opens it read-only.</summary>
    protected abstract IRunStore OpenReadOnly();

    /// <summary>Marks the store as written by a Caravan with schema <paramref name="version"/>.</summary>
    protected abstract void SetSchemaVersion(int version);

    private static NewRun Run(string a = "base", string? b = "cku-railway") =>
        new(RunKind.Compare, a, "sha256:aa", b, b is null ? null : "sha256:bb", """{"year":2026}""", """{"pairs":2}""");

    private static IEnumerable<RunResultRow> Rows(int n) =>
        Enumerable.Range(0, n).Select(i => new RunResultRow("od", $"P{i}", $$"""{"i":{{i}}}"""));

    [Fact]
    public void MigratesToTheLatestSchemaAndReopeningIsANoOp()
    {
        Assert.Equal(RunStoreMigrations.Latest, Open().SchemaVersion);
        Assert.Equal(RunStoreMigrations.Latest, Open().SchemaVersion);
        Assert.Equal(RunStoreMigrations.Latest, OpenReadOnly().SchemaVersion);
    }

    [Fact]
    public void RefusesAStoreFromANewerCaravan()
    {
        _ = Open();
        SetSchemaVersion(99);
        Assert.Contains("newer", Assert.Throws<RunStoreException>(Open).Message, StringComparison.Ordinal);
        Assert.Contains("newer", Assert.Throws<RunStoreException>(OpenReadOnly).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveListShowDeleteRoundTrip()
    {
        var store = Open();
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var first = store.Save(Run(), Rows(3));
        var second = store.Save(Run("base", null) with { Kind = RunKind.Route }, Rows(1));
        var list = store.List();
        Assert.Equal([second, first], list.Select(r => r.Id));
        Assert.Equal([second], store.List(1).Select(r => r.Id));
        var run = store.Get(first)!;
        Assert.Equal(RunKind.Compare, run.Kind);
        Assert.Equal("base", run.ScenarioA);
        Assert.Equal("sha256:aa", run.ContentHashA);
        Assert.Equal("cku-railway", run.ScenarioB);
        Assert.Equal("sha256:bb", run.ContentHashB);
        Assert.Equal(3, run.ResultCount);
        Assert.Equal("""{"year":2026}""", run.ParametersJson);
        Assert.Equal("""{"pairs":2}""", run.SummaryJson);
        Assert.InRange(run.CreatedUtc, before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal(["P0", "P1", "P2"], store.Results(first).Select(r => r.Key));
        Assert.Null(store.Get(second)!.ScenarioB);
        Assert.Null(store.Get(second)!.ContentHashB);
        Assert.Equal(RunKind.Route, store.Get(second)!.Kind);
        // Another instance (another process, in real use) sees the same runs.
        Assert.Equal([second, first], OpenReadOnly().List().Select(r => r.Id));
        Assert.True(store.Delete(first));
        Assert.False(store.Delete(first));
        Assert.Null(store.Get(first));
        Assert.Empty(store.Results(first));
        Assert.Null(store.Get(12345));
    }

    [Fact]
    public void KeepsTextByteForByte()
    {
        var store = Open();
        // Key order, spacing and non-ASCII text as given: the store keeps JSON as text, not re-encoded.
        var row = new RunResultRow("corridor", "Хоргос→Duisburg 中欧", """{ "b":1,  "a":"Ақтау" }""");
        var id = store.Save(Run() with { SummaryJson = """{"z":0, "a":[1,2]}""" }, [row]);
        Assert.Equal([row], store.Results(id));
        Assert.Equal("""{"z":0, "a":[1,2]}""", store.Get(id)!.SummaryJson);
    }

    [Fact]
    public void AFailedSaveLeavesNothingBehind()
    {
        var store = Open();
        var kept = store.Save(Run(), Rows(2));
        IEnumerable<RunResultRow> Failing()
        {
            foreach (var r in Rows(3000))
            {
                yield return r;
            }
            throw new InvalidOperationException("boom half-way");
        }
        Assert.Throws<InvalidOperationException>(() => store.Save(Run(), Failing()));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => store.Save(Run(), Rows(10), cancelled.Token));
        Assert.Equal([kept], store.List().Select(r => r.Id));
        Assert.Equal(2, store.Results(kept).Count());
        // The store still takes runs after a failed one.
        var next = store.Save(Run(), Rows(1));
        Assert.Equal([next, kept], store.List().Select(r => r.Id));
    }

    [Fact]
    public void AReadOnlyStoreWritesNothing()
    {
        var reader = OpenReadOnly();
        Assert.Empty(reader.List());
        Assert.Null(reader.Get(1));
        Assert.Empty(reader.Results(1));
        var id = Open().Save(Run(), Rows(1));
        Assert.Throws<RunStoreException>(() => reader.Save(Run(), Rows(1)));
        Assert.Throws<RunStoreException>(() => reader.Delete(id));
        Assert.Equal([id], OpenReadOnly().List().Select(r => r.Id));
    }

    [Fact]
    public async Task ConcurrentReadersAndAWriterSeeOnlyWholeRuns()
    {
        var store = Open();
        using var done = new CancellationTokenSource();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 15; i++)
            {
                Open().Save(Run(), Rows(2000));
            }
        });
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            var reader = OpenReadOnly();
            while (!done.IsCancellationRequested)
            {
                foreach (var r in reader.List())
                {
                    var n = reader.Results(r.Id).Count();
                    if (n != r.ResultCount || n != 2000)
                    {
                        failures.Enqueue($"run {r.Id}: {n} rows of {r.ResultCount}");
                    }
                }
            }
        })).ToArray();
        try
        {
            await writer.WaitAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            done.Cancel();
        }
        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Empty(failures);
        Assert.Equal(15, store.List().Count);
    }

    [Fact]
    public async Task ProcessesOpeningANewStoreAtOnceMigrateItOnce()
    {
        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(Open)));
        Assert.All(opened, s => Assert.Equal(RunStoreMigrations.Latest, s.SchemaVersion));
        Assert.Empty(opened[0].List());
    }
}

/// <summary>The contract on the embedded SQLite store.</summary>
public sealed class SqliteRunStoreContractTests : RunStoreContract, IDisposable
{
    private readonly TempDb _db = new();

    public void Dispose() => _db.Dispose();

    protected override IRunStore Open() => new SqliteRunStore(_db.Path);

    protected override IRunStore OpenReadOnly() => SqliteRunStore.OpenReadOnly(_db.Path);

    protected override void SetSchemaVersion(int version)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_db.Path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"PRAGMA user_version = {version}";
        cmd.ExecuteNonQuery();
    }
}

/// <summary>The contract on the PostgreSQL store: a fresh database on this run's throwaway server per test.</summary>
public sealed class PostgresRunStoreContractTests : RunStoreContract, IDisposable
{
    private readonly string _database = Support.PostgresServer.Shared.CreateDatabase("store");
    private readonly List<PostgresRunStore> _opened = [];

    private string Url => Support.PostgresServer.Shared.UrlFor(_database);

    public void Dispose()
    {
        lock (_opened)
        {
            _opened.ForEach(s => s.Dispose());
        }
    }

    private PostgresRunStore Track(PostgresRunStore store)
    {
        lock (_opened)
        {
            _opened.Add(store);
        }
        return store;
    }

    protected override IRunStore Open() => Track(new PostgresRunStore(Url));

    protected override IRunStore OpenReadOnly() => Track(PostgresRunStore.OpenReadOnly(Url));

    protected override void SetSchemaVersion(int version) =>
        Support.PostgresServer.Shared.Execute(_database, $"INSERT INTO schema_migrations (version, description, applied_utc) VALUES ({version}, 'from the future', now())");
}
