using System.Text.Json;
using Caravan.Export;
using Caravan.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Caravan.Web.Endpoints;

/// <summary>
/// A plan document kept with its UTF-8 JSON, serialized once by the first request that writes it (with the host's
/// JSON options, as <c>TypedResults.Ok</c> would): a repeated plan then costs a copy of its bytes, not a
/// serialization of a document that can hold a hundred itineraries (180 KB for Xi'an → Duisburg avoiding RU, BY).
/// </summary>
public sealed class PlanAnswer(RouteResponse document, IReadOnlyList<EngineWarning> warnings)
{
    private byte[]? _utf8;

    /// <summary>The plan document (its <c>warnings</c> member included).</summary>
    public RouteResponse Document { get; } = document;

    /// <summary>The service's warnings of the plan, kept with it so a cached answer gives them again.</summary>
    public IReadOnlyList<EngineWarning> Warnings { get; } = warnings;

    /// <summary>The document's JSON; two racing first writers may both serialize, with the same bytes.</summary>
    public byte[] Utf8(JsonSerializerOptions options) =>
        Volatile.Read(ref _utf8) ?? (_utf8 = JsonSerializer.SerializeToUtf8Bytes(Document, options.GetTypeInfo(typeof(RouteResponse))));
}

/// <summary>
/// Writes a <see cref="PlanAnswer"/>'s bytes as <c>application/json; charset=utf-8</c> with status 200, and tells
/// the OpenAPI document that the body is a <see cref="RouteResponse"/>, as <c>Ok&lt;RouteResponse&gt;</c> did.
/// </summary>
public sealed class PlanJsonResult(PlanAnswer answer) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IContentTypeHttpResult
{
    /// <summary>The answer written.</summary>
    public PlanAnswer Answer { get; } = answer;

    /// <inheritdoc/>
    public int? StatusCode => StatusCodes.Status200OK;

    /// <inheritdoc/>
    public string ContentType => "application/json; charset=utf-8";

    /// <inheritdoc/>
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var bytes = Answer.Utf8(options);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;
        httpContext.Response.ContentLength = bytes.Length;
        return httpContext.Response.Body.WriteAsync(bytes).AsTask();
    }

    /// <inheritdoc/>
    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(RouteResponse), ["application/json"]));
    }
}
