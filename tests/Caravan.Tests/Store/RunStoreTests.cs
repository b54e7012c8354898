using Caravan.Store;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Caravan.Tests.Store;

/// <summary>The SQLite run store: migrations, round trips, concurrent use.</summary>
public sealed class RunStoreTests : IDisposable
{
    private readonly TempDb _db = new();

    public void Dispose() => _db.Dispose();

    private static NewRun Run(string a = "base", string? b = "cku-railway") =>
        new(RunKind.Compare, a, "sha256:aa", b, b is null ? null : "sha256:bb", """{"year":2026}""", """{"pairs":2}""");

    private static IEnumerable<RunResultRow> Rows(int n) =>
        Enumerable.Range(0, n).Select(i => new RunResultRow("od", $"P{i}", $$"""{"i":{{i}}}"""));

    [Fact]
    public void MigratesAnEmptyFileToTheLatestSchemaInWalMode()
    {
        var store = new SqliteRunStore(_db.Path);
        Assert.Equal(1, store.SchemaVersion);
        using var c = new SqliteConnection($"Data Source={_db.Path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode; ";
        Assert.Equal("wal", cmd.ExecuteScalar() as string);
        cmd.CommandText = "SELECT COUNT(*) FROM schema_migrations";
        Assert.Equal(1L, cmd.ExecuteScalar());
        // Opening again is a no-op.
        Assert.Equal(1, new SqliteRunStore(_db.Path).SchemaVersion);
    }

    [Fact]
    public void RefusesADatabaseFromANewerCaravan()
    {
        _ = new SqliteRunStore(_db.Path);
        using (var c = new SqliteConnection($"Data Source={_db.Path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = 99";
            cmd.ExecuteNonQuery();
        }
        var e = Assert.Throws<RunStoreException>(() => new SqliteRunStore(_db.Path));
        Assert.Contains("newer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAFileThatIsNotADatabase()
    {
        File.WriteAllText(_db.Path, "this is not sqlite, just text that is long enough to have a header of sixteen bytes");
        Assert.Throws<RunStoreException>(() => new SqliteRunStore(_db.Path));
    }

    [Fact]
    public void SaveListShowDeleteRoundTrip()
    {
        var store = new SqliteRunStore(_db.Path);
        var first = store.Save(Run(), Rows(3));
        var second = store.Save(Run("base", null) with { Kind = RunKind.Route }, Rows(1));
        var list = store.List();
        Assert.Equal([second, first], list.Select(r => r.Id));
        var run = store.Get(first)!;
        Assert.Equal(RunKind.Compare, run.Kind);
        Assert.Equal("cku-railway", run.ScenarioB);
        Assert.Equal("sha256:bb", run.ContentHashB);
        Assert.Equal(3, run.ResultCount);
        Assert.Equal("""{"year":2026}""", run.ParametersJson);
        Assert.Equal(["P0", "P1", "P2"], store.Results(first).Select(r => r.Key));
        Assert.Null(store.Get(second)!.ScenarioB);
        Assert.True(store.Delete(first));
        Assert.False(store.Delete(first));
        Assert.Null(store.Get(first));
        Assert.Empty(store.Results(first));
        Assert.Equal(0, store.CountResults(first));
    }

    [Fact]
    public void AFailedSaveLeavesNothingBehind()
    {
        var store = new SqliteRunStore(_db.Path);
        var kept = store.Save(Run(), Rows(2));
        IEnumerable<RunResultRow> Failing()
        {
            yield return new RunResultRow("od", "ok", "{}");
            throw new InvalidOperationException("boom half-way");
        }
        Assert.Throws<InvalidOperationException>(() => store.Save(Run(), Failing()));
        Assert.Equal([kept], store.List().Select(r => r.Id));
        Assert.Equal("ok", store.IntegrityCheck());
    }

    [Fact]
    public async Task ConcurrentReadersAndAWriterSeeOnlyWholeRuns()
    {
        var store = new SqliteRunStore(_db.Path);
        using var done = new CancellationTokenSource();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 15; i++)
            {
                new SqliteRunStore(_db.Path).Save(Run(), Rows(2000));
            }
        });
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            var reader = new SqliteRunStore(_db.Path);
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
}
