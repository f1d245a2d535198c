using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using IncidentHub.Core.Chat;
using Microsoft.Extensions.Options;

namespace IncidentHub.Web.Slack;

/// <summary>A scope the Slack app needs, and what goes missing without it.</summary>
public sealed record SlackScope(string Name, string Enables);

/// <summary>What <c>auth.test</c> said: connected (and to which workspace, with which scopes) or why not.</summary>
public sealed record SlackConnection(bool Configured, bool Connected, string? Team, string? BotUser, string? WorkspaceUrl, string? Problem, IReadOnlyList<SlackScope> MissingScopes);

/// <summary>What the Slack settings page shows: the connection, the scopes, the addresses to paste, the manifest.</summary>
/// <summary>Something Slack told us that an admin should know: what it was and when it last arrived.</summary>
public sealed record SlackNotice(string Kind, DateTimeOffset At)
{
    public string Describe(string when) => Kind switch
    {
        "tokens_revoked" => $"Slack reported revoked tokens {when}. If the connection above fails, reinstall the app and update Slack:BotToken.",
        "app_uninstalled" => $"The app was uninstalled from the workspace {when}.",
        _ => $"Slack held back events {when}: more than 30,000 in an hour. Some channel activity may be missing from timelines.",
    };
}

public sealed class SlackAdmin(IOptions<SlackOptions> options, IServiceProvider services)
{
    /// <summary>The events Slack sends about the app itself that the admin page shows.</summary>
    public static readonly IReadOnlyList<string> NoticeKinds = ["tokens_revoked", "app_uninstalled", "app_rate_limited"];

    public static readonly IReadOnlyList<SlackScope> RequiredScopes =
    [
        new("commands", "the /inc command and the declare shortcut"),
        new("chat:write", "posting updates, changes, nudges and announcements"),
        new("channels:manage", "creating, naming, inviting people to and archiving incident channels"),
        new("channels:read", "finding a channel an earlier try created, and an announcements channel given by name"),
        new("channels:history", "mirroring incident channels into the timeline, and checking whether a post went through"),
        new("groups:write", "private channels for private incidents"),
        new("groups:read", "finding private incident channels"),
        new("groups:history", "mirroring private incident channels"),
        new("reactions:read", "key events marked with the timeline reaction"),
        new("pins:read", "key events marked by pinning"),
        new("users:read", "showing Slack people by name"),
        new("users:read.email", "matching Slack people to IncidentHub accounts, invites and mentions"),
        new("files:read", "copying images shared in incident channels"),
        new("bookmarks:write", "a bookmark to the incident's page in its channel (with Slack:PublicUrl)"),
        new("im:write", "direct messages: the weekly follow-up digest"),
        new("im:history", "checking whether a direct message went through"),
    ];

    public static readonly IReadOnlyList<string> BotEvents =
    [
        "message.channels", "message.groups", "reaction_added", "reaction_removed", "pin_added", "pin_removed",
        "member_joined_channel", "app_uninstalled", "tokens_revoked",
    ];

    public SlackOptions Options => options.Value;

    public bool IsConfigured => options.Value.IsConfigured;

