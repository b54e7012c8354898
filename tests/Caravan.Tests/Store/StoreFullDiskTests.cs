using System.Globalization;
using Caravan.Store;
using Caravan.Tests.Cli;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Caravan.Tests.Store;

/// <summary>
/// A full disk while saving: SQLite itself fails the write with SQLITE_FULL (the database is capped with
/// <c>PRAGMA max_page_count</c>, which SQLite enforces exactly as it does a disk with no space left). The save is a
/// clear error (exit 2 from the CLI, not "internal error"), the runs already saved are untouched and the store stays
/// sound and usable.
/// </summary>
public sealed class StoreFullDiskTests : IDisposable
{
    private readonly TempDb _db = new();

    public void Dispose() => _db.Dispose();

    private static NewRun Run() => new(RunKind.Compare, "base", "sha256:a", "other", "sha256:b", "{}", "{}");

    private static IEnumerable<RunResultRow> Rows(int n) =>
        Enumerable.Range(0, n).Select(i => new RunResultRow("od", "k" + i, $$"""{"i":{{i}},"pad":"{{new string('x', 200)}}"}"""));

    private long PageCount()
    {
        using var c = new SqliteConnection($"Data Source={_db.Path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA page_count;";
        using var r = cmd.ExecuteReader();
        r.NextResult();
        r.Read();
        return r.GetInt64(0);
    }

    [Fact]
    public void AFullDiskFailsTheSaveAndLosesNothing()
    {
        var store = new SqliteRunStore(_db.Path);
        var kept = store.Save(Run(), Rows(300));
        var full = new SqliteRunStore(_db.Path, maxPageCount: PageCount() + 4);
        var e = Assert.Throws<RunStoreException>(() => full.Save(Run(), Rows(20_000)));
        Assert.Contains("disk is full", e.Message, StringComparison.Ordinal);
        Assert.Equal(13, Assert.IsType<SqliteException>(e.InnerException).SqliteErrorCode);
        Assert.Equal([kept], store.List().Select(r => r.Id));
        Assert.Equal(300, store.Results(kept).Count());
        Assert.Equal("ok", store.IntegrityCheck());
        // A small run still fits, and with space again a big one saves.
        Assert.Single(full.Results(full.Save(Run(), Rows(1))));
        Assert.Equal(20_000, store.Results(store.Save(Run(), Rows(20_000))).Count());
    }

    [Fact]
    public void TheCliSaysTheDiskIsFullWithExitTwo()
    {
        var store = new SqliteRunStore(_db.Path);
        var kept = store.Save(Run(), Rows(300));
        var env = new Dictionary<string, string>
        {
            [SqliteRunStore.MaxPagesVariable] = (PageCount() + 4).ToString(CultureInfo.InvariantCulture),
            ["CARAVAN_DEBUG_SYNTHETIC_ROWS"] = "20000",
        };
        var r = CliProcess.RunWithEnvironment(env, "route", "--from", "xian", "--to", "DEDUI", "--data", TestPaths.Mini, "--save", "--db", _db.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("the disk is full; nothing was saved and the store is unchanged", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", r.Stderr, StringComparison.Ordinal);
        Assert.Equal([kept], store.List().Select(x => x.Id));
        Assert.Equal("ok", store.IntegrityCheck());
        var list = CliProcess.Run("runs", "list", "--db", _db.Path, "--json");
        Assert.Equal(0, list.ExitCode);
    }
}
