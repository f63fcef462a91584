using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OutlookCommit.Api.Data;

namespace OutlookCommit.Api.Hosting;

/// <summary>
/// The last line: every exception becomes a ProblemDetails. Bad requests say what was wrong (a JSON path,
/// never the draft's text); anything unexpected is logged by type and answered without internals.
/// </summary>
public sealed class GlobalExceptionHandler(IProblemDetailsService problems, ILogger<GlobalExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // A locked or full database is a condition of the server, not a bug: answered (and logged) like any
        // upstream failure, with its own status and Retry-After.
        exception = DatabaseFaults.ToProblem(exception) ?? exception;

        var problem = ToProblem(exception, httpContext, logger);
        if (problem is null)
            return true; // the client went away; nothing to answer

        if (exception is ApiProblemException { RetryAfter: { } retryAfter })
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    internal static ProblemDetails? ToProblem(Exception exception, HttpContext httpContext, ILogger logger)
    {
        switch (exception)
        {
            case ApiProblemException api:
                if (api.Status >= 500)
                    logger.LogWarning("Upstream failure answered with {Status}: {Title}", api.Status, api.Title);
                return new ProblemDetails { Status = api.Status, Title = api.Title, Detail = api.Detail, Type = api.Type };

            case BadHttpRequestException bad:
                return new ProblemDetails
                {
                    Status = bad.StatusCode,
                    Title = bad.StatusCode switch
                    {
                        StatusCodes.Status415UnsupportedMediaType => "Unsupported content type",
                        StatusCodes.Status413PayloadTooLarge => "Request body too large",
                        _ => "Malformed request",
                    },
                    Detail = DescribeBadRequest(bad),
                };

            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                return null;

            default:
                // Type and stack only: messages of some exceptions can carry request data.
                logger.LogError("Unhandled {ExceptionType} at {StackTrace}", exception.GetType().FullName, exception.StackTrace);
                return new ProblemDetails
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Title = "Unexpected error",
                    Detail = "The server could not complete the request. It has been logged; retrying may help.",
                };
        }
    }

    private static string DescribeBadRequest(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return "Send the request body as JSON with Content-Type: application/json.";
        if (bad.InnerException is JsonException json)
        {
            var where = string.IsNullOrEmpty(json.Path) ? "" : $" at {json.Path}";
            return $"The request body is not valid for this endpoint{where}: " + JsonReason(json);
        }
        return bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || bad.Message.StartsWith("Required parameter", StringComparison.Ordinal)
            ? "The request body is missing; send a JSON object."
            : "The request could not be read: " + bad.Message;
    }

    private static string JsonReason(JsonException json)
    {
        // System.Text.Json messages name the target type and position, not the input text. A .NET type name means
        // nothing to the add-in's developer or an IT admin reading a log, so say what the field expects instead.
        var message = json.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        const string converted = "could not be converted to ";
        var at = message.IndexOf(converted, StringComparison.Ordinal);
        if (at < 0) return message;
        // The type named is the property's own, or (for a token of the wrong kind) the object holding it: then the
        // field's name says what it expects.
        var expected = Expected(message[(at + converted.Length)..].TrimEnd('.'));
        if (expected == OtherShape && ExpectedByField(json.Path) is { } byField) expected = byField;
        return "expected " + expected + ".";
    }

    private const string OtherShape = "a value of another shape (see the OpenAPI document at /openapi/v1.json)";

    internal static string? ExpectedByField(string? path)
    {
        var field = path?[(path.LastIndexOf('.') + 1)..].Trim('[', ']', '\'', '$') ?? "";
        return field.ToLowerInvariant() switch
        {
            "due" or "referencetime" or "start" or "end" or "sentat" => Expected("DateTimeOffset"),
            "nextstep" => Expected("NextStepType"),
            "kind" => Expected("DraftKind"),
            "done" => Expected("Boolean"),
            "to" or "cc" or "who" or "attendees" or "optionalattendees" => "an array of people ({ name, address }, a name or an address)",
            _ => null,
        };
    }

    internal static string Expected(string dotnetType) => dotnetType switch
    {
        _ when dotnetType.Contains("DateTimeOffset", StringComparison.Ordinal) || dotnetType.Contains("DateTime", StringComparison.Ordinal)
            => "a date-time with its UTC offset (ISO 8601, e.g. 2026-12-01T14:00:00+08:00)",
        _ when dotnetType.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when dotnetType.Contains("Int32", StringComparison.Ordinal) || dotnetType.Contains("Int64", StringComparison.Ordinal)
            => "a whole number",
        _ when dotnetType.Contains("Double", StringComparison.Ordinal) || dotnetType.Contains("Decimal", StringComparison.Ordinal) => "a number",
        _ when dotnetType.Contains("NextStepType", StringComparison.Ordinal)
            => "one of technicalExchange, introduction, visit, onlineMeeting, executiveMeeting, materials",
        _ when dotnetType.Contains("DraftKind", StringComparison.Ordinal) => "\"message\" or \"event\"",
        _ when dotnetType.Contains("List`", StringComparison.Ordinal) || dotnetType.EndsWith("[]", StringComparison.Ordinal) => "an array",
        _ when dotnetType.EndsWith("System.String", StringComparison.Ordinal) => "a string of valid text (no lone surrogate escapes)",
        _ => OtherShape,
    };
}

/// <summary>An answer other than success that a handler or service chose on purpose, with its HTTP status.</summary>
public sealed class ApiProblemException(int status, string title, string detail, string? type = null, TimeSpan? retryAfter = null)
    : Exception(title)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public string Detail { get; } = detail;
    public string? Type { get; } = type;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
