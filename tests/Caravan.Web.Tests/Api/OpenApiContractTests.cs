using System.Text.Json;
using Caravan.Services;

namespace Caravan.Web.Tests.Api;

/// <summary>The OpenAPI document generates good clients: checked over the whole document, not one endpoint.</summary>
public class OpenApiContractTests(ApiHost host) : IClassFixture<ApiHost>
{
    private async Task<JsonElement> DocumentAsync() => await Json.ReadAsync(await host.Client.GetAsync("/openapi/v1.json"));

    [Fact]
    public async Task NumbersAreNumbersEverywhere()
    {
        var doc = await DocumentAsync();
        var mixed = new List<string>();
        Walk(doc, "$", (path, node) =>
        {
            if (node.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array)
            {
                var types = type.EnumerateArray().Select(t => t.GetString()).ToHashSet();
                if (types.Contains("string") && (types.Contains("number") || types.Contains("integer")))
                {
                    mixed.Add(path);
                }
            }
        });
        Assert.True(mixed.Count == 0, "number-or-string schemas at:\n" + string.Join('\n', mixed));
        // The route's numeric query fields are typed from the engine's field table.
        var parameters = Parameters(doc, "/api/route");
        Assert.Equal("number", parameters["quantity"].GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal("integer", parameters["year"].GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal("boolean", parameters["explain"].GetProperty("schema").GetProperty("type").GetString());
    }

    [Fact]
    public async Task QueryNamesAreTheEnginesFieldNamesAndRequiredOnesAreMarked()
    {
        var doc = await DocumentAsync();
        foreach (var (path, type) in new[] { ("/api/route", typeof(RoutePlanQuery)), ("/api/route/single", typeof(RouteQuery)) })
        {
            var parameters = Parameters(doc, path);
            foreach (var field in QueryFields.Of(type))
            {
                Assert.True(parameters.TryGetValue(field.Name, out var p), $"{path} does not document {field.Name}; it has {string.Join(", ", parameters.Keys)}");
                Assert.Equal(field.Required, p.TryGetProperty("required", out var r) && r.GetBoolean());
                Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("description").GetString()));
            }
            Assert.Equal(QueryFields.Of(type).Count + 1, parameters.Count); // and scenario
        }
    }

    [Fact]
    public async Task EveryResponseHasASchema()
    {
        var doc = await DocumentAsync();
        var missing = new List<string>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                foreach (var response in operation.Value.GetProperty("responses").EnumerateObject())
                {
                    var described = response.Value.TryGetProperty("content", out var content)
                        && content.EnumerateObject().Any() && content.EnumerateObject().All(c => c.Value.TryGetProperty("schema", out _));
                    if (!described)
                    {
                        missing.Add($"{operation.Name.ToUpperInvariant()} {path.Name} {response.Name}");
                    }
                }
            }
        }
        Assert.True(missing.Count == 0, "responses without a schema:\n" + string.Join('\n', missing));
    }

    [Fact]
    public async Task TheProblemSchemaListsItsExtensionsAndEveryErrorCode()
    {
        var doc = await DocumentAsync();
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var problem = schemas.GetProperty("ProblemDetails").GetProperty("properties");
        foreach (var member in new[] { "type", "title", "status", "detail", "code", "issues", "errors", "suggestions", "blocking" })
        {
            Assert.True(problem.TryGetProperty(member, out _), $"the problem schema lacks {member}");
        }
        var codes = problem.GetProperty("code").GetProperty("enum").EnumerateArray().Select(c => c.GetString()).ToHashSet();
        Assert.All(Enum.GetNames<ErrorCode>(), c => Assert.Contains(c, codes));
        // Every 4xx points at that schema.
        var refs = new List<string>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                foreach (var response in operation.Value.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('4')))
                {
                    var schema = response.Value.GetProperty("content").EnumerateObject().First().Value.GetProperty("schema");
                    if (schema.GetProperty("$ref").GetString() != "#/components/schemas/ProblemDetails")
                    {
                        refs.Add($"{path.Name} {response.Name}");
                    }
                }
            }
        }
        Assert.Empty(refs);
    }

    private static Dictionary<string, JsonElement> Parameters(JsonElement doc, string path) =>
        doc.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p);

    private static void Walk(JsonElement node, string path, Action<string, JsonElement> visit)
    {
        if (node.ValueKind == JsonValueKind.Object)
        {
            visit(path, node);
            foreach (var p in node.EnumerateObject())
            {
                Walk(p.Value, path + "." + p.Name, visit);
            }
        }
        else if (node.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in node.EnumerateArray())
            {
                Walk(item, $"{path}[{i++}]", visit);
            }
        }
    }
}