    public async Task<SlackConnection> CheckAsync(CancellationToken cancellationToken)
    {
        if (!IsConfigured || services.GetService<SlackApiClient>() is not { } api)
        {
            return new SlackConnection(false, false, null, null, null, null, []);
        }

        var call = await api.CallAsync("auth.test", cancellationToken);
        if (!call.Ok)
        {
            var problem = call.Status switch
            {
                SlackCallStatus.Refused when call.Error is "invalid_auth" or "not_authed" or "token_revoked" or "account_inactive" =>
                    $"Slack refused the bot token ({call.Error}). Check Slack:BotToken, or reinstall the app to the workspace.",
                SlackCallStatus.Unreachable => "Slack could not be reached from this server. Calls wait in the outbox and go out once it is back.",
                _ => $"Slack did not confirm the connection ({call.Describe()}).",
            };
            return new SlackConnection(true, false, null, null, null, problem, []);
        }

        var granted = (call.Scopes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var missing = call.Scopes is null ? [] : RequiredScopes.Where(s => !granted.Contains(s.Name)).ToList();
        return new SlackConnection(true, true, call.Str("team"), call.Str("user"), call.Str("url"), null, missing);
    }

    /// <summary>
    /// Why Slack, calling from the internet, could not reach <paramref name="baseUrl"/>; null when it is a public
    /// HTTPS address. Slack's request URLs must be HTTPS and reachable from outside.
    /// </summary>
    public static string? PublicAddressProblem(string baseUrl)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
        {
            return "it is not a full web address";
        }

        var reasons = new List<string>();
        var host = uri.IdnHost;
        if (uri.IsLoopback || host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add("it is this machine's own address");
        }
        else if (IPAddress.TryParse(host.Trim('[', ']'), out var ip))
        {
            if (IsPrivate(ip))
            {
                reasons.Add("it is a private network address");
            }
        }
        else if (!host.Contains('.', StringComparison.Ordinal) || host.EndsWith(".local", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".lan", StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add("it is a name only your own network knows");
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            reasons.Add("it is not HTTPS");
        }

        return reasons.Count == 0 ? null : string.Join(", and ", reasons);
    }

    private static bool IsPrivate(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal;
        }

        var b = ip.GetAddressBytes();
        return b[0] == 10 || b[0] == 127 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127) || b[0] == 0;
    }

    public static IReadOnlyList<(string Label, string Url)> RequestUrls(string baseUrl)
    {
        var root = baseUrl.TrimEnd('/');
        return
        [
            ("Slash command /inc", root + "/slack/commands"),
            ("Event subscriptions", root + "/slack/events"),
            ("Interactivity", root + "/slack/interactivity"),
        ];
    }

    /// <summary>A Slack app manifest (JSON) with this installation's addresses, scopes and events.</summary>
    public static string Manifest(string baseUrl)
    {
        var root = baseUrl.TrimEnd('/');
        var scopes = new JsonArray();
        foreach (var scope in RequiredScopes)
        {
            scopes.Add(scope.Name);
        }

        var events = new JsonArray();
        foreach (var name in BotEvents)
        {
            events.Add(name);
        }

        var manifest = new JsonObject
        {
            ["display_information"] = new JsonObject
            {
                ["name"] = "IncidentHub",
                ["description"] = "Declare and run incidents from Slack; every incident channel mirrored into IncidentHub.",
            },
            ["features"] = new JsonObject
            {
                ["bot_user"] = new JsonObject { ["display_name"] = "IncidentHub", ["always_online"] = true },
                ["slash_commands"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["command"] = "/inc",
                        ["url"] = root + "/slack/commands",
                        ["description"] = "Declare and run incidents",
                        ["usage_hint"] = "[declare <name> | update <text> | status <status> | help]",
                        ["should_escape"] = true,
                    },
                },
                ["shortcuts"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["name"] = "Declare an incident",
                        ["type"] = "global",
                        ["callback_id"] = SlackDeclareModal.CallbackId,
                        ["description"] = "Open IncidentHub's declare form",
                    },
                },
            },
            ["oauth_config"] = new JsonObject { ["scopes"] = new JsonObject { ["bot"] = scopes } },
            ["settings"] = new JsonObject
            {
                ["event_subscriptions"] = new JsonObject { ["request_url"] = root + "/slack/events", ["bot_events"] = events },
                ["interactivity"] = new JsonObject { ["is_enabled"] = true, ["request_url"] = root + "/slack/interactivity" },
                ["org_deploy_enabled"] = false,
                ["socket_mode_enabled"] = false,
                ["token_rotation_enabled"] = false,
            },
        };
        return manifest.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>The latest of each notice Slack sent about the app (revoked tokens, uninstalled, rate-limited events).</summary>
    public async Task<IReadOnlyList<SlackNotice>> NoticesAsync(CancellationToken cancellationToken)
    {
        var notices = new List<SlackNotice>();
        if (!IsConfigured)
        {
            return notices;
        }

        var inbox = services.GetRequiredService<ChatInboxService>();
        foreach (var kind in NoticeKinds)
        {
            if (await inbox.LastReceivedAsync(kind, cancellationToken) is { } at)
            {
                notices.Add(new SlackNotice(kind, at));
            }
        }

        return notices;
    }

    /// <summary>Queues a test message in the announcements channel and sends it straight away.</summary>
    public async Task<long> SendTestMessageAsync(Core.Common.Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.EnsureAdmin();
        if (string.IsNullOrWhiteSpace(options.Value.AnnouncementsChannel))
        {
            // The outbox skips whatever is meant for a missing announcements channel; say so here, before queueing.
            throw new Core.Common.DomainException("There is no announcements channel to send the test message to. Set Slack:AnnouncementsChannel (a channel id, or #name) and restart.");
        }

        var id = await services.GetRequiredService<ChatOutboxService>().EnqueueTestMessageAsync(actor, cancellationToken);
        services.GetService<SlackWorkTrigger>()?.RequestOutbox();
        return id;
    }

    /// <summary>Puts a failed call back in its lane and sends it straight away.</summary>
    public async Task RetryAsync(Core.Common.Actor actor, long outboxId, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<ChatOutboxService>().RetryAsync(actor, outboxId, cancellationToken);
        services.GetService<SlackWorkTrigger>()?.RequestOutbox();
    }

    public async Task RetryEventAsync(Core.Common.Actor actor, long inboxId, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<ChatInboxService>().RetryAsync(actor, inboxId, cancellationToken);
        services.GetService<SlackWorkTrigger>()?.RequestInbox();
    }
}
