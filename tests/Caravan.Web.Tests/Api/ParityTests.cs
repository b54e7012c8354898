using System.Text.Json.Nodes;
using Caravan.Cli;
using Caravan.Services;

namespace Caravan.Web.Tests.Api;

/// <summary>Console redirection is process-wide: the in-process CLI runs alone.</summary>
[CollectionDefinition("Parity", DisableParallelization = true)]
public sealed class ParityCollection;

/// <summary>
/// The same question through both doors: <c>caravan route --json</c> (the real command pipeline, in process) and
/// <c>GET /api/route</c> give the same document for a good query, and for a bad one the same error code, the same
/// problems per field and the same suggestions, with exit code 2 against the matching 4xx.
/// </summary>
[Collection("Parity")]
public sealed class ParityTests : IAsyncLifetime
{
    /// <summary>Good and bad queries, as query strings; the CLI gets the same fields as options.</summary>
    public static readonly TheoryData<string> Corpus = new(
        // good
        "from=xian&to=duisburg",
        "from=Xi'an&to=Duisburg&avoid=RU,BY",
        "from=xian&to=DEDUI&optimize=time",
        "from=xian&to=DEDUI&optimize=cost&quantity=2",
        "from=xian&to=DEDUI&optimize=co2",
        "from=xian&to=DEDUI&optimize=recommended",
        "from=xian&to=DEDUI&optimize=fastest&year=2026",
        "from=xian&to=DEDUI&cargo=dry-bulk&quantity=100",
        "from=xian&to=DEDUI&avoidModes=Air",
        "from=xian&to=DEDUI&avoidModes=Road,Air",
        "from=xian&to=DEDUI&maxTransfers=4",
        "from=xian&to=DEDUI&valueOfTime=5&carbonPrice=0.2",
        "from=xian&to=DEDUI&maxOptions=3",
        "from=xian&to=DEDUI&depart=2026-12-01T08:00&deadline=2026-12-30T00:00",
        "from=xian&to=DEDUI&alternatives=2",
        "from=xian&to=DEDUI&explain=true",
        "from=xian&to=DEDUI&epsilon=0.01",
        "from=xian&to=DEDUI&year=2031",
        "from=xian&to=DEDUI&avoidPlaces=Moscow",
        "from=西安&to=dedui",
        "from=CNKHG&to=UZAND&explain=true",
        "from=xian&to=DEDUI&avoid=IR",
        "from=xian&to=DEDUI&maxLabels=100000&timeLimit=20",
        // localities: any place of the city at either end; a place code is kept exactly
        "from=Zhengzhou&to=Liege&cargo=air-cargo",
        "from=Liege&to=Zhengzhou&cargo=air-cargo",
        "from=Budapest&to=Shanghai",
        "from=CNCGO-APT&to=duisburg",
        "from=Istanbul&to=Frankfurt&avoidPlaces=Budapest",
        "from=Zhengzhou&to=CNCGO-APT&cargo=air-cargo",
        // bad values
        "from=Duisbrug&to=xian",
        "to=xian",
        "from=xian&to=DEDUI&cargo=plutonium",
        "from=xian&to=DEDUI&quantity=1e",
        "from=xian&to=DEDUI&quantity=-3",
        "from=xian&to=DEDUI&year=1800",
        "from=xian&to=DEDUI&year=twenty",
        "from=xian&to=DEDUI&maxTransfers=1.5",
        "from=xian&to=DEDUI&optimize=beauty",
        "from=xian&to=DEDUI&avoid=Russia",
        "from=xian&to=DEDUI&avoidModes=Teleport",
        "from=xian&to=DEDUI&maxOptions=0",
        "from=xian&to=DEDUI&maxOptions=21",
        "from=xian&to=DEDUI&alternatives=11",
        "from=xian&to=DEDUI&depart=tomorrow",
        "from=xian&to=DEDUI&depart=2026-12-10T00:00&deadline=2026-12-01T00:00",
        "from=xian&to=DEDUI&epsilon=2",
        "from=xian&to=DEDUI&timeLimit=60",
        "from=xian&to=DEDUI&maxLabels=0",
        "from=xian&to=xian",
        "from=xian&to=DEDUI&avoidPlaces=Nowhereville",
        "from=Duisbrug&to=DEDUI&cargo=plutonium&year=1800",
        // unknown parameters
        "from=xian&to=duisburg&avoidCountries=RU,BY",
        "from=xian&to=DEDUI&optimise=time",
        // no route, search limit
        "from=xian&to=DEDUI&avoid=KZ&avoidModes=Sea",
        "from=xian&to=DEDUI&maxLabels=1");

