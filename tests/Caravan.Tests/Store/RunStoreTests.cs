using Caravan.Store;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Caravan.Tests.Store;

/// <summary>What only the SQLite run store does (WAL mode, its file checks); the shared contract is <see cref="RunStoreContract"/>.</summary>
public sealed class RunStoreTests : IDisposable
{
    private readonly TempDb _db = new();

    public void Dispose() => _db.Dispose();

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
    public void RefusesAFileThatIsNotADatabase()
    {
        File.WriteAllText(_db.Path, "this is not sqlite, just text that is long enough to have a header of sixteen bytes");
        Assert.Throws<RunStoreException>(() => new SqliteRunStore(_db.Path));
    }
}
