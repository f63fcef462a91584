using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace OutlookCommit.Api.Hosting;

/// <summary>
/// Reads an /api request body up to <see cref="LimitsOptions.MaxBodyBytes"/> before anything parses it:
/// a larger body (declared or streamed) is answered 413 ProblemDetails and never reaches a handler, and so is a
/// body that is not UTF-8 JSON (415).
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
        // Every /api body is JSON. Binding answers other types 415 too, but without a word of why, and a charset it
        // does not know ("utf8", "foo") made it throw: a 500. Here the answer says what to send.
        if (buffer.Length > 0 && !IsUtf8Json(request.ContentType))
        {
            await Problem(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                "Send the request body as UTF-8 JSON with Content-Type: application/json.");
            return;
        }
        buffer.Position = 0;
        request.Body = buffer;
        await next(context);
    }

    /// <summary>application/json or any +json type, in UTF-8 (RFC 8259: JSON between systems is UTF-8).</summary>
    internal static bool IsUtf8Json(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type))
            return false;
        var json = type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);
        var charset = type.Charset;
        return json && (charset.Length == 0 || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    private Task TooLarge(HttpContext context, long max) =>
        Problem(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
            $"The request body is larger than {max} bytes. Shorten the draft or send its new text only.");

    private async Task Problem(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
