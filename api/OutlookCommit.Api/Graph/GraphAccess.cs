using Azure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using OutlookCommit.Api.Hosting;
using OutlookCommit.Api.Identity;

namespace OutlookCommit.Api.Graph;

/// <summary>One HTTP pipeline for all Graph calls (the SDK's handlers, retries as configured).</summary>
public sealed class GraphHttp : IDisposable
{
    public GraphHttp(IOptions<GraphOptions> options)
    {
        var o = options.Value;
        var handlers = GraphClientFactory.CreateDefaultHandlers().ToList();
        var retry = handlers.FindIndex(h => h is RetryHandler);
        // A Retry-After that does not fit in the call's budget is not waited for: the caller gets it instead.
        var retryHandler = new RetryHandler(new RetryHandlerOption
        {
            MaxRetry = o.MaxRetries,
            Delay = o.RetryDelaySeconds,
            RetriesTimeLimit = TimeSpan.FromSeconds(o.TimeoutSeconds),
        });
        if (retry >= 0) handlers[retry] = retryHandler; else handlers.Insert(0, retryHandler);

        Client = GraphClientFactory.Create(handlers, finalHandler: new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        });
        Client.Timeout = Timeout.InfiniteTimeSpan; // the budget is applied per call, see GraphAccess
        BaseUrl = o.BaseUrl.TrimEnd('/');
        Host = o.Host;
    }

    public HttpClient Client { get; }
    public string BaseUrl { get; }
    public string Host { get; }

    public void Dispose() => Client.Dispose();
}

