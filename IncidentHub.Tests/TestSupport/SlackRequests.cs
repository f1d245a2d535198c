using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using IncidentHub.Web.Slack;

namespace IncidentHub.Tests.TestSupport;

/// <summary>Requests to the app's /slack/* endpoints, signed like Slack signs them (at the time <see cref="Now"/> gives).</summary>
public sealed class SlackRequests(HttpClient client, Func<DateTimeOffset> now, string secret = FakeSlack.SigningSecret)
{
    public Func<DateTimeOffset> Now { get; } = now;

    public Task<HttpResponseMessage> EventAsync(string body, int? retryNum = null, CancellationToken cancellationToken = default) =>
        SendAsync("/slack/events", body, "application/json", retryNum, cancellationToken: cancellationToken);

    public Task<HttpResponseMessage> CommandAsync(string form, CancellationToken cancellationToken = default) =>
        SendAsync("/slack/commands", form, "application/x-www-form-urlencoded", cancellationToken: cancellationToken);

    public Task<HttpResponseMessage> InteractionAsync(string form, CancellationToken cancellationToken = default) =>
        SendAsync("/slack/interactivity", form, "application/x-www-form-urlencoded", cancellationToken: cancellationToken);

    /// <summary>Posts <paramref name="body"/>, signed unless told otherwise.</summary>
    public async Task<HttpResponseMessage> SendAsync(
        string path,
        string body,
        string contentType,
        int? retryNum = null,
        DateTimeOffset? signedAt = null,
        string? signature = null,
        bool sign = true,
        CancellationToken cancellationToken = default)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (sign)
        {
            var timestamp = (signedAt ?? Now()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
            request.Headers.Add("X-Slack-Signature", signature ?? SlackSignature.Sign(secret, timestamp, bytes));
        }

        if (retryNum is { } retry)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return await client.SendAsync(request, cancellationToken);
    }
}
