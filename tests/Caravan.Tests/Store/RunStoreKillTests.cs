using System.Diagnostics;
using Caravan.Store;
using Xunit;

namespace Caravan.Tests.Store;

/// <summary>
/// A real <c>caravan compare --save</c> process saving a big run is killed half-way, several times; the database
/// must stay sound, earlier runs intact, and each killed run either whole or absent.
/// </summary>
public sealed class RunStoreKillTests : IDisposable
{
    private const int SyntheticRows = 150_000;
    private readonly TempDb _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void KillingASaveMidWayLeavesTheStoreConsistent()
    {
        var pairs = Path.Combine(_db.Folder, "pairs.csv");
        File.WriteAllText(pairs, "from,to\nKashgar,Andijan\nXi'an,Duisburg\n");
        var store = new SqliteRunStore(_db.Path);
        var earlier = store.Save(new NewRun(RunKind.Compare, "base", "sha256:aa", "b", "sha256:bb", "{}", "{}"),
            Enumerable.Range(0, 500).Select(i => new RunResultRow("od", $"k{i}", $$"""{"i":{{i}}}""")));
        var random = new Random(20261129);
        var killed = 0;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            if (KillDuringSave(pairs, random.Next(30, 700)))
            {
                killed++;
            }
            Assert.Equal("ok", store.IntegrityCheck());
        }
        Assert.True(killed >= 3, $"only {killed} of 10 saves were killed in progress");
        var runs = new SqliteRunStore(_db.Path).List();
        var kept = Assert.Single(runs, r => r.Id == earlier);
        Assert.Equal(500, kept.ResultCount);
        Assert.Equal(500, store.CountResults(earlier));
        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"k{i}"), store.Results(earlier).Select(r => r.Key));
        foreach (var r in runs.Where(r => r.Id != earlier))
        {
            // Whole: every row of a finished save (2 OD pairs + the synthetic ones).
            Assert.Equal(SyntheticRows + 2, r.ResultCount);
            Assert.Equal(r.ResultCount, store.CountResults(r.Id));
        }
        // The store still takes new runs.
        Assert.True(store.Save(new NewRun(RunKind.Route, "base", "sha256:aa", null, null, "{}", "{}"), []) > earlier);
    }

    /// <summary>Starts a save, kills the process <paramref name="delayMs"/> after it starts saving; true if it was still running.</summary>
    private bool KillDuringSave(string pairs, int delayMs)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Caravan.Cli.dll"), "compare", "base", "cku-railway", "--data", TestPaths.Mini, "--pairs", pairs, "--save", "--db", _db.Path })
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["CARAVAN_DEBUG_SYNTHETIC_ROWS"] = SyntheticRows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var p = Process.Start(psi)!;
        using var saving = new ManualResetEventSlim();
        p.ErrorDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("saving run", StringComparison.Ordinal) == true)
            {
                saving.Set();
            }
        };
        p.OutputDataReceived += (_, _) => { };
        p.BeginErrorReadLine();
        p.BeginOutputReadLine();
        Assert.True(saving.Wait(TimeSpan.FromSeconds(60)) || p.HasExited, "the save never started");
        Thread.Sleep(delayMs);
        var wasRunning = !p.HasExited;
        if (wasRunning)
        {
            p.Kill(entireProcessTree: true);
        }
        Assert.True(p.WaitForExit(30_000));
        return wasRunning;
    }
}
