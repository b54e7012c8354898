using System.Net;
using System.Net.Sockets;
using System.Text;
using Caravan.Web.Tests.Browser;

namespace Caravan.Web.Tests.Api;

/// <summary>
/// The protections that only the real <c>caravan serve</c> process shows: request bodies too large or never sent
/// answer 413/408 problem details with one log line and no stack trace; the banner names the address really bound,
/// and an appsettings.json in the working directory does not move it.
/// </summary>
public sealed class ServedProtectionTests : IAsyncLifetime
{
    private ServerProcess? _server;
    private string? _folder;

    private ServerProcess Server => _server ?? throw new InvalidOperationException("server not started");

    public async Task InitializeAsync()
    {
        _folder = WebTestPaths.CopyMiniWithDemand();
        // A settings file that would move Kestrel to another port if it were read.
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), $$$"""{"Kestrel":{"Endpoints":{"Http":{"Url":"http://127.0.0.1:{{{FreePort()}}}"} } },"urls":"http://127.0.0.1:1"}""");
        _server = await ServerProcess.StartAsync(_folder, workingDirectory: _folder);
    }

    public Task DisposeAsync()
    {
        _server?.Dispose();
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Sends raw bytes (without closing the sending side) and returns the whole answer, or "" when the server closed the connection first.</summary>
    private async Task<string> Raw(byte[] request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Server.BaseUrl.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(request);
        var answer = new MemoryStream();
        var buffer = new byte[4096];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cts.Token)) > 0)
            {
                answer.Write(buffer, 0, read);
                if (Encoding.ASCII.GetString(answer.ToArray()).Contains("\"status\":", StringComparison.Ordinal) && answer.ToArray()[^1] == (byte)'}')
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
        }
        return Encoding.UTF8.GetString(answer.ToArray());
    }

    [Fact]
    public async Task OversizedBodyAnswers413ProblemWithoutStackTrace()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        var body = "{\"demand\":\"" + new string('x', 70 * 1024) + "\"}";
        var response = await http.PostAsync("api/assignments", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("64 KiB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Task.Delay(500);
        Assert.DoesNotContain("   at ", Server.Log, StringComparison.Ordinal);
        Assert.Contains("refused POST /api/assignments: 413", Server.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyDeclaredAndNeverSentAnswers408ProblemWithoutStackTrace()
    {
        var answer = await Raw(Encoding.ASCII.GetBytes($"POST /api/assignments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"demand\":"));
        Assert.StartsWith("HTTP/1.1 408", answer, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", answer, StringComparison.Ordinal);
        await Task.Delay(500);
        Assert.DoesNotContain("   at ", Server.Log, StringComparison.Ordinal);
        Assert.Equal(1, Server.Log.Split('\n').Count(l => l.Contains("refused POST /api/assignments: 408", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task BannerNamesTheAddressReallyBoundDespiteAppSettings()
    {
        var url = Server.BaseUrl.ToString().TrimEnd('/');
        Assert.Contains($"at {url} ", Server.Log, StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = Server.BaseUrl };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/meta")).StatusCode);
    }

    [Theory]
    [InlineData("9999-12-15T00:00:00Z")]
    [InlineData("9999-11-20")]
    [InlineData("0001-01-01T00:00:00Z")]
    public async Task DepartureNearTheEndOfTimeIsABadRequest(string depart)
    {
        using var http = new HttpClient { BaseAddress = Server.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        var response = await http.GetAsync($"api/route?from=xian&to=DEDUI&depart={depart}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("depart", text, StringComparison.Ordinal);
        var deadline = await http.GetAsync($"api/route?from=xian&to=DEDUI&depart=2026-12-01&deadline={depart}");
        Assert.Equal(HttpStatusCode.BadRequest, deadline.StatusCode);
    }
}