/// <summary>
/// Graph for the current request's user: whether it can be used, a client, and the one place where Graph's
/// failures become ProblemDetails (404, throttling with Retry-After, 5xx, timeouts, token exchange).
/// </summary>
public sealed class GraphAccess(
    IHttpContextAccessor http, IGraphCredentialSource credentials, IdentityMode mode, GraphHttp pipeline,
    IOptions<GraphOptions> options, ILogger<GraphAccess> logger)
{
    private GraphMail? _mail;

    public bool IsAvailable => mode.IsProduction && credentials.MissingSettings is null;

    public string UnavailableDetail => mode.IsProduction
        ? $"Microsoft Graph is not configured: set {credentials.MissingSettings}."
        : $"The API runs in local mode, without Microsoft Graph. Set {IdentityMode.EnablingSettings} to enable it (see docs/deploy.md).";

    /// <summary>The current user's mail and calendar; 503 ProblemDetails when Graph is not available.</summary>
    public GraphMail Mail => _mail ??= new GraphMail(this, CreateClient());

    private GraphServiceClient CreateClient()
    {
        if (!IsAvailable)
            throw new ApiProblemException(StatusCodes.Status503ServiceUnavailable, "Microsoft Graph is not available", UnavailableDetail);
        var context = http.HttpContext ?? throw new InvalidOperationException("Graph is used outside a request.");
        var auth = new AzureIdentityAuthenticationProvider(credentials.GetCredential(context), [pipeline.Host], null, true,
            ["https://graph.microsoft.com/.default"]);
        return new GraphServiceClient(pipeline.Client, auth, pipeline.BaseUrl);
    }

    /// <summary>Runs one Graph operation within the configured budget and maps its failures.</summary>
    public async Task<T> RunAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            return await call(budget.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Graph {Operation} timed out after {Seconds} s", operation, options.Value.TimeoutSeconds);
            throw new ApiProblemException(StatusCodes.Status504GatewayTimeout, "Microsoft Graph did not answer in time",
                $"Reading {operation} from Microsoft Graph took longer than {options.Value.TimeoutSeconds} seconds. Try again in a moment.");
        }
        catch (AggregateException aggregate) when (aggregate.InnerExceptions.OfType<ApiException>().LastOrDefault() is { } last)
        {
            // The SDK's retry handler gave up: it throws AggregateException (not ODataError) with each attempt's failure.
            throw Throttled(operation, last, retriesExhausted: true);
        }
        catch (ApiException api)
        {
            throw api.ResponseStatusCode switch
            {
                404 => new ApiProblemException(StatusCodes.Status404NotFound, "Item not found in the mailbox",
                    $"Microsoft Graph has no {operation} with this id for you. An unsaved draft has no id yet: send its content to POST /api/analyses instead."),
                401 or 403 => new ApiProblemException(StatusCodes.Status403Forbidden, "Microsoft Graph refused access",
                    $"Reading {operation} was refused. The user or an admin must consent to Mail.Read and Calendars.Read.Shared for this add-in.",
                    type: "urn:outlookcommit:problem:graph-consent"),
                429 or 503 or 504 => Throttled(operation, api, retriesExhausted: false),
                >= 500 => new ApiProblemException(StatusCodes.Status502BadGateway, "Microsoft Graph failed",
                    $"Microsoft Graph answered {api.ResponseStatusCode} while reading {operation}. Try again later."),
                _ => new ApiProblemException(StatusCodes.Status502BadGateway, "Unexpected answer from Microsoft Graph",
                    $"Microsoft Graph answered {api.ResponseStatusCode} while reading {operation}."),
            };
        }
        catch (AuthenticationFailedException auth)
        {
            var consent = auth.Message.Contains("AADSTS65001", StringComparison.Ordinal) || auth.Message.Contains("consent", StringComparison.OrdinalIgnoreCase)
                || auth.Message.Contains("invalid_grant", StringComparison.Ordinal);
            logger.LogWarning("On-behalf-of token exchange failed for {Operation} (consent: {Consent})", operation, consent);
            throw consent
                ? new ApiProblemException(StatusCodes.Status403Forbidden, "Consent required",
                    "Microsoft Entra ID needs the user's (or an admin's) consent before this add-in can read mail and calendars. Ask for consent and retry.",
                    type: "urn:outlookcommit:problem:graph-consent")
                : new ApiProblemException(StatusCodes.Status502BadGateway, "Token exchange failed",
                    "The API could not get a Microsoft Graph token on your behalf. Sign in again and retry.");
        }
        catch (Exception unreadable) when (unreadable is System.Text.Json.JsonException
            || (unreadable is InvalidOperationException && unreadable.Message.Contains("content type", StringComparison.OrdinalIgnoreCase)))
        {
            // A 200 whose body is cut off, not JSON, or an HTML error page from a proxy in between.
            logger.LogWarning("Graph {Operation} answered a body that could not be read ({Error})", operation, unreadable.GetType().Name);
            throw new ApiProblemException(StatusCodes.Status502BadGateway, "Unreadable answer from Microsoft Graph",
                $"Microsoft Graph's answer while reading {operation} could not be read. Try again in a moment.");
        }
        catch (HttpRequestException)
        {
            throw new ApiProblemException(StatusCodes.Status502BadGateway, "Microsoft Graph unreachable",
                $"The API could not reach Microsoft Graph to read {operation}. Try again later.");
        }
    }

    private ApiProblemException Throttled(string operation, ApiException api, bool retriesExhausted)
    {
        var retryAfter = RetryAfter(api) ?? TimeSpan.FromSeconds(Math.Max(1, options.Value.RetryDelaySeconds));
        var tries = retriesExhausted ? $" after {options.Value.MaxRetries + 1} attempts" : "";
        logger.LogWarning("Graph {Operation} throttled or unavailable ({Status}){Tries}", operation, api.ResponseStatusCode, tries);
        return api.ResponseStatusCode == 429
            ? new ApiProblemException(StatusCodes.Status429TooManyRequests, "Microsoft Graph is throttling requests",
                $"Microsoft Graph asked to slow down while reading {operation}{tries}. Retry after {retryAfter.TotalSeconds:0} seconds.", retryAfter: retryAfter)
            : new ApiProblemException(StatusCodes.Status503ServiceUnavailable, "Microsoft Graph is unavailable",
                $"Microsoft Graph answered {api.ResponseStatusCode} while reading {operation}{tries}. Retry after {retryAfter.TotalSeconds:0} seconds.", retryAfter: retryAfter);
    }

    private static TimeSpan? RetryAfter(ApiException api)
    {
        var value = api.ResponseHeaders.FirstOrDefault(h => h.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        return int.TryParse(value, out var seconds) && seconds >= 0 ? TimeSpan.FromSeconds(Math.Min(seconds, 3600)) : null;
    }
}
