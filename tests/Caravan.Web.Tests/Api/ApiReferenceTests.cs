using System.Text;
using System.Text.Json;

namespace Caravan.Web.Tests.Api;

/// <summary>
/// docs/guide/api.md is generated from the served OpenAPI document: this test regenerates it and fails when the
/// committed file differs (run with CARAVAN_WRITE_DOCS=1 to rewrite it).
/// </summary>
public class ApiReferenceTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task ApiReferenceIsGeneratedFromOpenApi()
    {
        var doc = await Json.ReadAsync(await host.Client.GetAsync("/openapi/v1.json"));
        var text = Render(doc);
        var path = Path.Combine(WebTestPaths.Root, "docs", "guide", "api.md");
        if (Environment.GetEnvironmentVariable("CARAVAN_WRITE_DOCS") == "1")
        {
            File.WriteAllText(path, text);
        }
        Assert.True(File.Exists(path), "docs/guide/api.md is missing: run the tests with CARAVAN_WRITE_DOCS=1");
        Assert.True(File.ReadAllText(path) == text, "docs/guide/api.md is stale: run `CARAVAN_WRITE_DOCS=1 dotnet test tests/Caravan.Web.Tests --filter ApiReference`");
    }

    private static string Render(JsonElement doc)
    {
        var sb = new StringBuilder();
        sb.Append("# API reference\n\n");
        sb.Append("Generated from the OpenAPI document that `caravan serve` publishes at `/openapi/v1.json` (by\n");
        sb.Append("`tests/Caravan.Web.Tests/Api/ApiReferenceTests.cs`; do not edit by hand). Errors are RFC 7807 problem details.\n\n");
        foreach (var path in doc.GetProperty("paths").EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            foreach (var op in path.Value.EnumerateObject().OrderBy(o => o.Name, StringComparer.Ordinal))
            {
                var o = op.Value;
                sb.Append($"## `{op.Name.ToUpperInvariant()} {path.Name}`\n\n");
                if (o.TryGetProperty("summary", out var summary))
                {
                    sb.Append($"**{summary.GetString()}.**");
                }
                if (o.TryGetProperty("description", out var description))
                {
                    sb.Append(' ').Append(description.GetString());
                }
                sb.Append("\n\n");
                if (o.TryGetProperty("parameters", out var parameters) && parameters.GetArrayLength() > 0)
                {
                    sb.Append("| parameter | in | description |\n| --- | --- | --- |\n");
                    foreach (var p in parameters.EnumerateArray())
                    {
                        var d = p.TryGetProperty("description", out var pd) ? pd.GetString()?.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal) : "";
                        sb.Append($"| `{p.GetProperty("name").GetString()}` | {p.GetProperty("in").GetString()} | {d} |\n");
                    }
                    sb.Append('\n');
                }
                if (o.TryGetProperty("responses", out var responses))
                {
                    sb.Append("Responses: ").Append(string.Join(", ", responses.EnumerateObject().Select(r => r.Name))).Append(".\n\n");
                }
            }
        }
        return sb.ToString();
    }
}
