using Caravan.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Caravan.Web.Tests.Api;

/// <summary>The web host in-process on a test server, serving the mini fixture.</summary>
public sealed class ApiHost : IAsyncLifetime
{
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public static async Task<(WebApplication App, HttpClient Client)> StartAsync(Func<CaravanWebOptions, CaravanWebOptions>? adjust = null, Action<WebApplication>? extra = null)
    {
        var options = new CaravanWebOptions { Network = NetworkReader.ReadFolder(WebTestPaths.Mini), DataFolder = WebTestPaths.Mini, DefaultYear = 2026, ScenariosFallbackFolder = WebTestPaths.Scenarios };
        options = adjust?.Invoke(options) ?? options;
        var builder = CaravanWebApp.CreateBuilder(options);
        builder.WebHost.UseTestServer();
        var app = CaravanWebApp.Build(builder);
        extra?.Invoke(app);
        await app.StartAsync();
        return (app, app.GetTestClient());
    }

    /// <summary>Stops a host started by <see cref="StartAsync"/> and deletes the data folder it served (a copy made for the test).</summary>
    public static async Task StopAsync(WebApplication? app, HttpClient client, string dataCopy)
    {
        client.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
        Directory.Delete(dataCopy, recursive: true);
    }

    public async Task InitializeAsync()
    {
        (_app, Client) = await StartAsync(extra: app =>
            app.MapGet("/test/boom", string () => throw new InvalidOperationException("secret internal detail")));
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
