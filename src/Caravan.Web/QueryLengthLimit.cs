using Microsoft.AspNetCore.Http;

namespace Caravan.Web;

/// <summary>Refuses requests whose query string is longer than the configured limit with 414 problem details.</summary>
internal sealed class QueryLengthLimit(RequestDelegate next, CaravanWebOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var length = context.Request.QueryString.Value?.Length ?? 0;
        if (length > options.MaxQueryLength)
        {
            await Results.Problem(
                detail: $"the query string is {length} characters long; at most {options.MaxQueryLength} are accepted",
                statusCode: StatusCodes.Status414RequestUriTooLong,
                title: "Query too long",
                type: Problems.TypeBase + "query-too-long").ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
