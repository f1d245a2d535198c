using System.Globalization;
using System.Text;
using System.Text.Json;
using IncidentHub.Core.Chat;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace IncidentHub.Web.Slack;

/// <summary>
/// <c>POST /slack/commands</c>, <c>/slack/events</c>, <c>/slack/interactivity</c>: anonymous by design, because Slack
/// cannot sign in, and protected instead by Slack's request signature, checked on the raw body before anything is
/// read. 404 while Slack is not configured; 401 for a missing, bad or stale signature; 413 for a body over the limit;
/// 400 for a body that is not what the endpoint takes; never a 500. Events are stored before they are acknowledged.
/// </summary>
public static partial class SlackEndpoints
{
    /// <summary>The largest body taken (Slack's largest messages, with their blocks, fit well within it).</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>How long an event may wait to be stored before the answer is "try again" (Slack's limit is 3 s).</summary>
    private static readonly TimeSpan StoreBudget = TimeSpan.FromSeconds(2.5);

    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/slack")
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        group.MapPost("/events", EventsAsync);
        group.MapPost("/commands", CommandsAsync);
        group.MapPost("/interactivity", InteractivityAsync);
        return endpoints;
    }

    private static async Task<IResult> EventsAsync(HttpContext http, IOptions<SlackOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(SlackEndpoints));
        var (body, refusal) = await ReadSignedAsync(http, options.Value, time, logger);
        if (refusal is not null)
        {
            return refusal;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return Results.BadRequest("The body is not JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Results.BadRequest("The body is not a JSON object.");
            }

            switch (SlackEventMapper.Str(root, "type"))
            {
                case "url_verification":
                    return SlackEventMapper.Str(root, "challenge") is { } challenge
                        ? Results.Text(challenge, "text/plain")
                        : Results.BadRequest("url_verification without a challenge.");
                case "event_callback":
                    break;
                case "app_rate_limited":
                    LogRateLimited(logger);
                    var minute = root.TryGetProperty("minute_rate_limited", out var m) && m.TryGetInt64(out var value) ? value : time.GetUtcNow().ToUnixTimeSeconds();
                    return await StoreAsync(http, "app_rate_limited:" + minute.ToString(CultureInfo.InvariantCulture), "app_rate_limited", body, time, logger);
                default:
                    return Results.Ok();
            }

            var eventId = SlackEventMapper.Str(root, "event_id");
            if (string.IsNullOrEmpty(eventId) || eventId.Length > 100
                || !root.TryGetProperty("event", out var slackEvent) || slackEvent.ValueKind != JsonValueKind.Object)
            {
                return Results.BadRequest("An event_callback needs an event_id and an event.");
            }

            if (!SlackEventMapper.Stored.Contains(SlackEventMapper.Str(slackEvent, "type") ?? ""))
            {
                return Results.Ok();
            }

            return await StoreAsync(http, eventId, SlackEventMapper.KindOf(slackEvent), body, time, logger);
        }
    }

    private static async Task<IResult> StoreAsync(HttpContext http, string eventId, string kind, byte[] body, TimeProvider time, ILogger logger)
    {
        var writer = http.RequestServices.GetRequiredService<SlackInboxWriter>();
        var retry = int.TryParse(http.Request.Headers["X-Slack-Retry-Num"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Min(n, 100) : 0;
        var item = new ChatInboxItem(eventId, kind, Encoding.UTF8.GetString(body), retry, time.GetUtcNow());
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        budget.CancelAfter(StoreBudget);
        try
        {
            var stored = await writer.WriteAsync(item, budget.Token);
            LogStored(logger, eventId, kind, retry, stored);
            return Results.Ok();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            // Not stored: say so, and Slack delivers it again.
            LogNotStored(logger, ex, eventId);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<IResult> CommandsAsync(HttpContext http, IOptions<SlackOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(SlackEndpoints));
        var (body, refusal) = await ReadSignedAsync(http, options.Value, time, logger);
        if (refusal is not null)
        {
            return refusal;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (form.TryGetValue("ssl_check", out var ssl) && ssl == "1")
        {
            return Results.Ok();
        }

        string? Field(string name) => form.TryGetValue(name, out var v) && v.Count == 1 ? v.ToString() : null;
        if (Field("command") is not { Length: > 0 } command || Field("user_id") is not { Length: > 0 } userId || Field("channel_id") is not { } channelId)
        {
            return Results.BadRequest("A slash command needs command, user_id and channel_id.");
        }

        try
        {
            var commands = http.RequestServices.GetRequiredService<SlackCommands>();
            var reply = await commands.HandleAsync(
                new SlashCommand(command, Field("text") ?? "", userId, Field("user_name") ?? userId, channelId, Field("trigger_id")), http.RequestAborted);
            return reply is null ? Results.Ok() : Ephemeral(reply);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCommandFailed(logger, ex);
            return Ephemeral("Something went wrong on IncidentHub's side, and nothing was changed. Try again in a moment.");
        }
    }

    private static async Task<IResult> InteractivityAsync(HttpContext http, IOptions<SlackOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(SlackEndpoints));
        var (body, refusal) = await ReadSignedAsync(http, options.Value, time, logger);
        if (refusal is not null)
        {
            return refusal;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var raw) || raw.Count != 1)
        {
            return Results.BadRequest("An interaction needs one payload field.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(raw.ToString());
        }
        catch (JsonException)
        {
            return Results.BadRequest("The payload is not JSON.");
        }

        using (document)
        {
            var payload = document.RootElement;
            if (payload.ValueKind != JsonValueKind.Object)
            {
                return Results.BadRequest("The payload is not a JSON object.");
            }

            var modal = http.RequestServices.GetRequiredService<SlackDeclareModal>();
            var closing = payload.TryGetProperty("view", out var submitted) && submitted.ValueKind == JsonValueKind.Object
                && SlackEventMapper.Str(submitted, "callback_id") == SlackClosingModal.CallbackId;
            try
            {
                switch (SlackEventMapper.Str(payload, "type"))
                {
                    case "view_submission" when payload.TryGetProperty("view", out var view) && view.ValueKind == JsonValueKind.Object
                                                && SlackEventMapper.Str(view, "callback_id") == SlackDeclareModal.CallbackId:
                        var answer = (await modal.SubmitAsync(payload, http.RequestAborted)).ToJson();
                        return answer is null ? Results.Ok() : Results.Text(answer, "application/json");
                    case "view_submission" when closing:
                        var closed = (await http.RequestServices.GetRequiredService<SlackClosingModal>().SubmitAsync(payload, http.RequestAborted)).ToJson();
                        return closed is null ? Results.Ok() : Results.Text(closed, "application/json");
                    case "shortcut" when SlackEventMapper.Str(payload, "callback_id") == SlackDeclareModal.CallbackId:
                        var problem = await modal.OpenAsync(SlackEventMapper.Str(payload, "trigger_id"), null, http.RequestAborted);
                        if (problem is not null)
                        {
                            LogShortcutFailed(logger);
                        }

                        return Results.Ok();
                    default:
                        return Results.Ok();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCommandFailed(logger, ex);
                return Results.Text(new SlackViewResponse(new Dictionary<string, string>
                {
                    [closing ? "message" : "name"] = closing
                        ? "Something went wrong on IncidentHub's side, and nothing was changed. Your text is still here: try again in a moment."
                        : "Something went wrong on IncidentHub's side, and nothing was declared. Try again in a moment.",
                }).ToJson()!, "application/json");
            }
        }
    }

    /// <summary>Reads the raw body (capped) and checks Slack's signature over it. Returns the refusal when there is one.</summary>
    private static async Task<(byte[] Body, IResult? Refusal)> ReadSignedAsync(HttpContext http, SlackOptions options, TimeProvider time, ILogger logger)
    {
        // Slack reads status codes, not the app's error pages.
        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        if (!options.IsConfigured)
        {
            return ([], Results.NotFound());
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return ([], Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return ([], Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
                }

                buffer.Write(chunk, 0, read);
            }

            body = buffer.ToArray();
        }
        catch (BadHttpRequestException ex)
        {
            return ([], Results.StatusCode(ex.StatusCode));
        }

        var check = SlackSignature.Verify(options.SigningSecret!, http.Request.Headers["X-Slack-Request-Timestamp"], http.Request.Headers["X-Slack-Signature"],
            body, time.GetUtcNow());
        if (check != SignatureCheck.Valid)
        {
            LogRefusedSignature(logger, http.Request.Path, check);
            return ([], Results.Unauthorized());
        }

        return (body, null);
    }

    private static IResult Ephemeral(string text) => Results.Json(new { response_type = "ephemeral", text });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request to {Path}: signature {Check}")]
    private static partial void LogRefusedSignature(ILogger logger, PathString path, SignatureCheck check);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack event {EventId} ({Kind}, retry {Retry}) stored: {New}")]
    private static partial void LogStored(ILogger logger, string eventId, string kind, int retry, bool @new);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack event {EventId} could not be stored; answered 503 so that Slack retries")]
    private static partial void LogNotStored(ILogger logger, Exception exception, string eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A Slack command or interaction failed unexpectedly")]
    private static partial void LogCommandFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack stopped sending events for a while: more than 30,000 an hour")]
    private static partial void LogRateLimited(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The declare shortcut could not open its form")]
    private static partial void LogShortcutFailed(ILogger logger);
}
