using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Caravan.Web.Protection;

/// <summary>
/// Gives memory back once a burst of requests is over: the garbage collector keeps freed heap committed while
/// nothing allocates, so after <see cref="IdleAfter"/> without a request (and only if requests came since the
/// last trim) one aggressive, compacting collection returns it to the operating system. Cheap: at most one
/// collection per burst, none while requests keep coming.
/// </summary>
public sealed class IdleMemoryTrim : BackgroundService, IMiddleware
{
    /// <summary>How long the server must be idle before it trims.</summary>
    public static readonly TimeSpan IdleAfter = TimeSpan.FromSeconds(2);

    private long _lastRequestTicks = Environment.TickCount64;
    private long _requestsSinceTrim;

    /// <summary>Number of trims done (for tests and diagnostics).</summary>
    public int Trims { get; private set; }

    /// <inheritdoc />
    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        Interlocked.Exchange(ref _lastRequestTicks, Environment.TickCount64);
        Interlocked.Increment(ref _requestsSinceTrim);
        return next(context);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var idle = Environment.TickCount64 - Interlocked.Read(ref _lastRequestTicks);
                if (idle >= IdleAfter.TotalMilliseconds && Interlocked.Exchange(ref _requestsSinceTrim, 0) > 0)
                {
                    GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    Trims++;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
