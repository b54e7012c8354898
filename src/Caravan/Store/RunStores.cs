namespace Caravan.Store;

/// <summary>
/// Opens the run store a <c>--db</c> value names: a <c>postgres://</c> (or <c>postgresql://</c>) URL is a
/// <see cref="PostgresRunStore"/>, anything else the path of a <see cref="SqliteRunStore"/> file; none given is
/// the embedded default, <see cref="SqliteRunStore.DefaultPath"/>. The one place both hosts decide which store.
/// </summary>
public static class RunStores
{
    /// <summary>Opens the store for saving and deleting (creating and migrating it when needed).</summary>
    /// <exception cref="RunStoreException">The store cannot be opened; the message says why.</exception>
    public static IRunStore Open(string? location) =>
        string.IsNullOrWhiteSpace(location) ? new SqliteRunStore(SqliteRunStore.DefaultPath)
        : PostgresLocation.IsUrl(location) ? new PostgresRunStore(location)
        : new SqliteRunStore(location);

    /// <summary>Opens the store for listing and showing: nothing is created, migrated or written.</summary>
    /// <exception cref="RunStoreException">The store cannot be read; the message says why.</exception>
    public static IRunStore OpenReadOnly(string? location) =>
        string.IsNullOrWhiteSpace(location) ? SqliteRunStore.OpenReadOnly(SqliteRunStore.DefaultPath)
        : PostgresLocation.IsUrl(location) ? PostgresRunStore.OpenReadOnly(location)
        : SqliteRunStore.OpenReadOnly(location);
}
