using System.Diagnostics;
using Npgsql;

namespace Caravan.Tests.Support;

/// <summary>
/// One throwaway PostgreSQL server per test run (Debian's PostgreSQL, started by <c>scripts/lib/postgres.sh</c> in a
/// temporary folder on a free 127.0.0.1 port), stopped and removed when the test process ends, also when it is
/// killed (the script watches this process). Tests take a fresh database each with <see cref="CreateDatabase"/>.
/// No test is skipped for want of PostgreSQL: <c>scripts/test.sh</c> installs it, and a missing one fails here.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _folder;
    private readonly string _script;

    private PostgresServer(string folder, string script, string url)
    {
        _folder = folder;
        _script = script;
        Url = url;
        var uri = new Uri(url);
        Host = uri.Host;
        Port = uri.Port;
        var userInfo = uri.UserInfo.Split(':', 2);
        User = userInfo[0];
        Password = userInfo[1];
    }

    /// <summary>The server of this test run, started on first use.</summary>
    public static PostgresServer Shared => Instance.Value;

    /// <summary>URL of the server's <c>postgres</c> database as its superuser, with the password: <c>postgres://caravan:…@127.0.0.1:port/postgres</c>.</summary>
    public string Url { get; }

    /// <summary>127.0.0.1.</summary>
    public string Host { get; }

    /// <summary>The TCP port it listens on.</summary>
    public int Port { get; }

    /// <summary>The superuser (<c>caravan</c>).</summary>
    public string User { get; }

    /// <summary>The superuser's password (TCP connections need it).</summary>
    public string Password { get; }

    /// <summary>The URL of database <paramref name="database"/> on this server, with the password.</summary>
    public string UrlFor(string database) => $"postgres://{User}:{Password}@{Host}:{Port}/{database}";

    /// <summary>An ADO.NET connection string to <paramref name="database"/> (for Npgsql or Orleans' ADO.NET providers).</summary>
    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder { Host = Host, Port = Port, Username = User, Password = Password, Database = database }.ConnectionString;

    /// <summary>Creates an empty database with a fresh name; returns its name.</summary>
    public string CreateDatabase(string prefix = "t")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        using var c = new NpgsqlConnection(ConnectionStringFor("postgres"));
        c.Open();
        using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c);
        cmd.ExecuteNonQuery();
        return name;
    }

    /// <summary>Runs SQL on a database as the superuser.</summary>
    public void Execute(string database, string sql)
    {
        using var c = new NpgsqlConnection(ConnectionStringFor(database));
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    private static PostgresServer Start()
    {
        var script = FindScript();
        var folder = Path.Combine(Path.GetTempPath(), "caravan-pg-" + Guid.NewGuid().ToString("N"));
        var (code, stdout, stderr) = Bash(script, "start", folder, "--watch", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (code != 0)
        {
            throw new InvalidOperationException($"scripts/lib/postgres.sh start failed (exit {code}); run scripts/install-tools.sh: {stderr}");
        }
        var server = new PostgresServer(folder, script, stdout.Trim());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private void Stop() => Bash(_script, "stop", _folder);

    private static (int Code, string Out, string Error) Bash(string script, params string[] args)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(script);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(180_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("scripts/lib/postgres.sh did not finish in 180 s");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, "scripts", "lib", "postgres.sh");
            if (File.Exists(script) && File.Exists(Path.Combine(dir.FullName, "Caravan.sln")))
            {
                return script;
            }
        }
        throw new InvalidOperationException("cannot find scripts/lib/postgres.sh above " + AppContext.BaseDirectory);
    }
}
