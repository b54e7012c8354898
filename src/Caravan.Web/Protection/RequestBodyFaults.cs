using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Caravan.Web.Protection;

/// <summary>
/// Turns Kestrel's request-body faults into problem details: a body over the size limit answers 413, a body
/// declared and then not sent (or sent too slowly) answers 408, a malformed body frame 400. Each logs one line
/// (method, path, status), never a stack trace, so a client cannot grow the log faster than it sends.
/// </summary>
internal sealed partial class RequestBodyFaults(RequestDelegate next, ILogger<RequestBodyFaults> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e)
        {
            // The request itself is bad; the server is fine. One line, no exception object.
            LogRefused(logger, context.Request.Method, context.Request.Path.Value ?? "", e.StatusCode, e.Message);
            if (context.Response.HasStarted)
            {
                context.Abort();
                return;
            }
            var (title, detail) = e.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => ("Request body too large", $"the request body is over the limit of {CaravanWebApp.MaxRequestBodyBytes / 1024} KiB"),
                StatusCodes.Status408RequestTimeout => ("Request body not received", "the request body declared was not sent in time"),
                _ => ("Bad request", "the request body could not be read"),
            };
            context.Response.Clear();
            // The connection is not reusable after an unread or broken body.
            context.Response.Headers.Connection = "close";
            await Results.Problem(detail: detail, statusCode: e.StatusCode, title: title, type: Problems.TypeBase + "bad-request-body").ExecuteAsync(context);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "refused {Method} {Path}: {Status} {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string path, int status, string reason);
}
