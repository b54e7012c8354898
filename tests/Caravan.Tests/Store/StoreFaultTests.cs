using Caravan.Store;
using Caravan.Tests.Cli;
using Xunit;

namespace Caravan.Tests.Store;

/// <summary>
/// Reading the run store needs no write access and creates nothing; a corrupt store or a failed save is a clear
/// error (exit 2), and the store's content is never lost.
/// </summary>
public sealed class StoreFaultTests : IDisposable
{
    private readonly TempDb _db = new();

    public void Dispose() => _db.Dispose();

    private static NewRun Run() => new(RunKind.Compare, "base", "sha256:a", "other", "sha256:b", "{}", "{}");

    [Fact]
    public void ListingAMissingStoreCreatesNothing()
    {
        var path = Path.Combine(_db.Folder, "not", "yet", "runs.db");
        var store = SqliteRunStore.OpenReadOnly(path);
        Assert.Empty(store.List());
        Assert.Null(store.Get(1));
        Assert.False(Directory.Exists(Path.Combine(_db.Folder, "not")));
        var r = CliProcess.Run("runs", "list", "--db", path);
        Assert.Equal(0, r.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(_db.Folder, "not")));
    }

    [Fact]
    public void ListingNeitherMigratesNorWrites()
    {
        new SqliteRunStore(_db.Path).Save(Run(), [new RunResultRow("pair", "k", "{}")]);
        var bytes = File.ReadAllBytes(_db.Path);
        var reader = SqliteRunStore.OpenReadOnly(_db.Path);
        Assert.Single(reader.List());
        Assert.Throws<RunStoreException>(() => reader.Save(Run(), []));
        Assert.Throws<RunStoreException>(() => reader.Delete(1));
        Assert.Equal(bytes, File.ReadAllBytes(_db.Path));
        Assert.Single(new SqliteRunStore(_db.Path).List());
    }

    [Theory]
    [InlineData("list")]
    [InlineData("show")]
    [InlineData("delete")]
    public void ACorruptStoreIsExitTwoAndLeftAsItWas(string verb)
    {
        var junk = new byte[64 * 1024];
        new Random(16).NextBytes(junk);
        File.WriteAllBytes(_db.Path, junk);
        var args = verb == "list" ? new[] { "runs", "list", "--db", _db.Path } : ["runs", verb, "1", "--db", _db.Path];
        var r = CliProcess.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not a readable run store", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(junk, File.ReadAllBytes(_db.Path));
    }

    [Fact]
    public void ACorruptedPageIsARunStoreErrorNotACrash()
    {
        new SqliteRunStore(_db.Path).Save(Run(), Enumerable.Range(0, 2000).Select(i => new RunResultRow("pair", "k" + i, "{\"x\":" + i + "}")));
        // Overwrite pages after the header: the file still opens, reading hits the damage.
        using (var f = File.OpenWrite(_db.Path))
        {
            f.Seek(8192, SeekOrigin.Begin);
            f.Write(new byte[32 * 1024].Select((_, i) => (byte)(i * 7)).ToArray());
        }
        var e = Assert.Throws<RunStoreException>(() =>
        {
            var store = SqliteRunStore.OpenReadOnly(_db.Path);
            foreach (var run in store.List())
            {
                _ = store.Results(run.Id).Count();
            }
        });
        Assert.Contains(_db.Path, e.Message, StringComparison.Ordinal);
    }
}
