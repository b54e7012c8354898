using System.Net;
using System.Net.Sockets;
using System.Text;
using Caravan.Web.Tests.Browser;

namespace Caravan.Web.Tests.Api;

/// <summary>
/// Hostile requests against the real <c>caravan serve</c> process: oversized, deeply nested, truncated and malformed
/// requests, garbage on the socket and a concurrent burst. Each is answered with a 4xx/429 (or the connection is
/// closed), never a 500, and the server keeps answering afterwards.
/// </summary>
public sealed class HostileRequestTests : IAsyncLifetime
{
    private ServerProcess? _server;

    private ServerProcess Server => _server ?? throw new InvalidOperationException("server not started");

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync(WebTestPaths.Mini);

    public Task DisposeAsync()
    {
        _server?.Dispose();
        return Task.CompletedTask;
    }

    private HttpClient Client() => new() { BaseAddress = Server.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };

    private async Task AssertStillUp()
    {
        using var http = Client();
        var response = await http.GetAsync("api/route/single?from=xian&to=DEDUI");
        Assert.True(response.IsSuccessStatusCode, $"server stopped answering:\n{Server.Log}");
    }

    /// <summary>Sends raw bytes and returns the status code of the answer, or null when the server closed the connection.</summary>
    private async Task<int?> Raw(byte[] request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Server.BaseUrl.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(request);
        tcp.Client.Shutdown(SocketShutdown.Send);
        var buffer = new byte[4096];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        int read;
        try
        {
            read = await stream.ReadAsync(buffer, cts.Token);
        }
        catch (IOException)
        {
            return null;
        }
        if (read == 0)
        {
            return null;
        }
        var head = Encoding.ASCII.GetString(buffer, 0, read);
        var parts = head.Split(' ', 3);
        return parts.Length >= 2 && int.TryParse(parts[1], out var code) ? code : null;
    }

    [Theory]
    [InlineData(2_000)]
    [InlineData(20_000)]
    [InlineData(200_000)]
    public async Task OversizedQueriesAreRefusedWith4xx(int length)
    {
        using var http = Client();
        var response = await http.GetAsync("api/route?from=" + new string('x', length) + "&to=DEDUI");
        Assert.InRange((int)response.StatusCode, 400, 499);
        await AssertStillUp();
    }

    [Fact]
    public async Task DeeplyNestedAndHugeBodiesAreRefused()
    {
        // A body over the 64 KiB limit may be cut off mid-upload: the server answers 4xx or closes the connection.
        async Task AssertRefused(string path, HttpContent content)
        {
            using var http = Client();
            try
            {
                var response = await http.PostAsync(path, content);
                Assert.InRange((int)response.StatusCode, 400, 499);
            }
            catch (HttpRequestException)
            {
            }
        }
        var nested = new string('[', 100_000) + new string(']', 100_000);
        var smallNested = new string('{', 5_000);
        foreach (var path in new[] { "api/route", "api/places" })
        {
            await AssertRefused(path, new StringContent(nested, Encoding.UTF8, "application/json"));
            await AssertRefused(path, new StringContent(smallNested, Encoding.UTF8, "application/json"));
        }
        await AssertRefused("api/route", new ByteArrayContent(new byte[5 * 1024 * 1024]));
        await AssertStillUp();
    }

    [Fact]
    public async Task MalformedParametersAreProblemDetails()
    {
        using var http = Client();
        foreach (var query in new[]
        {
            "api/route?from=%ZZ&to=DEDUI",
            "api/route?from=xian&to=DEDUI&quantity=1e309",
            "api/route?from=xian&to=DEDUI&year=-2147483649",
            "api/route?from=xian&to=DEDUI&maxOptions=%00",
            "api/route?from=xian&to=DEDUI&depart=not-a-date",
            "api/route?from=xian&to=DEDUI&avoid=" + string.Join(',', Enumerable.Repeat("RU", 1000)),
            "api/places?q=&limit=-1",
            "api/network?mode=Teleport",
        })
        {
            var response = await http.GetAsync(query);
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{query}: {(int)response.StatusCode}");
            Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await AssertStillUp();
    }

    [Fact]
    public async Task TruncatedAndGarbageRequestsDoNotHurtTheServer()
    {
        var truncated = await Raw(Encoding.ASCII.GetBytes("GET /api/route?from=xian&to=DE"));
        Assert.True(truncated is null or (>= 400 and < 500), $"truncated: {truncated}");
        var badHeader = await Raw(Encoding.ASCII.GetBytes("GET /api/meta HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"));
        Assert.True(badHeader is null or (>= 400 and < 500), $"bad header: {badHeader}");
        var random = new Random(8);
        var garbage = new byte[64 * 1024];
        random.NextBytes(garbage);
        var junk = await Raw(garbage);
        Assert.True(junk is null or (>= 400 and < 500), $"garbage: {junk}");
        var shortBody = await Raw(Encoding.ASCII.GetBytes("POST /api/route HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"from\":"));
        Assert.True(shortBody is null or (>= 400 and < 500), $"short body: {shortBody}");
        await AssertStillUp();
    }

    [Fact]
    public async Task AConcurrentBurstIsAnsweredWithoutErrors()
    {
        using var http = Client();
        var tasks = Enumerable.Range(0, 400).Select(i => http.GetAsync(i % 4 == 0 ? "api/route?from=xian&to=DEDUI&avoid=RU,BY" : "api/route/single?from=xian&to=DEDUI")).ToArray();
        var responses = await Task.WhenAll(tasks);
        foreach (var r in responses)
        {
            Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"{(int)r.StatusCode}");
        }
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        await AssertStillUp();
    }
}
