using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Caravan.Web.Endpoints;
using Caravan.Web.Protection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Caravan.Web;

/// <summary>
/// Builds the Caravan web host: the JSON API under <c>/api</c>, its OpenAPI document at <c>/openapi/v1.json</c> and
/// the page. Every error is an RFC 7807 problem details document; no stack trace ever leaves the server.
/// </summary>
public static class CaravanWebApp
{
    /// <summary>Largest request body accepted, bytes; larger ones answer 413.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    /// <summary>Creates the builder with every service registered; tests may adjust it (e.g. a test server) before <see cref="Build"/>.</summary>
    /// <exception cref="ArgumentException">The options expose the server beyond loopback without an API key, or a URL is malformed.</exception>
    public static WebApplicationBuilder CreateBuilder(CaravanWebOptions options, string[]? args = null)
    {
        if (Exposure.Check(options) is { } refusal)
        {
            throw new ArgumentException(refusal, nameof(options));
        }
        // Production always: the developer exception page would show stack traces.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args ?? [], EnvironmentName = Environments.Production });
        // The listening address comes from the options only: an appsettings.json in the working directory must not move it.
        IgnoreSettingsFiles(builder);
        builder.WebHost.UseUrls([.. Exposure.SplitUrls(options.Urls)]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A failed start (port in use) is reported once by the caller, without the host's stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            k.Limits.MaxRequestLineSize = 8 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton<NetworkState>();
        services.AddSingleton<AssignmentRuns>();
        services.AddSingleton<RunStoreAccess>();
        services.AddSingleton<IdleMemoryTrim>();
        services.AddHostedService(sp => sp.GetRequiredService<IdleMemoryTrim>());
        services.AddProblemDetails();
        services.AddHostFiltering(o =>
        {
            o.AllowedHosts = [.. Exposure.AllowedHosts(Exposure.SplitUrls(options.Urls), options.AllowedHosts)];
            o.IncludeFailureMessage = false;
        });
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            // Numbers are numbers: the web default also reads them from strings, which makes every number in the
            // OpenAPI schemas "number or string" and generated clients wrong.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            // Source-generated metadata first (the web's shapes, then the engine's documents): the same metadata
            // serializes in the JIT and the native AOT build, where there is no reflection fallback.
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, WebJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(1, CaravanJsonContext.Default);
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Caravan API";
            doc.Info.Description = "Plan freight across the China – Central Asia – Caspian – Europe network.";
            return Task.CompletedTask;
        }).AddCaravanContract());
        services.AddRequestTimeouts(o => o.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = options.RequestTimeout,
            TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddConcurrencyLimiter(RouteEndpoints.RateLimitPolicy, c =>
            {
                c.PermitLimit = options.RouteConcurrency;
                c.QueueLimit = options.RouteQueue;
                c.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            o.OnRejected = async (context, token) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                await Results.Problem(
                    detail: "the server is computing as many routes as it can; try again in a moment",
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests",
                    type: Problems.TypeBase + "overloaded").ExecuteAsync(context.HttpContext);
            };
        });
        services.AddCors(o => o.AddDefaultPolicy(p =>
        {
            if (options.CorsOrigins.Count > 0)
            {
                p.WithOrigins([.. options.CorsOrigins]).WithMethods("GET", "POST").AllowAnyHeader();
            }
        }));
        services.AddResponseCompression(o => o.MimeTypes = ["application/json", "application/geo+json", "text/javascript", "text/css", "text/html", "image/svg+xml"]);
        return builder;
    }

    /// <summary>Builds the application: middleware, endpoints and the page.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        var options = app.Services.GetRequiredService<CaravanWebOptions>();
        _ = app.Services.GetRequiredService<NetworkState>(); // compile the routing graph before the first request
        _ = app.Services.GetRequiredService<AssignmentRuns>(); // registered with the lifetime: runs stop with the server
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<IdleMemoryTrim>();
        app.UseMiddleware<RequestBodyFaults>();
        app.UseHostFiltering();
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<ApiKeyGate>();
        app.UseMiddleware<QueryLengthLimit>();
        app.UseResponseCompression();
        ServePage(app, options);
        app.UseRouting();
        app.UseCors();
        app.UseRequestTimeouts();
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapCaravanApi();
        return app;
    }

    /// <summary>The addresses the server really listens on (after start), for the banner.</summary>
    public static IReadOnlyList<string> ListeningAddresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    private static void IgnoreSettingsFiles(WebApplicationBuilder builder)
    {
        var sources = builder.Configuration.Sources;
        for (var i = sources.Count - 1; i >= 0; i--)
        {
            if (sources[i] is FileConfigurationSource)
            {
                sources.RemoveAt(i);
            }
        }
    }

    /// <summary>Creates and builds in one step (what <c>caravan serve</c> uses).</summary>
    public static WebApplication Create(CaravanWebOptions options, string[]? args = null) => Build(CreateBuilder(options, args));

    private static void ServePage(WebApplication app, CaravanWebOptions options)
    {
        var root = WebRootLocator.Find(options.WebRoot);
        if (root is null)
        {
            app.MapGet("/", () => Results.Text(
                "<!doctype html><title>Caravan</title><p>The page was not built. Run <code>npm ci &amp;&amp; npm run build</code> in <code>web/</code> (dotnet build does it when Node.js is installed). The API is at <a href=\"/openapi/v1.json\">/openapi/v1.json</a>.</p>",
                "text/html")).ExcludeFromDescription();
            return;
        }
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = ctx =>
            {
                // Vite names built assets by content hash: they never change, so browsers may keep them.
                var immutable = ctx.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal);
                ctx.Context.Response.Headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
            },
        });
    }
}
