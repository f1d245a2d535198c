using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace IncidentHub.Web.Slack;

/// <summary>How one Web API call ended.</summary>
public enum SlackCallStatus
{
    /// <summary><c>ok: true</c>.</summary>
    Ok,

    /// <summary><c>ok: false</c> with an error code: Slack refused the call, nothing happened.</summary>
    Refused,

    /// <summary>HTTP 429: wait <see cref="SlackCall.RetryAfter"/>, nothing happened.</summary>
    RateLimited,

    /// <summary>Slack could not be reached at all: nothing happened.</summary>
    Unreachable,

    /// <summary>A timeout, a dropped connection, a 5xx or a garbled answer: the call may or may not have happened.</summary>
    Unknown,
}

/// <summary>The answer to one call: status, the JSON body when there is one, Slack's error code, and granted scopes.</summary>
public sealed record SlackCall(SlackCallStatus Status, JsonElement Body, string? Error, TimeSpan? RetryAfter, string? Scopes)
{
    public bool Ok => Status == SlackCallStatus.Ok;

    public string? Str(string property) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public string Describe() => Status switch
    {
        SlackCallStatus.Ok => "ok",
        SlackCallStatus.Refused => Error ?? "refused",
        SlackCallStatus.RateLimited => "rate limited",
        SlackCallStatus.Unreachable => "Slack unreachable",
        _ => Error ?? "no clear answer from Slack",
    };
}

/// <summary>
/// The hand-written Web API client: one POST per method with form-encoded arguments and the bot token as a bearer
/// token. It never throws for Slack's answers; it says how the call ended. Errors come back as HTTP 200 with
/// <c>ok: false</c>; only rate limiting uses 429 with Retry-After.
/// </summary>
public sealed partial class SlackApiClient(IHttpClientFactory clients, IOptions<SlackOptions> options, ILogger<SlackApiClient> logger)
{
    public const string HttpClientName = "slack";

    private static readonly JsonElement Empty = JsonDocument.Parse("{}").RootElement.Clone();

    public async Task<SlackCall> CallAsync(string method, IEnumerable<KeyValuePair<string, string>> arguments, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.ApiBase, method))
        {
            Content = new FormUrlEncodedContent(arguments),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.BotToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.CallTimeout);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            var scopes = response.Headers.TryGetValues("x-oauth-scopes", out var values) ? string.Join(",", values) : null;
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = response.Headers.RetryAfter?.Delta
                    ?? (response.Headers.TryGetValues("Retry-After", out var raw) && int.TryParse(raw.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var s)
                        ? TimeSpan.FromSeconds(s) : TimeSpan.FromSeconds(30));
                LogRateLimited(logger, method, retryAfter.TotalSeconds);
                return new SlackCall(SlackCallStatus.RateLimited, Empty, "ratelimited", retryAfter, scopes);
            }

            if (!response.IsSuccessStatusCode)
            {
                LogHttpStatus(logger, method, (int)response.StatusCode);
                return new SlackCall(SlackCallStatus.Unknown, Empty, $"http_{(int)response.StatusCode}", null, scopes);
            }

            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            JsonElement root;
            try
            {
                using var document = JsonDocument.Parse(body);
                root = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return new SlackCall(SlackCallStatus.Unknown, Empty, "invalid_response", null, scopes);
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
            {
                return new SlackCall(SlackCallStatus.Ok, root, null, null, scopes);
            }

            var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String
                ? e.GetString() : "unknown_error";
            LogRefused(logger, method, error);
            return new SlackCall(SlackCallStatus.Refused, root, error, null, scopes);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
        {
            LogUnreachable(logger, method, ex.HttpRequestError);
            return new SlackCall(SlackCallStatus.Unreachable, Empty, "unreachable", null, null);
        }
        catch (HttpRequestException ex)
        {
            LogUnreachable(logger, method, ex.HttpRequestError);
            return new SlackCall(SlackCallStatus.Unknown, Empty, "connection_lost", null, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimeout(logger, method);
            return new SlackCall(SlackCallStatus.Unknown, Empty, "timeout", null, null);
        }
    }

    public Task<SlackCall> CallAsync(string method, CancellationToken cancellationToken = default, params (string Name, string? Value)[] arguments) =>
        CallAsync(method, arguments.Where(a => a.Value is not null).Select(a => KeyValuePair.Create(a.Name, a.Value!)), cancellationToken);

    /// <summary>
    /// Downloads a private file with the bot token. The token is only ever sent to Slack's own file host (or, in tests,
    /// to the configured API host): never to an address an event merely named.
    /// </summary>
    public async Task<HttpResponseMessage?> GetFileAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !IsSlackFileHost(uri))
        {
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.BotToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.CallTimeout * 3);
        var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        return response;
    }

    public bool IsSlackFileHost(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var api = options.Value.ApiBase;
        return (uri.Scheme == Uri.UriSchemeHttps && (uri.Host == "files.slack.com" || uri.Host.EndsWith(".slack.com", StringComparison.OrdinalIgnoreCase)))
            || (uri.Scheme == api.Scheme && uri.Host == api.Host && uri.Port == api.Port);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack rate-limited {Method}; retry after {Seconds} s")]
    private static partial void LogRateLimited(ILogger logger, string method, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack answered {Method} with HTTP {Status}")]
    private static partial void LogHttpStatus(ILogger logger, string method, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack refused {Method}: {Error}")]
    private static partial void LogRefused(ILogger logger, string method, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack is unreachable for {Method} ({Error})")]
    private static partial void LogUnreachable(ILogger logger, string method, HttpRequestError error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack did not answer {Method} in time")]
    private static partial void LogTimeout(ILogger logger, string method);
}
