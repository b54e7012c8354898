using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Caravan.Web.Tests.Api;

/// <summary>The route endpoint sheds load with 429 once its permits and queue are taken.</summary>
public class RateLimitTests
{
    [Fact]
    public async Task ASaturatedRouteEndpointAnswers429()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (app, client) = await ApiHost.StartAsync(
            o => o with { RouteConcurrency = 1, RouteQueue = 0 },
            a => a.MapGet("/test/hold", async () =>
            {
                entered.SetResult();
                await hold.Task;
                return Results.Ok();
            }).RequireRateLimiting(Endpoints.RouteEndpoints.RateLimitPolicy));
        await using (app)
        {
            var holding = client.GetAsync("/test/hold");
            await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var response = await client.GetAsync("/api/route?from=xian&to=DEDUI");
            var problem = await Json.ProblemAsync(response, 429);
            Assert.EndsWith("/overloaded", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
            Assert.True(response.Headers.Contains("Retry-After"));
            hold.SetResult();
            Assert.True((await holding).IsSuccessStatusCode);
            Assert.True((await client.GetAsync("/api/route?from=xian&to=DEDUI")).IsSuccessStatusCode);
        }
    }
}
