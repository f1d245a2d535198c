using System.Text.RegularExpressions;
using IncidentHub.Core.Common;
using Microsoft.Extensions.Options;

namespace IncidentHub.Web.Slack;

/// <summary>
/// <c>Slack:*</c> settings. Without a signing secret and a bot token Slack is off: the app runs fully, the
/// <c>/slack/*</c> endpoints answer 404 and the admin page explains how to connect. Secrets come from the environment
/// or user secrets, never from the repository, and are never logged.
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    public const string DefaultApiBaseUrl = "https://slack.com/api/";

    /// <summary>The app's signing secret (Basic Information → App Credentials).</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot token, <c>xoxb-…</c> (OAuth &amp; Permissions).</summary>
    public string? BotToken { get; set; }

    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Where incidents are announced: a channel id (C…) or name (#incidents). None: no announcements.</summary>
    public string? AnnouncementsChannel { get; set; }

    /// <summary>The reaction that makes a message a key event, without colons.</summary>
    public string TimelineReaction { get; set; } = "pushpin";

    /// <summary>
    /// The role of full workspace members with no IncidentHub account of the same email: Responder (the default: anyone
    /// in the workspace can declare) or Viewer. Guests and bots never get more than Viewer, whatever this says.
    /// </summary>
    public AppRole DefaultRoleForUnknownUsers { get; set; } = AppRole.Responder;

    /// <summary>The address people open IncidentHub at, for links in Slack (optional; defaults to <c>IncidentHub:PublicUrl</c>).</summary>
    public string? PublicUrl { get; set; }

    /// <summary>How often the background sweeps look at the inbox and outbox (Hangfire cron, seconds allowed).</summary>
    public string SweepCron { get; set; } = "*/15 * * * * *";

    /// <summary>How long one call to Slack may take before its outcome counts as unknown.</summary>
    public double CallTimeoutSeconds { get; set; } = 10;

    /// <summary>How long a worker holds an outbox call it claimed (longer than any call may take).</summary>
    public double LeaseSeconds { get; set; } = 120;

    /// <summary>The gap kept between two posts in one channel (Slack allows about one a second).</summary>
    public double PostIntervalSeconds { get; set; } = 1.1;

    /// <summary>How long calls wait before trying again when Slack is unreachable.</summary>
    public double OutageRetrySeconds { get; set; } = 15;

    /// <summary>The longest Retry-After honoured; a longer one waits this long and tries again.</summary>
    public double MaxRetryAfterSeconds { get; set; } = 300;

    /// <summary>After a refusal that passes on its own (Slack's internal_error, say).</summary>
    public double RefusedForNowRetrySeconds { get; set; } = 30;

    /// <summary>After making a call (or recording its outcome) threw; a post is looked for in the channel before it is made again.</summary>
    public double CrashRetrySeconds { get; set; } = 60;

    /// <summary>While the incident's channel does not exist yet.</summary>
    public double ChannelWaitSeconds { get; set; } = 30;

    /// <summary>A rate limit that does not say for how long.</summary>
    public double DefaultRetryAfterSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SigningSecret) && !string.IsNullOrWhiteSpace(BotToken);

    public Uri ApiBase => new(ApiBaseUrl.EndsWith('/') ? ApiBaseUrl : ApiBaseUrl + "/");

    public string Reaction => TimelineReaction.Trim().Trim(':');

    public TimeSpan CallTimeout => TimeSpan.FromSeconds(CallTimeoutSeconds);

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public TimeSpan PostInterval => TimeSpan.FromSeconds(PostIntervalSeconds);

    public TimeSpan OutageRetry => TimeSpan.FromSeconds(OutageRetrySeconds);

    public TimeSpan MaxRetryAfter => TimeSpan.FromSeconds(MaxRetryAfterSeconds);

    /// <summary>The outbox's retry delays, from the settings above.</summary>
    public Core.Chat.Outbox.ChatRetrySettings Retry => new(
        OutageRetry,
        TimeSpan.FromSeconds(RefusedForNowRetrySeconds),
        TimeSpan.FromSeconds(CrashRetrySeconds),
        TimeSpan.FromSeconds(ChannelWaitSeconds),
        TimeSpan.FromSeconds(DefaultRetryAfterSeconds),
        MaxRetryAfter);
}

/// <summary>Stops start-up on a setting that cannot work, naming it.</summary>
public sealed partial class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var hasSecret = !string.IsNullOrWhiteSpace(options.SigningSecret);
        var hasToken = !string.IsNullOrWhiteSpace(options.BotToken);
        if (hasSecret != hasToken)
        {
            errors.Add(hasSecret
                ? "Slack:SigningSecret is set but Slack:BotToken is empty. Set both to connect Slack, or neither to run without it."
                : "Slack:BotToken is set but Slack:SigningSecret is empty. Set both to connect Slack, or neither to run without it.");
        }

        if (hasToken && !options.BotToken!.StartsWith("xox", StringComparison.Ordinal))
        {
            errors.Add("Slack:BotToken does not look like a Slack token: use the bot token, which starts with xoxb-.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
        {
            errors.Add($"Slack:ApiBaseUrl must be an absolute http(s) address such as {SlackOptions.DefaultApiBaseUrl}.");
        }

        if (!ReactionName().IsMatch(options.Reaction))
        {
            errors.Add("Slack:TimelineReaction must be a reaction name such as pushpin (letters, digits, _ + -).");
        }

        if (options.DefaultRoleForUnknownUsers is not (AppRole.Responder or AppRole.Viewer))
        {
            errors.Add("Slack:DefaultRoleForUnknownUsers must be Responder or Viewer.");
        }

        if (!string.IsNullOrWhiteSpace(options.PublicUrl) && !Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out _))
        {
            errors.Add("Slack:PublicUrl must be an absolute address such as https://incidents.example.com.");
        }

        if (options.CallTimeoutSeconds <= 0 || options.LeaseSeconds <= options.CallTimeoutSeconds * 2)
        {
            errors.Add("Slack:LeaseSeconds must be more than twice Slack:CallTimeoutSeconds, and both positive.");
        }

        if (options.PostIntervalSeconds < 0 || options.OutageRetrySeconds <= 0 || options.MaxRetryAfterSeconds <= 0)
        {
            errors.Add("Slack:PostIntervalSeconds, Slack:OutageRetrySeconds and Slack:MaxRetryAfterSeconds must be positive.");
        }

        if (options.RefusedForNowRetrySeconds < 0 || options.CrashRetrySeconds < 0 || options.ChannelWaitSeconds < 0 || options.DefaultRetryAfterSeconds < 0)
        {
            errors.Add("Slack:RefusedForNowRetrySeconds, Slack:CrashRetrySeconds, Slack:ChannelWaitSeconds and Slack:DefaultRetryAfterSeconds must not be negative.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[a-z0-9_+'-]{1,100}$")]
    private static partial Regex ReactionName();
}
