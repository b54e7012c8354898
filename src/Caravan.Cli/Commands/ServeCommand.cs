using System.CommandLine;
using Caravan.Web;
using Microsoft.AspNetCore.Builder;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan serve</c>: the web API and the map page on one port.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen (loopback by default)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var data = CommonOptions.Data();
        var scenario = CommonOptions.Scenario();
        var db = new Option<string?>("--db") { Description = "Run store whose saved runs /api/runs lists: a SQLite file or postgres://user@host:port/database" };
        var webRoot = new Option<string?>("--web-root") { Description = "Folder of the built page (default: beside the binary)" };
        var concurrency = new Option<int?>("--route-concurrency") { Description = "Route queries computed at once (default: 2 × cores)" };
        var queue = new Option<int?>("--route-queue") { Description = "Route queries that may wait; beyond that: 429 (default 256)" };
        var cors = new Option<string[]>("--cors-origin") { Description = "Allow this origin to call the API (CORS is closed by default); repeatable", AllowMultipleArgumentsPerToken = true };
        var apiKeyFile = new Option<string?>("--api-key-file") { Description = "File holding the API key POST requests must carry (else CARAVAN_API_KEY); required beyond loopback" };
        var allowedHosts = new Option<string[]>("--allowed-host") { Description = "Accept requests for this Host name too (e.g. a reverse proxy's); repeatable", AllowMultipleArgumentsPerToken = true };
        var command = new Command("serve", "Serve the web API (/api, OpenAPI at /openapi/v1.json) and the map page")
        {
            urls, data, scenario, db, webRoot, concurrency, queue, cors, apiKeyFile, allowedHosts,
        };
        command.SetAction(parse => Serve(parse, urls, data, scenario, db, webRoot, concurrency, queue, cors, apiKeyFile, allowedHosts));
        return command;
    }

    private static int Serve(
        ParseResult parse, Option<string> urls, Option<string?> data, Option<string?> scenario, Option<string?> db, Option<string?> webRoot,
        Option<int?> concurrency, Option<int?> queue, Option<string[]> cors, Option<string?> apiKeyFile, Option<string[]> allowedHosts)
    {
        var folder = parse.GetValue(data) ?? NetworkLoader.DefaultDataFolder();
        var network = NetworkLoader.Load(folder, parse.GetValue(scenario));
        var options = new CaravanWebOptions
        {
            Network = network,
            DataFolder = Path.GetFullPath(folder),
            DatabasePath = parse.GetValue(db),
            ScenariosFallbackFolder = Caravan.Scenarios.ScenarioLoader.ScenariosFolder(NetworkLoader.DefaultDataFolder()),
            WebRoot = parse.GetValue(webRoot),
            CorsOrigins = parse.GetValue(cors) ?? [],
            Scenario = Caravan.Scenarios.ScenarioLoader.IsBase(parse.GetValue(scenario)) ? null : parse.GetValue(scenario),
            Urls = parse.GetValue(urls)!,
            AllowedHosts = parse.GetValue(allowedHosts) ?? [],
            ApiKey = ApiKey(parse.GetValue(apiKeyFile)),
        };
        if (parse.GetValue(concurrency) is { } c)
        {
            options = c >= 1 ? options with { RouteConcurrency = c } : throw new CliInputException("--route-concurrency must be 1 or more");
        }
        if (parse.GetValue(queue) is { } q)
        {
            options = q >= 0 ? options with { RouteQueue = q } : throw new CliInputException("--route-queue must be 0 or more");
        }
        if (options.WebRoot is { } root && !File.Exists(Path.Combine(root, "index.html")))
        {
            throw new CliInputException($"--web-root: no index.html in {root}");
        }
        var url = options.Urls;
        WebApplication app;
        try
        {
            app = CaravanWebApp.Create(options);
        }
        catch (ArgumentException e)
        {
            throw new CliInputException("--urls: " + e.Message.Split(" (Parameter", 2)[0]);
        }
        // The banner names the addresses really bound, whatever configured them.
        app.Lifetime.ApplicationStarted.Register(() =>
            Console.WriteLine($"Caravan serving {options.DataFolder} ({network.Places.Count} places, {network.Links.Count} links) at {string.Join(", ", CaravanWebApp.ListeningAddresses(app))}{(options.ApiKey is null ? "" : " (API key required for POST)")} — Ctrl+C to stop"));
        try
        {
            app.Run();
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            throw new CliInputException($"--urls: {url} is already in use; pick another port");
        }
        return ExitCodes.Ok;
    }

    private static string? ApiKey(string? file)
    {
        if (file is not null)
        {
            if (!File.Exists(file))
            {
                throw new CliInputException($"--api-key-file: {file} not found");
            }
            var key = File.ReadAllText(file).Trim();
            return key.Length >= 16 ? key : throw new CliInputException($"--api-key-file: {file}: the key must be at least 16 characters");
        }
        var env = Environment.GetEnvironmentVariable("CARAVAN_API_KEY")?.Trim();
        return string.IsNullOrEmpty(env) ? null : env;
    }
}
