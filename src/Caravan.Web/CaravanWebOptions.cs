using Caravan.Model;
using Caravan.Services;

namespace Caravan.Web;

/// <summary>Everything the web host needs: the network it serves and its limits. Defaults suit a laptop.</summary>
public sealed record CaravanWebOptions
{
    /// <summary>The network to serve (loaded once; routing graph compiled once per process).</summary>
    public required Network Network { get; init; }

    /// <summary>Where the network was read from, for display only.</summary>
    public string DataFolder { get; init; } = "";

    /// <summary>Folder of the shipped scenarios, looked in after <c>&lt;data&gt;/scenarios</c> (null: only the data folder's).</summary>
    public string? ScenariosFallbackFolder { get; init; }

    /// <summary>The run store that <c>GET /api/runs</c> reads (a SQLite path or a <c>postgres://</c> URL, see <see cref="Caravan.Store.RunStores"/>); null when none was given.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>Folder with the built page (index.html); null to look beside the binary, then in the source tree.</summary>
    public string? WebRoot { get; init; }

    /// <summary>Route queries computed at once; more wait in the queue.</summary>
    public int RouteConcurrency { get; init; } = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>Route queries that may wait for a slot; beyond that the server answers 429 at once.</summary>
    public int RouteQueue { get; init; } = 256;

    /// <summary>Longest query string accepted, characters; longer requests get 414.</summary>
    public int MaxQueryLength { get; init; } = 4096;

    /// <summary>Longest a request may run before it is cancelled (504).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Origins allowed to call the API from other sites; empty (the default) keeps CORS closed.</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];

    /// <summary>Where to listen (<c>;</c> between several); the Host names requests may carry are derived from it.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>Host names accepted besides those derived from <see cref="Urls"/> (e.g. the name of a reverse proxy).</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>Key that requests starting work (POST) must carry; required when <see cref="Urls"/> reach beyond loopback.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The scenario the served network is (null for the base network); <c>scenario=base</c> still means the base.</summary>
    public string? Scenario { get; init; }

    /// <summary>Limits and defaults of the engine's services, the same ones the CLI uses.</summary>
    public EngineOptions Engine { get; init; } = EngineOptions.Default;

    /// <summary>Year used when a query gives none (sets <see cref="EngineOptions.Year"/>); null for the clock's year.</summary>
    public int? DefaultYear
    {
        get => Engine.Year;
        init => Engine = Engine with { Year = value };
    }
}
