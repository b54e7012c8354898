using Npgsql;

namespace Caravan.Sweep;

/// <summary>
/// The PostgreSQL tables and stored queries Orleans' ADO.NET clustering provider reads (the package ships no SQL
/// scripts). Written here from the provider's documented contract: it loads <c>QueryKey, QueryText</c> from
/// <c>OrleansQuery</c>, binds named parameters (<c>DeploymentId</c>, <c>Address</c>, <c>Port</c>, <c>Generation</c>,
/// <c>SiloName</c>, <c>HostName</c>, <c>Status</c>, <c>ProxyPort</c>, <c>SuspectTimes</c>, <c>StartTime</c>,
/// <c>IAmAliveTime</c>, <c>Version</c>) and reads result columns by the same names; membership reads return the
/// deployment's version row joined with its silo rows (a version row with null silo columns when there are none);
/// inserts and updates succeed, answering one true column, only when the caller's expected table version is the
/// stored one, and then raise it by one, all or nothing. Created once per database, idempotently, under an advisory
/// lock so silos starting together do not race.
/// </summary>
public static class PostgresMembership
{
    private const long LockKey = 0x43617261_76616E01; // "Caravan" + 1

    /// <summary>Opens and closes a connection: the database exists and takes these credentials.</summary>
    public static async Task CheckAsync(string connectionString, CancellationToken cancellation = default)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>Creates the tables, functions and queries if they are missing.</summary>
    public static async Task EnsureAsync(string connectionString, CancellationToken cancellation = default)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync(cancellation).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        await using (var lockCmd = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({LockKey})", c, tx))
        {
            await lockCmd.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }
        await using (var cmd = new NpgsqlCommand(Schema, c, tx))
        {
            await cmd.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }
        foreach (var (key, text) in Queries)
        {
            await using var q = new NpgsqlCommand("INSERT INTO orleansquery (querykey, querytext) VALUES (@k, @t) ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext", c, tx);
            q.Parameters.AddWithValue("k", key);
            q.Parameters.AddWithValue("t", text);
            await q.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }
        await tx.CommitAsync(cancellation).ConfigureAwait(false);
    }

    // Unquoted names fold to lower case in PostgreSQL; the provider reads columns case-insensitively by name.
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS orleansquery (
            querykey varchar(64) PRIMARY KEY,
            querytext text NOT NULL
        );
        CREATE TABLE IF NOT EXISTS orleansmembershipversiontable (
            deploymentid varchar(150) PRIMARY KEY,
            timestamp timestamptz NOT NULL DEFAULT now(),
            version integer NOT NULL DEFAULT 0
        );
        CREATE TABLE IF NOT EXISTS orleansmembershiptable (
            deploymentid varchar(150) NOT NULL REFERENCES orleansmembershipversiontable (deploymentid),
            address varchar(45) NOT NULL,
            port integer NOT NULL,
            generation integer NOT NULL,
            siloname varchar(150) NOT NULL,
            hostname varchar(150) NOT NULL,
            status integer NOT NULL,
            proxyport integer NULL,
            suspecttimes varchar(8000) NULL,
            starttime timestamptz NOT NULL,
            iamalivetime timestamptz NOT NULL,
            PRIMARY KEY (deploymentid, address, port, generation)
        );
        -- Insert a silo row if the table is at the expected version and the row is new; then raise the version.
        CREATE OR REPLACE FUNCTION caravan_orleans_insert_member(
            d text, a text, p integer, g integer, sn text, hn text, st integer, pp integer, started timestamptz, alive timestamptz, expected integer)
        RETURNS boolean LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM 1 FROM orleansmembershipversiontable WHERE deploymentid = d AND version = expected FOR UPDATE;
            IF NOT FOUND THEN RETURN false; END IF;
            IF EXISTS (SELECT 1 FROM orleansmembershiptable WHERE deploymentid = d AND address = a AND port = p AND generation = g) THEN
                RETURN false;
            END IF;
            INSERT INTO orleansmembershiptable (deploymentid, address, port, generation, siloname, hostname, status, proxyport, starttime, iamalivetime)
            VALUES (d, a, p, g, sn, hn, st, pp, started, alive);
            UPDATE orleansmembershipversiontable SET version = version + 1, timestamp = now() WHERE deploymentid = d;
            RETURN true;
        END $$;
        -- Update a silo row's status, suspicions and liveness under the same version check.
        CREATE OR REPLACE FUNCTION caravan_orleans_update_member(
            d text, a text, p integer, g integer, st integer, suspects text, alive timestamptz, expected integer)
        RETURNS boolean LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM 1 FROM orleansmembershipversiontable WHERE deploymentid = d AND version = expected FOR UPDATE;
            IF NOT FOUND THEN RETURN false; END IF;
            UPDATE orleansmembershiptable SET status = st, suspecttimes = suspects, iamalivetime = alive
            WHERE deploymentid = d AND address = a AND port = p AND generation = g;
            IF NOT FOUND THEN RETURN false; END IF;
            UPDATE orleansmembershipversiontable SET version = version + 1, timestamp = now() WHERE deploymentid = d;
            RETURN true;
        END $$;
        """;

    private const string Columns = "v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport, m.suspecttimes, m.starttime, m.iamalivetime, v.version";

    private static readonly (string Key, string Text)[] Queries =
    [
        ("UpdateIAmAlivetimeKey", "UPDATE orleansmembershiptable SET iamalivetime = @IAmAliveTime WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation"),
        ("InsertMembershipVersionKey", "WITH i AS (INSERT INTO orleansmembershipversiontable (deploymentid) VALUES (@DeploymentId) ON CONFLICT DO NOTHING RETURNING 1) SELECT EXISTS (SELECT 1 FROM i)"),
        ("InsertMembershipKey", "SELECT caravan_orleans_insert_member(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version)"),
        ("UpdateMembershipKey", "SELECT caravan_orleans_update_member(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes, @IAmAliveTime, @Version)"),
        ("GatewaysQueryKey", "SELECT address, proxyport, generation FROM orleansmembershiptable WHERE deploymentid = @DeploymentId AND status = @Status AND proxyport > 0"),
        ("MembershipReadRowKey", $"SELECT {Columns} FROM orleansmembershipversiontable v LEFT JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid AND m.address = @Address AND m.port = @Port AND m.generation = @Generation WHERE v.deploymentid = @DeploymentId"),
        ("MembershipReadAllKey", $"SELECT {Columns} FROM orleansmembershipversiontable v LEFT JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid WHERE v.deploymentid = @DeploymentId"),
        ("DeleteMembershipTableEntriesKey", "DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId; DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId"),
        // Dead (status 6) silos not heard of since the cut-off.
        ("CleanupDefunctSiloEntriesKey", "DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId AND iamalivetime < @IAmAliveTime AND status = 6"),
        // One dead silo's row, only while it is still as the caller read it.
        ("CleanupDefunctSiloEntryKey", "DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId AND status = 6 AND address = @Address AND port = @Port AND generation = @Generation AND iamalivetime = @IAmAliveTime AND starttime = @StartTime AND suspecttimes IS NOT DISTINCT FROM @SuspectTimes"),
    ];
}