    private Microsoft.AspNetCore.Builder.WebApplication? _app;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        // Both doors on the engine's default options: the same clock gives the same default year.
        (_app, _client) = await ApiHost.StartAsync(o => o with { Engine = EngineOptions.Default });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public void TheCorpusHasAtLeastFortyQueriesGoodAndBad()
    {
        Assert.True(Corpus.Count >= 40, $"{Corpus.Count} queries");
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task BothDoorsGiveTheSameAnswer(string query)
    {
        var response = await _client.GetAsync("/api/route?" + string.Join('&', query.Split('&').Select(p => p.Split('=', 2)).Select(kv => kv[0] + "=" + Uri.EscapeDataString(kv[1]))));
        var status = (int)response.StatusCode;
        var web = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var (exit, stdout, stderr) = RunCli(CliArguments(query));
        var cli = JsonNode.Parse(stdout)!;
        if (status == 200)
        {
            Assert.True(exit == 0, $"the web answered 200, the CLI exited {exit}: {stderr}");
            Assert.True(JsonNode.DeepEquals(web, cli), $"API:\n{web}\nCLI:\n{cli}");
            return;
        }
        Assert.True(exit == 2, $"the web answered {status}, the CLI exited {exit}");
        Assert.InRange(status, 400, 499);
        var code = cli["code"]!.GetValue<string>();
        Assert.Equal(code, web["code"]!.GetValue<string>());
        Assert.Equal(ExpectedStatus(code), status);
        if (code == nameof(ErrorCode.UnknownParameter))
        {
            // The field and the nearest name agree; the CLI lists its own output options among the valid ones.
            Assert.Equal(FieldsOf(web), FieldsOf(cli));
            Assert.True(JsonNode.DeepEquals(web["suggestions"], cli["suggestions"]), $"API:\n{web}\nCLI:\n{cli}");
            return;
        }
        foreach (var member in new[] { "issues", "errors", "suggestions", "blocking" })
        {
            Assert.True(JsonNode.DeepEquals(web[member], cli[member]), $"{member} differs\nAPI:\n{web}\nCLI:\n{cli}");
        }
    }

    /// <summary>Dated queries on the embedded data (data/timezones.csv): departures read in the origin's local time unless an offset is given.</summary>
    public static readonly TheoryData<string, string?> DatedCorpus = new()
    {
        { "from=Xi'an&to=Duisburg&depart=2026-12-01T08:00", "2026-12-01T08:00+08:00" },
        { "from=Xi'an&to=Duisburg&depart=2026-12-01T08:00Z", "2026-12-01T16:00+08:00" },
        { "from=Xi'an&to=Duisburg&depart=2026-12-01T08:00+03:00", "2026-12-01T13:00+08:00" },
        { "from=Duisburg&to=Xi'an&depart=2026-07-01T08:00", "2026-07-01T08:00+02:00" },
        { "from=Duisburg&to=Xi'an&depart=2026-12-01T08:00&optimize=time", "2026-12-01T08:00+01:00" },
        { "from=Moscow&to=Almaty&depart=2026-03-29T02:30", "2026-03-29T02:30+03:00" },
        // 02:30 does not exist in Germany that night: the clocks go forward, so does the departure.
        { "from=Duisburg&to=Moscow&depart=2026-03-29T02:30", "2026-03-29T03:30+02:00" },
        { "from=Xi'an&to=Duisburg&depart=2026-12-01T08:00&deadline=2027-01-10T12:00", "2026-12-01T08:00+08:00" },
        // 00:30 in Duisburg is before 08:00 in Xi'an (00:00 UTC): the deadline is read in the destination's local time.
        { "from=Xi'an&to=Duisburg&depart=2026-12-01T08:00&deadline=2026-12-01T00:30", null },
        { "from=Xi'an&to=Duisburg&depart=2026-13-01T08:00", null },
    };

    [Theory]
    [MemberData(nameof(DatedCorpus))]
    public async Task DatedRoutesOnTheEmbeddedDataAreTheSameThroughBothDoorsInLocalTime(string query, string? firstDeparture)
    {
        var data = Path.Combine(WebTestPaths.Root, "data");
        var (app, client) = await ApiHost.StartAsync(o => o with { Network = Caravan.Data.NetworkReader.ReadFolder(data), DataFolder = data, Engine = EngineOptions.Default });
        await using (app)
        using (client)
        {
            var fields = query.Split('&').Select(p => p.Split('=', 2)).ToList();
            var response = await client.GetAsync("/api/route?" + string.Join('&', fields.Select(kv => kv[0] + "=" + Uri.EscapeDataString(kv[1]))));
            var web = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            var args = new List<string> { "route" };
            foreach (var kv in fields)
            {
                args.AddRange(["--" + QueryField.Kebab(kv[0]), kv[1]]);
            }
            var (exit, stdout, stderr) = RunCli([.. args, "--json", "--data", data]);
            var cli = JsonNode.Parse(stdout)!;
            if (firstDeparture is null)
            {
                Assert.Equal(400, (int)response.StatusCode);
                Assert.Equal(2, exit);
                Assert.True(JsonNode.DeepEquals(web["issues"], cli["issues"]), $"API:\n{web}\nCLI:\n{cli}");
                return;
            }
            Assert.Equal(200, (int)response.StatusCode);
            Assert.True(exit == 0, stderr);
            Assert.True(JsonNode.DeepEquals(web, cli), $"API:\n{web}\nCLI:\n{cli}");
            var legs = web["routes"]![0]!["legs"]!.AsArray();
            Assert.Equal(firstDeparture, legs[0]!["departs"]!.GetValue<string>());
            // Every dated leg carries its offset (ISO 8601), departure at its from-place, arrival at its to-place.
            Assert.All(legs, l => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d[+-]\d\d:\d\d$", l!["arrives"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task AnUnknownParameterNamesTheNearestValidOne()
    {
        var response = await _client.GetAsync("/api/route?from=xian&to=duisburg&avoidCountries=RU,BY");
        var problem = await Json.ProblemAsync(response, 400);
        Assert.Equal("UnknownParameter", problem.GetProperty("code").GetString());
        Assert.Equal("avoid", problem.GetProperty("suggestions").GetProperty("avoidCountries")[0].GetString());
        Assert.Contains("did you mean avoid?", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("q=xian", "xian")]
    [InlineData("q=duis&limit=3", "duis", "--limit", "3")]
    [InlineData("q=%E8%A5%BF%E5%AE%89", "西安")]
    [InlineData("limit=5", null, "--limit", "5")]
    public async Task PlaceSearchGivesTheSameAnswer(string query, string? text, params string[] options)
    {
        var web = JsonNode.Parse(await _client.GetStringAsync("/api/places?" + query))!;
        var args = new List<string> { "places" };
        if (text is not null)
        {
            args.Add(text);
        }
        args.AddRange(options);
        args.AddRange(["--json", "--data", WebTestPaths.Mini]);
        var (exit, stdout, stderr) = RunCli([.. args]);
        Assert.True(exit == 0, stderr);
        Assert.True(JsonNode.DeepEquals(web, JsonNode.Parse(stdout)), $"API:\n{web}\nCLI:\n{stdout}");
    }

    [Fact]
    public async Task APlaceLimitOutOfRangeIsTheSameErrorThroughBothDoors()
    {
        var web = JsonNode.Parse(await (await _client.GetAsync("/api/places?q=xian&limit=500")).Content.ReadAsStringAsync())!;
        var (exit, stdout, _) = RunCli(["places", "xian", "--limit", "500", "--json", "--data", WebTestPaths.Mini]);
        Assert.Equal(2, exit);
        var cli = JsonNode.Parse(stdout)!;
        Assert.Equal("InvalidValue", web["code"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(web["issues"], cli["issues"]), $"API:\n{web}\nCLI:\n{cli}");
    }

    [Fact]
    public async Task TheScenarioCatalogueIsTheSameThroughBothDoors()
    {
        var web = JsonNode.Parse(await _client.GetStringAsync("/api/scenarios"))!;
        var (exit, stdout, stderr) = RunCli(["scenarios", "--json", "--data", WebTestPaths.Mini]);
        Assert.True(exit == 0, stderr);
        Assert.True(JsonNode.DeepEquals(web, JsonNode.Parse(stdout)), $"API:\n{web}\nCLI:\n{stdout}");
    }

    private static string[] FieldsOf(JsonNode doc) =>
        doc["issues"]!.AsArray().Select(i => i!["field"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();

    private static int ExpectedStatus(string code) => code switch
    {
        nameof(ErrorCode.NoRoute) or nameof(ErrorCode.LimitExceeded) => 422,
        _ => 400,
    };

    /// <summary>The CLI spelling of a query string: <c>avoidModes=Air</c> → <c>--avoid-modes Air</c>, <c>explain=true</c> → <c>--explain</c>.</summary>
    private static string[] CliArguments(string query)
    {
        var args = new List<string> { "route" };
        foreach (var pair in query.Split('&'))
        {
            var kv = pair.Split('=', 2);
            var option = "--" + QueryField.Kebab(kv[0]);
            if (kv[0] == "explain" && kv[1] == "true")
            {
                args.Add(option);
                continue;
            }
            args.Add(option);
            args.Add(kv[1]);
        }
        args.AddRange(["--json", "--data", WebTestPaths.Mini]);
        return [.. args];
    }

    private static (int Code, string Out, string Error) RunCli(string[] args) => CliRunner.RunCaptured(args);
}
