using System.Text.Json.Nodes;
using Caravan.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Caravan.Web;

/// <summary>
/// Makes the OpenAPI document say what the API does, so generated clients are right: query fields of the engine's
/// query types under their exact (camelCase) names, typed from their <see cref="QueryFieldAttribute"/> (a number is
/// a number, not number-or-string), required ones marked, described once; every problem response with the problem
/// schema and its extension members, <c>code</c> listing the engine's <see cref="ErrorCode"/>s.
/// </summary>
public static class OpenApiContract
{
    private static readonly Dictionary<string, QueryField> Fields = QueryFields.Of<RoutePlanQuery>().Concat(QueryFields.Of<PlaceQuery>())
        .GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers the transformers.</summary>
    public static OpenApiOptions AddCaravanContract(this OpenApiOptions options)
    {
        options.AddOperationTransformer((operation, context, _) =>
        {
            foreach (var p in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (p.In == ParameterLocation.Query && p.Name is { } name && Fields.TryGetValue(name, out var field))
                {
                    p.Name = field.Name;
                    p.Description = field.Description;
                    p.Required = field.Required;
                    p.Schema = Schema(field.Kind);
                }
            }
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type) && schema.Properties is { } props && !props.ContainsKey("code"))
            {
                var codes = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The stable error code (the same one `caravan ... --json` prints)." };
                codes.Enum = Enum.GetNames<ErrorCode>().Select(n => (JsonNode)JsonValue.Create(n)!).ToList();
                props["code"] = codes;
                props["issues"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Description = "Every problem: its code, the query field (camelCase) and a sentence.",
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String },
                            ["field"] = new OpenApiSchema { Type = JsonSchemaType.String },
                            ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        },
                    },
                };
                props["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Messages per query field.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                };
                props["suggestions"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Per field: the nearest places ({code, name, country}) for an unknown place, the nearest names for an unknown parameter; a list of names for an unknown scenario.",
                };
                props["blocking"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Description = "For NoRoute: the constraints each of which, lifted alone, lets a route through.",
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["constraint"] = new OpenApiSchema { Type = JsonSchemaType.String },
                            ["value"] = new OpenApiSchema { Type = JsonSchemaType.String },
                            ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        },
                    },
                };
            }
            return Task.CompletedTask;
        });
        return options;
    }

    private static OpenApiSchema Schema(FieldKind kind) => kind switch
    {
        FieldKind.Number => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "double" },
        FieldKind.Integer => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
        FieldKind.Boolean => new OpenApiSchema { Type = JsonSchemaType.Boolean },
        FieldKind.DateTime => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
        _ => new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
