namespace Caravan.Store;

/// <summary>
/// Where runs and their results are kept. <see cref="SqliteRunStore"/> is the embedded default; a shared
/// PostgreSQL store can implement the same interface. Implementations are safe to use from several threads and
/// processes at once; a save is atomic (all rows or none), so a killed process never leaves half a run.
/// </summary>
public interface IRunStore
{
    /// <summary>The schema version the store is at.</summary>
    int SchemaVersion { get; }

    /// <summary>Saves a run and its rows in one transaction; returns its id.</summary>
    long Save(NewRun run, IEnumerable<RunResultRow> results, CancellationToken cancellation = default);

    /// <summary>Runs, newest first.</summary>
    IReadOnlyList<RunInfo> List(int limit = 100);

    /// <summary>One run, or null when there is none with that id.</summary>
    RunInfo? Get(long id);

    /// <summary>The result rows of a run in the order they were saved (empty for an unknown id).</summary>
    IEnumerable<RunResultRow> Results(long id);

    /// <summary>Deletes a run and its rows; false when there was none.</summary>
    bool Delete(long id);
}
