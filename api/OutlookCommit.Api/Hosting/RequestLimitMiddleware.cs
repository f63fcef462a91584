using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace OutlookCommit.Api.Hosting;

/// <summary>
/// Reads an /api request body up to <see cref="LimitsOptions.MaxBodyBytes"/> before anything parses it:
/// a larger body (declared or streamed) is answered 413 ProblemDetails and never reaches a handler.
/// </summary>
public sealed class RequestLimitMiddleware(RequestDelegate next, IOptions<LimitsOptions> limits, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            await next(context);
            return;
        }

        var max = limits.Value.MaxBodyBytes;
        if (request.ContentLength > max)
        {
            await TooLarge(context, max);
            return;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > max)
            {
                await TooLarge(context, max);
                return;
            }
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        request.Body = buffer;
        await next(context);
    }

    private async Task TooLarge(HttpContext context, long max)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Request body too large",
                Detail = $"The request body is larger than {max} bytes. Shorten the draft or send its new text only.",
            },
        });
    }
}
