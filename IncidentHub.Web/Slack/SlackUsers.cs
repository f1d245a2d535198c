using System.Collections.Concurrent;
using System.Text.Json;
using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using Microsoft.Extensions.Options;

namespace IncidentHub.Web.Slack;

/// <summary>
/// Slack people and IncidentHub people: profiles from <c>users.info</c> (cached in Core's directory, which matches them
/// to accounts by email, with whether they are a full member, a guest or a bot), Slack ids for accounts from
/// <c>users.lookupByEmail</c>, and the bot's own identity from <c>auth.test</c>. Slack being slow or down never stops
/// anything here: the cached or fallback name is used (and someone Slack never described acts as a Viewer).
/// </summary>
public sealed partial class SlackUsers(
    SlackApiClient api,
    ChatUserDirectory directory,
    IOptions<SlackOptions> options,
    ILogger<SlackUsers> logger)
{
    private readonly ConcurrentDictionary<string, string> _accountToSlack = new(StringComparer.Ordinal);
    private BotIdentity? _bot;

    /// <summary>Who a Slack user is in IncidentHub, refreshing their profile first when it is old or unknown.</summary>
    public async Task<Actor> ActorAsync(string slackUserId, string fallbackName, CancellationToken cancellationToken)
    {
        await RefreshAsync([slackUserId], cancellationToken);
        return await directory.ActorForAsync(slackUserId, fallbackName, options.Value.DefaultRoleForUnknownUsers, cancellationToken);
    }

    /// <summary>Makes sure the directory knows these people (one <c>users.info</c> per unknown or stale one).</summary>
    public async Task RefreshAsync(IEnumerable<string> slackUserIds, CancellationToken cancellationToken)
    {
        foreach (var id in slackUserIds.Where(id => !string.IsNullOrEmpty(id)).Distinct())
        {
            var cached = await directory.GetAsync(id, cancellationToken);
            if (!directory.IsStale(cached))
            {
                continue;
            }

            var call = await api.CallAsync("users.info", cancellationToken, ("user", id));
            if (!call.Ok || !call.Body.TryGetProperty("user", out var user) || user.ValueKind != JsonValueKind.Object)
            {
                LogProfileUnavailable(logger, id, call.Describe());
                continue;
            }

            var (name, email) = NameAndEmail(user);
            await directory.RecordAsync(id, name ?? id, email, KindOf(user), cancellationToken);
        }
    }

    /// <summary>
    /// Which kind of workspace member <c>users.info</c> describes: a bot (<c>is_bot</c>, or Slackbot itself), a guest
    /// (<c>is_restricted</c>, <c>is_ultra_restricted</c>, or <c>is_stranger</c>: someone from another organisation in a
    /// shared channel), or a full member.
    /// </summary>
    public static ChatUserKind KindOf(JsonElement user)
    {
        bool Flag(string property) => user.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.True;
        var id = user.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
        if (Flag("is_bot") || id == "USLACKBOT")
        {
            return ChatUserKind.Bot;
        }

        return Flag("is_restricted") || Flag("is_ultra_restricted") || Flag("is_stranger") ? ChatUserKind.Guest : ChatUserKind.Member;
    }

    /// <summary>What to tell a Slack user who may not do <paramref name="what"/>, and who can help.</summary>
    public Task<string> RefusalAsync(string slackUserId, Actor actor, string what, CancellationToken cancellationToken) =>
        directory.RefusalAsync(slackUserId, actor, what, cancellationToken);

    /// <summary>
    /// The Slack id of an IncidentHub person: "slack:U…" actor ids carry it; accounts are found by email once and
    /// remembered. <see cref="SlackPerson.Id"/> is null when Slack does not know the email (they are then not invited
    /// or mentioned); <see cref="SlackPerson.Answered"/> is false when Slack could not be asked (try again later).
    /// </summary>
    public async Task<SlackPerson> SlackIdForAsync(string userId, CancellationToken cancellationToken)
    {
        if (_accountToSlack.TryGetValue(userId, out var known))
        {
            return new SlackPerson(known, true);
        }

        var found = await directory.FindExternalIdAsync(userId, cancellationToken);
        if (found is null && await directory.GetAccountEmailAsync(userId, cancellationToken) is { } email)
        {
            var call = await api.CallAsync("users.lookupByEmail", cancellationToken, ("email", email));
            if (call.Ok && call.Body.TryGetProperty("user", out var user) && user.TryGetProperty("id", out var id) && id.GetString() is { } slackId)
            {
                var (name, _) = NameAndEmail(user);
                await directory.RecordAsync(slackId, name ?? slackId, email, KindOf(user), cancellationToken);
                found = slackId;
            }
            else if (call.Status != SlackCallStatus.Refused)
            {
                return new SlackPerson(null, false);
            }
            else
            {
                LogNoSlackAccount(logger, userId, call.Describe());
            }
        }

        if (found is not null)
        {
            _accountToSlack[userId] = found;
        }

        return new SlackPerson(found, true);
    }

    /// <summary>The bot's own user and bot ids (from <c>auth.test</c>, asked once), so its own doings are not mirrored.</summary>
    public async Task<BotIdentity?> BotAsync(CancellationToken cancellationToken)
    {
        if (_bot is not null)
        {
            return _bot;
        }

        var call = await api.CallAsync("auth.test", cancellationToken);
        if (!call.Ok)
        {
            return null;
        }

        _bot = new BotIdentity(call.Str("user_id"), call.Str("bot_id"));
        return _bot;
    }

    private static (string? Name, string? Email) NameAndEmail(JsonElement user)
    {
        string? Read(JsonElement from, string property) =>
            from.ValueKind == JsonValueKind.Object && from.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
        var profile = user.TryGetProperty("profile", out var p) ? p : default;
        var name = Read(profile, "display_name") ?? Read(profile, "real_name") ?? Read(user, "real_name") ?? Read(user, "name");
        return (name, Read(profile, "email"));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No Slack profile for {SlackUserId} ({Reason}); using the name from the event")]
    private static partial void LogProfileUnavailable(ILogger logger, string slackUserId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "IncidentHub user {UserId} has no Slack account found by email ({Reason})")]
    private static partial void LogNoSlackAccount(ILogger logger, string userId, string reason);
}

public sealed record BotIdentity(string? UserId, string? BotId);

/// <summary>A person's Slack id (null: Slack does not know them), and whether Slack could be asked at all.</summary>
public sealed record SlackPerson(string? Id, bool Answered);
