using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Caravan.Web.Protection;

/// <summary>
/// When the host has an API key, every request that may write or start work (any method but GET, HEAD and
/// OPTIONS) must carry it, as <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c>; otherwise 401
/// problem details. Keys are compared in constant time. Reads stay open: they are what the page needs.
/// </summary>
internal sealed class ApiKeyGate(RequestDelegate next, CaravanWebOptions options)
{
    private readonly byte[]? _key = options.ApiKey is { Length: > 0 } k ? Encoding.UTF8.GetBytes(k) : null;

    public Task InvokeAsync(HttpContext context)
    {
        if (_key is null || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        {
            return next(context);
        }
        if (Presented(context.Request) is { } given && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _key))
        {
            return next(context);
        }
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(
            detail: "this server requires its API key for requests that start work: send Authorization: Bearer <key> or X-Api-Key: <key>",
            statusCode: StatusCodes.Status401Unauthorized,
            title: "API key required",
            type: Problems.TypeBase + "api-key-required").ExecuteAsync(context);
    }

    private static string? Presented(HttpRequest request)
    {
        var auth = request.Headers.Authorization.ToString();
        if (auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return auth["Bearer ".Length..].Trim();
        }
        var header = request.Headers["X-Api-Key"].ToString();
        return header.Length > 0 ? header : null;
    }
}
